package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Primavera P6's "TAKT Building Example" (Constology/XERNative): 25 activities, 40 finish-to-start
 * links, a 5-day calendar with a Christmas week off, every date and float calculated by P6.
 */
class XerRealDataTests {

	RealPlan plan;

	ScheduledPlan scheduled;

	@BeforeEach
	void readAndSchedule() throws IOException {
		plan = XerReader.read(RealData.file("xer", "Constology_XERNative_sample_TAKT.xer"));
		scheduled = ScheduledPlan.of(plan);
	}

	@Test
	void p6TaktSampleFinishesOn21February2022() {
		assertThat(plan.activities()).hasSize(25);
		assertThat(plan.linkKinds()).containsExactlyEntriesOf(Map.of(LinkKind.FS, 40L));
		assertThat(plan.calendar().start()).isEqualTo(LocalDate.of(2021, 11, 30));
		assertThat(plan.statusDate()).isZero();

		assertThat(plan.calendar().finishDate(scheduled.finish())).isEqualTo(LocalDate.of(2022, 2, 21));
		assertThat(scheduled.finish()).isEqualTo(plan.reportedFinish());
	}

	@Test
	void p6TaktSampleHasTheSameNineZeroFloatActivitiesAsP6sDrivingPath() {
		List<String> drivingPath = plan.activities()
			.stream()
			.filter(activity -> activity.reported().critical())
			.map(RealPlan.Activity::id)
			.toList();
		assertThat(drivingPath).hasSize(9);

		assertThat(scheduled.zeroFloatActivities()).containsExactlyElementsOf(drivingPath);
		assertThat(scheduled.drivingPath("A1250")).containsExactlyElementsOf(drivingPath);
	}

	@Test
	void p6TaktSampleMatchesP6sEarlyDatesAndFloatActivityByActivity() {
		assertThat(scheduled.disagreements()).isEmpty();
	}

	@Test
	void p6TaktSampleWorksAroundTheChristmasWeek() {
		// A1040 Ceil, 7 days from Tuesday 21 December: four days, the holidays 27–31, three days
		assertThat(plan.calendar().isWorkingDay(LocalDate.of(2021, 12, 27))).isFalse();
		assertThat(plan.calendar().isWorkingDay(LocalDate.of(2021, 12, 31))).isFalse();
		assertThat(plan.calendar().dateOf(scheduled.earlyStart("A1040"))).isEqualTo(LocalDate.of(2021, 12, 21));
		assertThat(plan.calendar().finishDate(scheduled.earlyFinish("A1040"))).isEqualTo(LocalDate.of(2022, 1, 5));
	}

}
