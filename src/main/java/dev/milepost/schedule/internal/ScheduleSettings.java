package dev.milepost.schedule.internal;

import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.StatusRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduling settings ({@code milepost.schedule.*}).
 *
 * @param approachingDays the approaching window in calendar days (default 14)
 * @param atRiskSlackDays where the chance of meeting the target is not known, slack below this
 * many working days is at risk (default 3)
 * @param atRiskChance a chance of meeting the target below this share is the evidence of risk (default 0.4)
 * @param clearChance a milestone at risk stays so until its chance is back to this share or more
 * with the forecast in time (default 0.6; hysteresis)
 * @param atRiskAfterDays the evidence of risk (a chance below {@code atRiskChance}, a forecast
 * after the target) must last this many calendar days before a milestone is at risk (default 4; 0:
 * at once)
 * @param lateAtOnceDays a forecast this many working days or more after the target is at risk at
 * once (default 10)
 * @param statusIterations the Monte Carlo runs behind each status's chance of meeting the target
 * (default 500; 0 decides by slack and late work alone)
 * @param forecastMethod how remaining work of tasks under way is estimated (default planned rate)
 * @param statusSharedSpread the spread of the slip the status's Monte Carlo run shares among all
 * the work of an iteration, its centre fitted from the project's finished tasks ({@link SharedSlip};
 * default 0.12; 0 draws tasks independently)
 */
@ConfigurationProperties("milepost.schedule")
record ScheduleSettings(Integer approachingDays, Integer atRiskSlackDays, Double atRiskChance,
		Integer statusIterations, ForecastMethod forecastMethod, Double statusSharedSpread, Double clearChance,
		Integer atRiskAfterDays, Integer lateAtOnceDays) {

	/** The defaults, as an application without {@code milepost.schedule.*} settings has them. */
	static final ScheduleSettings DEFAULTS = new ScheduleSettings(null, null, null, null, null, null, null, null, null);

	ScheduleSettings {
		approachingDays = approachingDays == null ? 14 : approachingDays;
		atRiskSlackDays = atRiskSlackDays == null ? 3 : atRiskSlackDays;
		atRiskChance = atRiskChance == null ? 0.4 : atRiskChance;
		statusIterations = statusIterations == null ? 500 : statusIterations;
		forecastMethod = forecastMethod == null ? ForecastMethod.PLANNED_RATE : forecastMethod;
		statusSharedSpread = statusSharedSpread == null ? 0.12 : statusSharedSpread;
		clearChance = clearChance == null ? Math.max(0.6, atRiskChance) : clearChance;
		atRiskAfterDays = atRiskAfterDays == null ? 4 : atRiskAfterDays;
		lateAtOnceDays = lateAtOnceDays == null ? 10 : lateAtOnceDays;
		if (!(statusSharedSpread >= 0 && statusSharedSpread <= 1)) {
			throw new IllegalArgumentException("milepost.schedule.status-shared-spread is from 0 to 1, got "
					+ statusSharedSpread);
		}
		if (statusIterations < 0) {
			throw new IllegalArgumentException("milepost.schedule.status-iterations cannot be negative");
		}
	}

	StatusRules rules() {
		return new StatusRules(approachingDays, atRiskSlackDays, atRiskChance, clearChance, atRiskAfterDays,
				lateAtOnceDays);
	}

}
