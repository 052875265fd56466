package dev.milepost.schedule.internal;

import dev.milepost.schedule.ForecastMethod;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduling settings ({@code milepost.schedule.*}).
 *
 * @param approachingDays the approaching window in calendar days (default 14)
 * @param atRiskSlackDays slack below this many working days is at risk (default 3)
 * @param forecastMethod how remaining work of tasks under way is estimated (default planned rate)
 */
@ConfigurationProperties("milepost.schedule")
record ScheduleSettings(Integer approachingDays, Integer atRiskSlackDays, ForecastMethod forecastMethod) {

	ScheduleSettings {
		approachingDays = approachingDays == null ? 14 : approachingDays;
		atRiskSlackDays = atRiskSlackDays == null ? 3 : atRiskSlackDays;
		forecastMethod = forecastMethod == null ? ForecastMethod.PLANNED_RATE : forecastMethod;
	}

	StatusRules rules() {
		return new StatusRules(approachingDays, atRiskSlackDays);
	}

}
