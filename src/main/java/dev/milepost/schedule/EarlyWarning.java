package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How early a project's milestone status warned, measured on its own closed milestones (issue 17):
 * each one's outcome against its target and the first day its status flagged it, from the status
 * history kept with its forecast trend; and the project's own hit rate, scored as
 * {@code docs/early-warning.md} scores the replayed projects.
 *
 * @param project the project's key
 * @param today the day it was computed: milestones whose target has passed unachieved are missed as of it
 * @param milestones the closed milestones (achieved, or target passed unachieved), by target
 * @param open how many milestones are still open (target to come and not achieved): not scored yet
 * @param hitRate the project's own scores over {@code milestones}
 */
public record EarlyWarning(String project, LocalDate today, List<Closed> milestones, int open, HitRate hitRate) {

	/** A flag at least this many working days before the target counts as a warning in time. */
	public static final int IN_TIME_WORKING_DAYS = 10;

	public enum Outcome {

		/** Achieved on or before its target day. */
		MET,
		/** Achieved after its target day, or its target day passed and it is not achieved. */
		MISSED

	}

	/**
	 * One closed milestone.
	 *
	 * @param target its target as it stands (after any re-plan)
	 * @param achievedOn the day it was achieved (a back-dated achievement's day); null when missed
	 *        and still not achieved
	 * @param outcome met or missed
	 * @param workingDays for a met milestone the working days it had to spare, for a missed one the
	 *        working days it was late (up to today while it is still not achieved)
	 * @param firstFlagged the first status date, before the target day, on which its status was at
	 *        risk (or missed, or, for points kept from before statuses were recorded, a forecast after
	 *        the target); null when it was never flagged before the target
	 * @param flaggedAs the status it was flagged with then (null for a point kept without one)
	 * @param leadWorkingDays working days from the first flag to the target; null when never flagged
	 */
	public record Closed(UUID id, String name, LocalDate target, LocalDate achievedOn, Outcome outcome,
			int workingDays, LocalDate firstFlagged, MilestoneStatus flaggedAs, Integer leadWorkingDays) {

		public boolean flagged() {
			return firstFlagged != null;
		}

		/** Missed and flagged at least {@value EarlyWarning#IN_TIME_WORKING_DAYS} working days before its target. */
		public boolean warnedInTime() {
			return outcome == Outcome.MISSED && leadWorkingDays != null && leadWorkingDays >= IN_TIME_WORKING_DAYS;
		}

	}

	/**
	 * The project's scores: of the missed milestones, how many were flagged in time ({@code recall},
	 * null with none missed); of the flagged ones, how many were met all the same
	 * ({@code falseAlarmShare}, null with none flagged); and the mean lead of the flagged misses.
	 */
	public record HitRate(int closed, int missed, int missedWarnedInTime, Double recall, int flagged,
			int flaggedThenMet, Double falseAlarmShare, Double meanLeadOfMisses) {

		public static HitRate of(List<Closed> closed) {
			List<Closed> missed = closed.stream().filter(c -> c.outcome() == Outcome.MISSED).toList();
			int inTime = (int) missed.stream().filter(Closed::warnedInTime).count();
			List<Closed> flagged = closed.stream().filter(Closed::flagged).toList();
			int thenMet = (int) flagged.stream().filter(c -> c.outcome() == Outcome.MET).count();
			var leads = missed.stream().filter(Closed::flagged).mapToInt(Closed::leadWorkingDays).average();
			return new HitRate(closed.size(), missed.size(), inTime,
					missed.isEmpty() ? null : (double) inTime / missed.size(), flagged.size(), thenMet,
					flagged.isEmpty() ? null : (double) thenMet / flagged.size(),
					leads.isPresent() ? leads.getAsDouble() : null);
		}

	}

}
