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
 * <p>
 * A plan of more than {@link #FULL_REPORT_TASKS} tasks gets a summary instead of every row: the
 * counts, the critical path's first {@link #SUMMARY_ROWS} tasks, the milestones at risk or missed
 * and the next ones (at most {@link #SUMMARY_MILESTONES}), every milestone due in the look-ahead
 * but only the first {@link #SUMMARY_ROWS} task starts and finishes, and the first
 * {@link #SUMMARY_ROWS} findings; each cut list says how many it leaves out. A report of 50,000
 * tasks stays a few pages long.
 */
record StatusReport(ProjectPlan project, LocalDate statusDate, LocalDate finish, long finishVersusTargetDays,
		Move finishMove, List<Row> milestones, List<Overview.Upcoming> upcoming, int lookAhead,
		List<Finding> findings, List<ApprovalRequests.Due> approvals, Summary summary) {

	/** Above this many tasks the report summarises (see the type's comment). */
	static final int FULL_REPORT_TASKS = 500;

	/** Rows per cut list in a summarised report. */
	static final int SUMMARY_ROWS = 20;

	/** Milestone rows in a summarised report: those at risk or missed first. */
	static final int SUMMARY_MILESTONES = 50;

	/**
	 * What a summarised report counts, and how many rows each cut list leaves out; null for a
	 * report that lists everything.
	 */
	record Summary(int tasks, int tasksDone, int criticalTasks, int milestones, Map<MilestoneStatus, Long> byStatus,
			List<ProjectForecast.Activity> criticalPath, int milestonesLeftOut, int upcomingLeftOut,
			int findingsLeftOut) {

		public String statusWords() {
			return String.join(", ", byStatus.entrySet()
				.stream()
				.map(e -> e.getValue() + " " + Words.status(e.getKey()).toLowerCase(java.util.Locale.ROOT))
				.toList());
		}

	}

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

		/** The chance in whole percent; null when it says nothing (fragments/chance.html). */
		public String chanceWords() {
			return chance;
		}

		/** How far the chance can be trusted (fragments/chance.html). */
		public String chanceHelp() {
			return Words.CHANCE_CALIBRATION;
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
		List<Overview.Upcoming> upcoming = Overview.upcoming(forecast, today, lookAhead);
		if (plan.tasks().size() <= FULL_REPORT_TASKS) {
			return new StatusReport(plan, today, forecast.finish(), versus, finishMove, rows, upcoming, lookAhead,
					findings, approvals, null);
		}
		List<Overview.Upcoming> keptUpcoming = new java.util.ArrayList<>();
		int taskEvents = 0;
		for (Overview.Upcoming u : upcoming) {
			if (u.kind() == dev.milepost.plan.ActivityKind.MILESTONE || taskEvents++ < SUMMARY_ROWS) {
				keptUpcoming.add(u);
			}
		}
		List<ProjectForecast.Activity> tasks = forecast.activities()
			.stream()
			.filter(a -> a.kind() == dev.milepost.plan.ActivityKind.TASK)
			.toList();
		List<ProjectForecast.Activity> critical = tasks.stream()
			.filter(a -> a.critical() && !a.done())
			.sorted(Comparator.comparing(ProjectForecast.Activity::start).thenComparing(ProjectForecast.Activity::name))
			.toList();
		Map<MilestoneStatus, Long> byStatus = new java.util.EnumMap<>(MilestoneStatus.class);
		forecast.milestones().forEach(m -> byStatus.merge(m.status(), 1L, Long::sum));
		Summary summary = new Summary(tasks.size(), (int) tasks.stream().filter(ProjectForecast.Activity::done).count(),
				critical.size(), rows.size(), byStatus, critical.stream().limit(SUMMARY_ROWS).toList(),
				Math.max(0, rows.size() - SUMMARY_MILESTONES), upcoming.size() - keptUpcoming.size(),
				Math.max(0, findings.size() - SUMMARY_ROWS));
		return new StatusReport(plan, today, forecast.finish(), versus, finishMove,
				rows.stream().limit(SUMMARY_MILESTONES).toList(), keptUpcoming, lookAhead,
				findings.stream().limit(SUMMARY_ROWS).toList(), approvals, summary);
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
		return summary == null ? milestones.stream().filter(Row::late).count()
				: summary.byStatus().getOrDefault(MilestoneStatus.AT_RISK, 0L)
						+ summary.byStatus().getOrDefault(MilestoneStatus.MISSED, 0L);
	}

	/** The chance's calibration, for the report's notes (fragments/chance.html). */
	public String chanceHelp() {
		return Words.CHANCE_CALIBRATION;
	}

	public int milestoneCount() {
		return summary == null ? milestones.size() : summary.milestones();
	}

}
