package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import org.junit.jupiter.api.Test;

/**
 * GanttProject files: the start dates in them are GanttProject's own scheduling of the links,
 * so where a link moved a task the engine must put it on the same day. Tasks no link moves keep
 * the user's start (see {@link GanReader}), which is an input, not a check.
 */
class GanRealDataTests {

	@Test
	void ganttProjectChainOfAllFourLinkKindsKeepsEveryLinkAndGanttProjectsDates() throws IOException {
		RealPlan plan = GanReader.read(RealData.file("gan", "blyoa_task-with-dependencies.gan"));
		assertThat(plan.links()).containsExactly(new RealPlan.Link("0", "1", LinkKind.SS, 0),
				new RealPlan.Link("1", "2", LinkKind.FS, 0), new RealPlan.Link("2", "3", LinkKind.FF, -1),
				new RealPlan.Link("3", "4", LinkKind.SF, 0));

		ScheduledPlan scheduled = ScheduledPlan.of(plan);

		// each task but the first has one predecessor and nothing else holding it, so each link binds
		plan.links().forEach(link -> assertThat(slack(scheduled, link)).as("%s", link).isZero());
		assertThat(scheduled.disagreements()).isEmpty();
		// task E must finish by the time task D starts (Thursday 4 January); Wednesday 3rd is a
		// holiday, so its one day is Tuesday 2nd
		assertThat(plan.calendar().dateOf(scheduled.earlyStart("4"))).isEqualTo(LocalDate.of(2024, 1, 2));
		// task D need only finish a day before task C does, so it has a day of float
		assertThat(scheduled.totalFloat("3")).isEqualTo(1);
	}

	@Test
	void ganttProjectChainDoesNotDependOnWhereTheProjectStarts() throws IOException {
		// the file has no project start and the reader takes the earliest task start (task E's own
		// Tuesday 2 January); starting a week earlier must change nothing, or that choice would be
		// what placed task E
		RealPlan plan = GanReader.read(RealData.file("gan", "blyoa_task-with-dependencies.gan"),
				LocalDate.of(2023, 12, 26));

		ScheduledPlan scheduled = ScheduledPlan.of(plan);

		assertThat(scheduled.disagreements()).isEmpty();
		assertThat(plan.calendar().dateOf(scheduled.earlyStart("4"))).isEqualTo(LocalDate.of(2024, 1, 2));
	}

	@Test
	void ganttProjectHouseBuildingSampleMovesIntoTheHouseOn14October2024() throws IOException {
		RealPlan plan = GanReader.read(RealData.file("gan", "ganttproject_HouseBuildingSample.gan"));
		assertThat(plan.activities()).hasSize(20);
		assertThat(plan.summaries()).extracting(RealPlan.Activity::name)
			.containsExactly("Architectural design", "Interior design", "Construction phase", "Decoration phase");
		assertThat(plan.leaves().stream().filter(RealPlan.Activity::milestone)).hasSize(4);
		assertThat(plan.linkKinds()).containsExactlyEntriesOf(Map.of(LinkKind.FS, 17L));

		ScheduledPlan scheduled = ScheduledPlan.of(plan);

		plan.links().forEach(link -> assertThat(slack(scheduled, link)).as("%s", link).isNotNegative());
		// every task's start, and each summary's span of its children
		assertThat(scheduled.disagreements()).isEmpty();
		// the move-in waits for the whole Construction phase (a link from a summary): its last task,
		// Connect to communications, ends Friday 11 October, after Furniture (9 October)
		assertThat(plan.calendar().dateOf(scheduled.earlyStart("20"))).isEqualTo(LocalDate.of(2024, 10, 14));
		assertThat(scheduled.drivingPath("20")).endsWith("7 finish", "20");
	}

	/** How far the link is from binding on the computed dates: 0 when it binds, negative if broken. */
	private static int slack(ScheduledPlan s, RealPlan.Link link) {
		String p = link.predecessor();
		String q = link.successor();
		return switch (link.kind()) {
			case FS -> s.earlyStart(q) - (s.earlyFinish(p) + link.lagDays());
			case SS -> s.earlyStart(q) - (s.earlyStart(p) + link.lagDays());
			case FF -> s.earlyFinish(q) - (s.earlyFinish(p) + link.lagDays());
			case SF -> s.earlyFinish(q) - (s.earlyStart(p) + link.lagDays());
		};
	}

}
