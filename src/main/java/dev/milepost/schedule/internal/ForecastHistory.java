package dev.milepost.schedule.internal;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectHistoryLoaded;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.StatusMemory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the forecast trend of a project loaded with its past (the demo portfolio): the plan is
 * replayed as it stood each Monday from its start until today, as a weekly status meeting would
 * have seen it ({@link PlanAsOf}), and each change of a milestone's forecast or status is recorded
 * as the point it would have made then. Runs in the transaction that loaded the project; the
 * usual recomputation after it commits adds today's point.
 */
@Component
class ForecastHistory {

	/** When a replayed week's point counts as recorded: Monday morning's status meeting. */
	private static final LocalTime MEETING = LocalTime.of(9, 0);

	private final PlanQueries plans;

	private final Schedules schedules;

	private final MilestoneStatuses statuses;

	ForecastHistory(PlanQueries plans, Schedules schedules, MilestoneStatuses statuses) {
		this.plans = plans;
		this.schedules = schedules;
		this.statuses = statuses;
	}

	private record Point(LocalDate forecast, MilestoneStatus status) {
	}

	@EventListener
	void on(ProjectHistoryLoaded loaded) {
		UUID projectId = plans.projectId(loaded.projectKey()).orElse(null);
		if (projectId != null) {
			// today's statuses remember the past weeks, as if the daily recompute had run all along
			statuses.recompute(loaded.projectKey(), rebuild(projectId, plans.plan(projectId)));
		}
	}

	/** Records the trend week by week; returns what the statuses remember at the last week. */
	Map<UUID, StatusMemory> rebuild(UUID projectId, ProjectPlan plan) {
		LocalDate today = schedules.today();
		Map<UUID, Point> last = new HashMap<>();
		// the statuses remember from week to week, as the daily recompute would have
		Map<UUID, StatusMemory> remembered = new HashMap<>();
		for (LocalDate day = plan.start().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)); day.isBefore(today);
				day = day.plusWeeks(1)) {
			Schedules.Computed computed = schedules.compute(PlanAsOf.of(plan, day, today), day, null);
			Timestamp at = Timestamp.from(day.atTime(MEETING).toInstant(ZoneOffset.UTC));
			for (MilestoneEvaluation evaluation : schedules.evaluate(computed, remembered)) {
				remembered.put(evaluation.milestoneId(), evaluation.memory());
				Point point = new Point(evaluation.forecast(), evaluation.status());
				if (evaluation.forecast() != null && !point.equals(last.put(evaluation.milestoneId(), point))) {
					statuses.recordTrend(projectId, evaluation.milestoneId(), day, evaluation.forecast(),
							evaluation.status(), at);
				}
			}
		}
		return remembered;
	}

}
