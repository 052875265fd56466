package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.PlanFixture;
import dev.milepost.schedule.ProjectForecast;
import org.junit.jupiter.api.Test;

/** A large plan's Gantt draws a window of rows, not every row. */
class GanttChartTests {

	private static final LocalDate TODAY = PlanFixture.START.plusDays(100);

	@Test
	void aLargePlanIsDrawnAWindowOfRowsAtATimeWithArrowsWithinIt() {
		ProjectForecast forecast = chain(GanttChart.WINDOW * 3 + 7, 0);

		GanttChart chart = GanttChart.of(forecast, Map.of(), GanttChart.Zoom.MONTH, TODAY, 250);

		assertThat(chart.rows()).hasSize(GanttChart.WINDOW);
		assertThat(chart.rows().get(0).name()).isEqualTo("Task 250");
		assertThat(chart.window()).isEqualTo(new GanttChart.Window(250, GanttChart.WINDOW, GanttChart.WINDOW * 3 + 7));
		assertThat(chart.window().hasEarlier()).isTrue();
		assertThat(chart.window().earlierFrom()).isEqualTo(50);
		assertThat(chart.window().laterFrom()).isEqualTo(450);
		// a chain: one arrow between each two neighbouring rows of the window, none leaving it
		assertThat(chart.arrows()).hasSize(GanttChart.WINDOW - 1);
		assertThat(chart.height()).isEqualTo(GanttChart.HEADER + GanttChart.WINDOW * GanttChart.ROW + 8);
	}

	@Test
	void theWindowOpensJustBeforeTheFirstUnfinishedWorkAndStopsAtTheEnd() {
		ProjectForecast forecast = chain(GanttChart.WINDOW * 2, 300);

		GanttChart opened = GanttChart.of(forecast, Map.of(), GanttChart.Zoom.MONTH, TODAY, null);
		GanttChart pastTheEnd = GanttChart.of(forecast, Map.of(), GanttChart.Zoom.MONTH, TODAY, 10_000);

		assertThat(opened.window().from()).isEqualTo(GanttChart.WINDOW * 2 - GanttChart.WINDOW);
		assertThat(GanttChart.of(chain(GanttChart.WINDOW * 3, 300), Map.of(), GanttChart.Zoom.MONTH, TODAY, null)
			.window()
			.from()).isEqualTo(300 - GanttChart.LEAD);
		assertThat(pastTheEnd.window().from()).isEqualTo(GanttChart.WINDOW);
		assertThat(pastTheEnd.window().hasLater()).isFalse();
	}

	@Test
	void aSmallPlanIsDrawnWhole() {
		GanttChart chart = GanttChart.of(chain(12, 0), Map.of(), GanttChart.Zoom.WEEK, TODAY, null);

		assertThat(chart.rows()).hasSize(12);
		assertThat(chart.window().partial()).isFalse();
		assertThat(chart.arrows()).hasSize(11);
	}

	/** {@code tasks} one-day tasks in a chain, one a day; the first {@code done} of them done. */
	private static ProjectForecast chain(int tasks, int done) {
		PlanFixture fixture = PlanFixture.project();
		UUID previous = null;
		for (int t = 0; t < tasks; t++) {
			UUID task = fixture.task("Task " + t, 1);
			if (previous != null) {
				fixture.link(previous, task);
			}
			previous = task;
		}
		ProjectPlan plan = fixture.plan();
		List<ProjectForecast.Activity> activities = new ArrayList<>();
		for (int t = 0; t < tasks; t++) {
			ProjectPlan.Task task = plan.tasks().get(t);
			LocalDate day = PlanFixture.START.plusDays(t);
			activities.add(new ProjectForecast.Activity(task.id(), ActivityKind.TASK, task.name(), day, day, day, day, 0,
					true, t < done));
		}
		return new ProjectForecast(plan, TODAY, PlanFixture.START.plusDays(tasks), activities, List.of());
	}

}
