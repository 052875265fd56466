package dev.milepost.schedule;

/**
 * The thresholds of the milestone status rules ({@code milepost.schedule.*}).
 *
 * @param approachingDays a milestone whose target is this many calendar days away or fewer is
 * approaching
 * @param atRiskSlackDays where the chance of meeting the target is not known, fewer working days
 * of slack than this before the target is at risk
 * @param atRiskChance a chance of meeting the target below this share (0–1) is the evidence of risk
 * @param clearChance a milestone at risk stays so until the chance is back to this share or more with
 * the forecast in time (hysteresis; at least {@code atRiskChance})
 * @param atRiskAfterDays the evidence of risk must have lasted this many calendar days before the
 * milestone is put at risk (0: at once)
 * @param lateAtOnceDays a forecast this many working days or more after the target puts the
 * milestone at risk at once, without waiting (it is no slide of a few days between two progress reports)
 */
public record StatusRules(int approachingDays, int atRiskSlackDays, double atRiskChance, double clearChance,
		int atRiskAfterDays, int lateAtOnceDays) {

	/** Rules without memory: at risk on the day the evidence is seen, back on track on the day it is gone. */
	public StatusRules(int approachingDays, int atRiskSlackDays, double atRiskChance) {
		this(approachingDays, atRiskSlackDays, atRiskChance, atRiskChance, 0, 1);
	}

	public StatusRules {
		if (!(clearChance >= atRiskChance && clearChance <= 1)) {
			throw new IllegalArgumentException("The chance that clears a milestone at risk is from the at-risk chance ("
					+ atRiskChance + ") to 1, got " + clearChance);
		}
		if (lateAtOnceDays < 1) {
			throw new IllegalArgumentException("A forecast late at once is at least 1 working day late, got "
					+ lateAtOnceDays);
		}
		if (approachingDays < 0 || atRiskSlackDays < 0 || atRiskAfterDays < 0) {
			throw new IllegalArgumentException("Status thresholds cannot be negative");
		}
		if (!(atRiskChance >= 0 && atRiskChance <= 1)) {
			throw new IllegalArgumentException("The at-risk chance is a share from 0 to 1, got " + atRiskChance);
		}
	}

}
