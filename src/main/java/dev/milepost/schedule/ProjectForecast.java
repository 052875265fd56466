package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectPlan;

/**
 * A project's plan scheduled from a status date: every activity's forecast dates and float, and
 * every milestone's status with its reasons, as the schedule API computes them.
 *
 * @param plan the plan it was computed from
 * @param statusDate the day progress counts up to (today, unless asked otherwise)
 * @param finish the forecast project finish
 * @param activities tasks, then milestones, in the plan's order
 * @param milestones each milestone's status, in the plan's order (by target date)
 */
public record ProjectForecast(ProjectPlan plan, LocalDate statusDate, LocalDate finish, List<Activity> activities,
		List<MilestoneForecast> milestones) {

	/**
	 * One task or milestone as scheduled. A task runs from {@code start} to {@code finish} (its
	 * first and last working days); a milestone falls on {@code finish}.
	 */
	public record Activity(UUID id, ActivityKind kind, String name, LocalDate start, LocalDate finish,
			LocalDate lateStart, LocalDate lateFinish, int totalFloat, boolean critical, boolean done) {
	}

	/**
	 * A milestone's computed status. The first of {@code reasons} decided it ({@link #decidedBy()});
	 * {@code risk} is the seeded Monte Carlo outcome the status weighed (P50 / P80 / P95 and the
	 * chance of meeting the target), null where it says nothing: achieved, nothing feeds it, it
	 * cannot be achieved, or the plan's estimates cannot be simulated. {@code drivingPath} names the
	 * work that sets its date, first to last.
	 */
	public record MilestoneForecast(UUID id, String name, LocalDate target, LocalDate forecast, Integer slackDays,
			MilestoneStatus status, List<Reason> reasons, List<String> drivingPath, Forecasts.Risk risk) {

		/** The reason that decided the status. */
		public Reason decidedBy() {
			return reasons.get(0);
		}

	}

	public Optional<Activity> activity(UUID id) {
		return activities.stream().filter(a -> a.id().equals(id)).findFirst();
	}

	public Optional<MilestoneForecast> milestone(UUID id) {
		return milestones.stream().filter(m -> m.id().equals(id)).findFirst();
	}

}
