package dev.milepost.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.approval.ApprovalRequests;
import dev.milepost.health.Finding;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.ProjectForecast;

/**
 * What the printable status report says, worked out from the forecast (each milestone's status
 * with the reason that decided it, beside the figures it weighed: slack, and the P80 and chance of
 * the seeded Monte Carlo run the status came from), the milestones' forecast history, plan health
 * and pending approvals. Milestones at risk or missed come first.
 */
record StatusReport(ProjectPlan project, LocalDate statusDate, LocalDate finish, long finishVersusTargetDays,
		Move finishMove, List<Row> milestones, List<Overview.Upcoming> upcoming, int lookAhead,
		List<Finding> findings, List<ApprovalRequests.Due> approvals) {

	/** How far a forecast moved since {@code since} (calendar days; positive: later). */
	record Move(String what, LocalDate since, LocalDate then, LocalDate now, long days) {

		public String words() {
			if (days == 0) {
				return "unchanged";
			}
			return (days > 0 ? "later by " : "earlier by ") + Math.abs(days) + (Math.abs(days) == 1 ? " day" : " days");
		}

	}

	record Row(UUID id, String name, MilestoneStatus status, String label, LocalDate target, LocalDate forecast,
			String slack, LocalDate p80, String chance, String decidedBy, List<String> notes, Move move) {

		static Row of(ProjectForecast.MilestoneForecast m, Move move) {
			Overview.MilestoneRow row = Overview.MilestoneRow.of(m);
			return new Row(m.id(), m.name(), m.status(), row.label(), m.target(), m.forecast(), row.slackWords(),
					m.risk() == null ? null : m.risk().p80(), row.chanceWords(), m.decidedBy().message(), row.notes(),
					move);
		}

		public boolean late() {
			return status == MilestoneStatus.AT_RISK || status == MilestoneStatus.MISSED;
		}

	}

	static final int WEEK = 7;

	static StatusReport of(ProjectForecast forecast, Map<UUID, List<Forecasts.TrendPoint>> trends,
			List<Finding> findings, List<ApprovalRequests.Due> approvals, int lookAhead) {
		LocalDate today = forecast.statusDate();
		List<Row> rows = forecast.milestones()
			.stream()
			.map(m -> Row.of(m, move(m.name(), trends.getOrDefault(m.id(), List.of()), m.forecast(), today)))
			.sorted(Comparator.comparing((Row r) -> !r.late())
				.thenComparing(Row::target, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Row::name))
			.toList();
		ProjectPlan plan = forecast.plan();
		long versus = ChronoUnit.DAYS.between(plan.targetFinish(), forecast.finish());
		Move finishMove = forecast.milestones()
			.stream()
			.filter(m -> m.forecast() != null)
			.max(Comparator.comparing(ProjectForecast.MilestoneForecast::forecast))
			.map(m -> move(m.name(), trends.getOrDefault(m.id(), List.of()), m.forecast(), today))
			.orElse(null);
		return new StatusReport(plan, today, forecast.finish(), versus, finishMove, rows,
				Overview.upcoming(forecast, today, lookAhead), lookAhead, findings, approvals);
	}

	/**
	 * The move since a week ago: against the forecast last recorded on or before that day (a point
	 * is recorded at each change, several a day in the order they happened); none when the history
	 * does not reach back so far.
	 */
	static Move move(String what, List<Forecasts.TrendPoint> trend, LocalDate now, LocalDate today) {
		LocalDate since = today.minusDays(WEEK);
		return trend.stream()
			.filter(p -> p.forecast() != null && !p.statusDate().isAfter(since))
			.max(Comparator.comparing(Forecasts.TrendPoint::statusDate).thenComparing(Forecasts.TrendPoint::recordedAt))
			.filter(p -> now != null)
			.map(p -> new Move(what, since, p.forecast(), now, ChronoUnit.DAYS.between(p.forecast(), now)))
			.orElse(null);
	}

	public String finishWords() {
		if (finishVersusTargetDays == 0) {
			return "on the target";
		}
		long days = Math.abs(finishVersusTargetDays);
		return days + (days == 1 ? " day " : " days ") + (finishVersusTargetDays > 0 ? "after" : "before")
				+ " the target";
	}

	public long lateCount() {
		return milestones.stream().filter(Row::late).count();
	}

}
