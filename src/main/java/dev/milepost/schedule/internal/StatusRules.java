package dev.milepost.schedule.internal;

/**
 * The thresholds of the milestone status rules.
 *
 * @param approachingDays a milestone whose target is this many calendar days away or fewer is
 * approaching
 * @param atRiskSlackDays fewer working days of slack than this before the target is at risk
 */
record StatusRules(int approachingDays, int atRiskSlackDays) {

	StatusRules {
		if (approachingDays < 0 || atRiskSlackDays < 0) {
			throw new IllegalArgumentException("Status thresholds cannot be negative");
		}
	}

}
