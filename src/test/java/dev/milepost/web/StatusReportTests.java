package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.PlanFixture;
import dev.milepost.schedule.ProjectForecast;
import dev.milepost.schedule.Reason;
import org.junit.jupiter.api.Test;

/** What the status report lists for a small plan, and how it summarises a large one. */
class StatusReportTests {

	private static final LocalDate TODAY = PlanFixture.START;

	@Test
	void aSmallPlanListsEveryTaskStartingOrFinishingInTheLookAhead() {
		StatusReport report = report(StatusReport.FULL_REPORT_TASKS, 3);

		assertThat(report.summary()).isNull();
		assertThat(report.upcoming()).filteredOn(u -> u.kind() == ActivityKind.TASK)
			.hasSize(2 * StatusReport.FULL_REPORT_TASKS);
		assertThat(report.milestones()).hasSize(3);
	}

	@Test
	void aLargePlanIsSummarisedWithCountsTheCriticalPathAndTheMilestonesAtRiskFirst() {
		int tasks = StatusReport.FULL_REPORT_TASKS + 1;
		int milestones = StatusReport.SUMMARY_MILESTONES + 10;
		StatusReport report = report(tasks, milestones);

		StatusReport.Summary summary = report.summary();
		assertThat(summary).isNotNull();
		assertThat(summary.tasks()).isEqualTo(tasks);
		assertThat(summary.criticalTasks()).isEqualTo((tasks + 1) / 2);
		assertThat(summary.criticalPath()).hasSize(StatusReport.SUMMARY_ROWS)
			.allMatch(ProjectForecast.Activity::critical)
			.isSortedAccordingTo(java.util.Comparator.comparing(ProjectForecast.Activity::start));
		assertThat(report.upcoming()).filteredOn(u -> u.kind() == ActivityKind.TASK).hasSize(StatusReport.SUMMARY_ROWS);
		assertThat(summary.upcomingLeftOut()).isEqualTo(2 * tasks - StatusReport.SUMMARY_ROWS);
		assertThat(report.milestones()).hasSize(StatusReport.SUMMARY_MILESTONES);
		assertThat(summary.milestonesLeftOut()).isEqualTo(10);
		assertThat(report.milestoneCount()).isEqualTo(milestones);
		// every third milestone is at risk: all of them are counted, and they lead the list
		long atRisk = (milestones + 2) / 3;
		assertThat(report.lateCount()).isEqualTo(atRisk);
		assertThat(report.milestones().subList(0, (int) atRisk)).allMatch(StatusReport.Row::late);
		assertThat(summary.statusWords()).contains(atRisk + " at risk");
	}

	/** {@code tasks} tasks each starting and finishing within the look-ahead, every other one critical. */
	private static StatusReport report(int tasks, int milestones) {
		PlanFixture fixture = PlanFixture.project();
		for (int t = 0; t < tasks; t++) {
			fixture.task("Task " + t, 2);
		}
		for (int m = 0; m < milestones; m++) {
			fixture.milestone("Milestone " + m, TODAY.plusMonths(2).plusDays(m));
		}
		ProjectPlan plan = fixture.plan();
		List<ProjectForecast.Activity> activities = new ArrayList<>();
		for (int t = 0; t < tasks; t++) {
			ProjectPlan.Task task = plan.tasks().get(t);
			LocalDate start = TODAY.plusDays(t % 20);
			activities.add(new ProjectForecast.Activity(task.id(), ActivityKind.TASK, task.name(), start,
					start.plusDays(1), start, start.plusDays(1), t % 2 == 0 ? 0 : 5, t % 2 == 0, false));
		}
		List<ProjectForecast.MilestoneForecast> forecasts = new ArrayList<>();
		for (int m = 0; m < milestones; m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			MilestoneStatus status = m % 3 == 0 ? MilestoneStatus.AT_RISK : MilestoneStatus.ON_TRACK;
			forecasts.add(new ProjectForecast.MilestoneForecast(milestone.id(), milestone.name(),
					milestone.targetDate(), milestone.targetDate(), 3, status,
					List.of(new Reason(status.name(), "Because.", List.of(), 0)), List.of(), null));
		}
		ProjectForecast forecast = new ProjectForecast(plan, TODAY, TODAY.plusMonths(3), activities, forecasts);
		return StatusReport.of(forecast, Map.<UUID, List<dev.milepost.schedule.Forecasts.TrendPoint>>of(), List.of(),
				List.of(), ProjectOverviewPage.LOOK_AHEAD_DAYS);
	}

}
