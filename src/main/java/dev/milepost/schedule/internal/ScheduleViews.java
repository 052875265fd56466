package dev.milepost.schedule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.Reason;

/** What the schedule API answers. Floats are in working days. */
final class ScheduleViews {

	private ScheduleViews() {
	}

	record ActivityView(UUID id, ActivityKind kind, String name, LocalDate earlyStart, LocalDate earlyFinish,
			LocalDate lateStart, LocalDate lateFinish, int totalFloat, int freeFloat, boolean critical, boolean done) {
	}

	/**
	 * The schedule; {@code activities} is one page of them (tasks, then milestones, in the plan's
	 * order): {@code page} from 0, {@code size} per page, {@code totalActivities} in all.
	 */
	record ScheduleView(String project, LocalDate statusDate, ForecastMethod method, LocalDate projectStart,
			LocalDate projectFinish, LocalDate targetFinish, List<UUID> criticalPath,
			dev.milepost.schedule.EarnedSchedule earnedSchedule, List<ActivityView> activities, int page, int size,
			int totalActivities, int totalPages) {
	}

	record PathStep(UUID id, ActivityKind kind, String name) {
	}

	/**
	 * A milestone's status; {@code decidedBy} is the reason that decided it (also the first of
	 * {@code reasons}), beside the figures it weighed: slack, and the chance of meeting the target
	 * and the P80 of the seeded Monte Carlo run (null where they say nothing).
	 */
	record MilestoneStatusView(UUID id, String name, LocalDate target, LocalDate forecast, Integer slackDays,
			MilestoneStatus status, Reason decidedBy, Double chanceOfMeetingTarget, LocalDate p80,
			List<Reason> reasons, List<PathStep> drivingPath) {
	}

	/**
	 * The statuses as of the status date, computed now; {@code statusesStaleSince} says since when
	 * the project's stored statuses (the trend, the notices of status changes, what re-planning
	 * goes by) miss a change, while its recompute waits or fails and is retried (null: current).
	 */
	record StatusReport(String project, LocalDate statusDate, List<MilestoneStatusView> milestones,
			Instant statusesStaleSince) {

		StatusReport staleSince(Instant since) {
			return new StatusReport(project, statusDate, milestones, since);
		}

	}

}
