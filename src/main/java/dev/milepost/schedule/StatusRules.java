package dev.milepost.schedule;

/**
 * The thresholds of the milestone status rules ({@code milepost.schedule.*}).
 *
 * @param approachingDays a milestone whose target is this many calendar days away or fewer is
 * approaching
 * @param atRiskSlackDays where the chance of meeting the target is not known, fewer working days
 * of slack than this before the target is at risk
 * @param atRiskChance a chance of meeting the target below this share (0–1) is at risk
 */
public record StatusRules(int approachingDays, int atRiskSlackDays, double atRiskChance) {

	public StatusRules {
		if (approachingDays < 0 || atRiskSlackDays < 0) {
			throw new IllegalArgumentException("Status thresholds cannot be negative");
		}
		if (!(atRiskChance >= 0 && atRiskChance <= 1)) {
			throw new IllegalArgumentException("The at-risk chance is a share from 0 to 1, got " + atRiskChance);
		}
	}

}
