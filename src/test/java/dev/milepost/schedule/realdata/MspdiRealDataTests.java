package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Project XML files whose dates and slack MS Project calculated: the engine, fed the
 * durations, links, constraints and calendar, must land on the same days. Finishes are compared
 * as boundaries (see {@link DayBoundaries}), so MS Project's "08:00 next working day" finishes
 * and its "17:00" finishes are the same thing to the engine.
 */
class MspdiRealDataTests {

	@Test
	void msProjectRelationsChainFinishesOn25September2006() throws IOException {
		RealPlan plan = MspdiReader.read(RealData.file("mspdi", "mpxj_mspdirelations.xml"));
		// the SS link carries the one-day lag; SOURCES.md calls it FF, but Type 3 is SS
		assertThat(plan.links()).containsExactly(new RealPlan.Link("1", "2", LinkKind.FS, 0),
				new RealPlan.Link("2", "3", LinkKind.SS, 1), new RealPlan.Link("3", "4", LinkKind.FF, 0),
				new RealPlan.Link("4", "5", LinkKind.SF, 0));

		ScheduledPlan scheduled = ScheduledPlan.of(plan);

		assertThat(plan.calendar().finishDate(scheduled.finish())).isEqualTo(LocalDate.of(2006, 9, 25));
		assertThat(scheduled.finish()).isEqualTo(plan.reportedFinish());
		assertThat(scheduled.disagreements()).isEmpty();
		// Task 5 need only finish by the start of Task 4 (SF), so it finishes on Friday 22nd with a
		// day of slack; MS Project writes that finish as Monday 08:00
		assertThat(plan.calendar().finishDate(scheduled.earlyFinish("5"))).isEqualTo(LocalDate.of(2006, 9, 22));
		assertThat(scheduled.totalFloat("5")).isEqualTo(1);
		// and each of the four kinds binds in turn
		assertThat(scheduled.drivingPath("5")).containsExactly("1", "2", "3", "4", "5");
	}

	/**
	 * MS Project's "New Product" template as ProjectLibre exported it. The file also holds a
	 * "Night Shift" and a "24 Hours" calendar, but no task or resource uses them, so the Standard
	 * calendar is the whole story.
	 */
	@Test
	void msProjectNewProductFinishesOn23May2001() throws IOException {
		RealPlan plan = MspdiReader.read(RealData.file("mspdi", "projectlibre_NewProduct.xml"));
		// every Summary and Milestone flag in this file is 0: both come from the outline and durations
		assertThat(plan.leaves()).hasSize(36);
		assertThat(plan.summaries()).extracting(RealPlan.Activity::name)
			.containsExactly("Design Phase", "Finance Phase", "Production Phase", "Marketing and Sales Phase",
					"Distribution Phase", "Regional Promotions");
		assertThat(plan.leaves().stream().filter(RealPlan.Activity::milestone)).hasSize(12);
		assertThat(plan.linkKinds()).containsExactlyInAnyOrderEntriesOf(Map.of(LinkKind.FS, 36L, LinkKind.FF, 1L));
		assertThat(plan.links()).filteredOn(link -> link.lagDays() != 0)
			.containsExactly(new RealPlan.Link("25", "28", LinkKind.FS, -15));

		ScheduledPlan scheduled = ScheduledPlan.of(plan);

		assertThat(plan.calendar().finishDate(scheduled.finish())).isEqualTo(LocalDate.of(2001, 5, 23));
		assertThat(scheduled.finish()).isEqualTo(plan.reportedFinish());
		// every start and finish, summaries included (links to and from four of them)
		assertThat(scheduled.disagreements()).isEmpty();
		// ProjectLibre wrote no slack, only Critical flags; on its milestones they are not
		// consistent (End project is flagged, Prototype completed between two flagged tasks is not),
		// so the check is on tasks with work
		assertThat(zeroFloatTasks(scheduled)).containsExactlyElementsOf(flaggedCriticalTasks(plan));
		assertThat(zeroFloatTasks(scheduled)).contains("Hire assemblers", "Southern Region promo week");
	}

	/**
	 * Second Task is worked by two resources on their own calendars: 200 h at 50 % on a calendar
	 * based on Standard, and 300 h at 75 % on the Night Shift calendar (23:00–08:00). The engine
	 * has one calendar per project, so it cannot derive that task's length, and the file's own
	 * Duration (800 h = 100 days) is not its span either. Its span on the Standard calendar is 50
	 * days (400 h of the first resource's time; the night shift's 400 h end at the same instant,
	 * Tuesday 18 March 08:00), and that is what the test gives the engine. So the project finish
	 * is reproduced given that one number; everything else (links of all four kinds, ±1 day lags,
	 * the four start-no-earlier-than constraints, every task's dates and slack) is the engine's.
	 * <p>
	 * The finish: MS Project says 2003-03-18T08:00, the beginning of Tuesday, which in working time
	 * is the end of Monday 17 March. The engine yields that boundary, and its date as a finish is
	 * the 17th.
	 */
	@Test
	void msProjectLegacySampleFinishesAt8OnTuesday18March2003WhichIsTheEndOf17March() throws IOException {
		RealPlan plan = MspdiReader.read(RealData.file("mspdi", "mpxj_legacy_sample.xml"));
		assertThat(plan.leaves()).hasSize(16);
		assertThat(plan.summaries()).extracting(RealPlan.Activity::name)
			.containsExactly("First Task", "Recurring Task", "Task Relationships");
		assertThat(plan.linkKinds()).containsExactlyInAnyOrderEntriesOf(
				Map.of(LinkKind.FS, 3L, LinkKind.FF, 1L, LinkKind.SS, 1L, LinkKind.SF, 1L));
		assertThat(plan.links()).extracting(RealPlan.Link::lagDays).containsExactlyInAnyOrder(0, 1, -1, 0, 0, 0);
		assertThat(plan.activities()).filteredOn(activity -> activity.startNoEarlierThan() != null).hasSize(4);
		RealPlan.Activity secondTask = plan.activity("2");
		assertThat(secondTask.days()).isEqualTo(100);
		// its span as MS Project scheduled it, 7 January 08:00 to 18 March 08:00 (= end of 17 March)
		assertThat(secondTask.reported().finish()).isEqualTo(plan.calendar().endOf(LocalDate.of(2003, 3, 17)));
		int span = secondTask.reported().finish() - secondTask.reported().start();
		assertThat(span).isEqualTo(50);

		ScheduledPlan scheduled = ScheduledPlan.of(plan, Map.of("2", span));

		assertThat(scheduled.finish()).isEqualTo(plan.reportedFinish());
		assertThat(plan.calendar().finishDate(scheduled.finish())).isEqualTo(LocalDate.of(2003, 3, 17));
		assertThat(plan.calendar().dateOf(scheduled.finish())).isEqualTo(LocalDate.of(2003, 3, 18));
		assertThat(scheduled.disagreements()).isEmpty();
		// a constraint on a Saturday holds the task to the Monday after
		assertThat(plan.calendar().dateOf(scheduled.earlyStart("7"))).isEqualTo(LocalDate.of(2003, 2, 3));
		assertThat(scheduled.totalFloat("7")).isEqualTo(30);
	}

	private static List<String> zeroFloatTasks(ScheduledPlan scheduled) {
		return scheduled.zeroFloatActivities()
			.stream()
			.map(scheduled.plan()::activity)
			.filter(activity -> !activity.milestone())
			.map(RealPlan.Activity::name)
			.toList();
	}

	private static List<String> flaggedCriticalTasks(RealPlan plan) {
		return plan.leaves()
			.stream()
			.filter(activity -> !activity.milestone() && Boolean.TRUE.equals(activity.reported().critical()))
			.map(RealPlan.Activity::name)
			.toList();
	}

}
