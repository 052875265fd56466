package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.EarlyWarning;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.engine.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * How early did we warn, per project: its closed milestones' outcomes against the status history
 * recorded with their forecast trend ({@code milestone_forecast}: every change of forecast or
 * status, with the status date it was computed for), in two reads.
 */
@Component
class EarlyWarnings {

	private final PlanQueries plans;

	private final ForecastTrends trends;

	private final Schedules schedules;

	EarlyWarnings(PlanQueries plans, ForecastTrends trends, Schedules schedules) {
		this.plans = plans;
		this.trends = trends;
		this.schedules = schedules;
	}

	EarlyWarning of(ProjectContext context) {
		ProjectPlan plan = plans.plan(context);
		return of(plan, trends.ofProject(plan.projectId()), schedules.today());
	}

	/** Plain Java: the plan as it stands, each milestone's recorded trend, and today. */
	static EarlyWarning of(ProjectPlan plan, Map<java.util.UUID, List<Forecasts.TrendPoint>> trends, LocalDate today) {
		WorkingCalendar calendar = new WorkingCalendar(plan.start(), plan.workingDays(), plan.holidays());
		List<EarlyWarning.Closed> closed = new ArrayList<>();
		int open = 0;
		for (ProjectPlan.Milestone m : plan.milestones()) {
			LocalDate target = m.targetDate();
			LocalDate achievedOn = m.achieved() ? LocalDate.ofInstant(m.achievedAt(), ZoneOffset.UTC) : null;
			if (achievedOn == null && !target.isBefore(today)) {
				open++;
				continue;
			}
			LocalDate outcomeDay = achievedOn != null ? achievedOn : today;
			boolean met = achievedOn != null && !achievedOn.isAfter(target);
			int workingDays = met ? calendar.endOf(target) - calendar.endOf(achievedOn)
					: calendar.endOf(outcomeDay) - calendar.endOf(target);
			Forecasts.TrendPoint flag = trends.getOrDefault(m.id(), List.of())
				.stream()
				.filter(p -> p.statusDate().isBefore(target) && flags(p, target))
				.min(Comparator.comparing(Forecasts.TrendPoint::statusDate).thenComparing(Forecasts.TrendPoint::recordedAt))
				.orElse(null);
			closed.add(new EarlyWarning.Closed(m.id(), m.name(), target, achievedOn,
					met ? EarlyWarning.Outcome.MET : EarlyWarning.Outcome.MISSED, Math.max(0, workingDays),
					flag == null ? null : flag.statusDate(), flag == null ? null : flag.status(),
					flag == null ? null : calendar.dayIndex(target) - calendar.dayIndex(flag.statusDate())));
		}
		closed.sort(Comparator.comparing(EarlyWarning.Closed::target).thenComparing(EarlyWarning.Closed::name));
		return new EarlyWarning(plan.key(), today, closed, open, EarlyWarning.HitRate.of(closed));
	}

	/** A warning: at risk or missed, or for a point kept without its status, a forecast after the target. */
	private static boolean flags(Forecasts.TrendPoint point, LocalDate target) {
		if (point.status() == null) {
			return point.forecast().isAfter(target);
		}
		return point.status() == MilestoneStatus.AT_RISK || point.status() == MilestoneStatus.MISSED;
	}

}
