package dev.milepost.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a milestone's status remembers from the days before, so that it neither flags a milestone
 * for one bad day nor flickers (see {@link MilestoneStatusPolicy#decide(MilestoneFacts, StatusMemory)}).
 * Kept with the milestone's stored status and carried from one status date to the next.
 *
 * @param asOf the status date it was last decided for; null when nothing is remembered
 * @param lowSince the first status date of the current run of days with the evidence of risk (a
 * chance below {@link StatusRules#atRiskChance()}, a forecast after the target, or, where the chance
 * is not known, little slack or late work); null when the last decision saw none
 * @param atRiskSince the status date the milestone was last put at risk by that evidence; null when
 * it is not at risk
 */
public record StatusMemory(LocalDate asOf, LocalDate lowSince, LocalDate atRiskSince) {

	/** Nothing remembered: a first day. */
	public static final StatusMemory NONE = new StatusMemory(null, null, null);

	/**
	 * What is remembered as seen from {@code statusDate}: nothing for a status date before the one it
	 * was decided for (a status asked for the past is decided as a first day).
	 */
	public StatusMemory asSeenOn(LocalDate statusDate) {
		return asOf == null || statusDate.isBefore(asOf) ? NONE : this;
	}

	/** Calendar days since the evidence of risk was first seen in the current run, 0 when none. */
	long lowFor(LocalDate statusDate) {
		return lowSince == null ? 0 : ChronoUnit.DAYS.between(lowSince, statusDate);
	}

}
