package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Map;

import dev.milepost.schedule.engine.exact.LagCalendar;
import dev.milepost.schedule.engine.exact.WorkCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The exact engine on every real file: the project finish and every activity's dates and total
 * float, to the minute, as the file's tool computed them (MS Project's TotalSlack, P6's
 * total_float_hr_cnt) or SOURCES.md gives them (PSPLIB's MPM-Time). Each test lists every value
 * that disagrees, so a failure names them all.
 */
class ExactRealDataTests {

	private static LocalDateTime shown(int moment) {
		return WorkCalendar.dateTime(moment);
	}

	@Test
	void msProjectRelationsChainToTheMinute() throws IOException {
		ExactPlan plan = ExactMspdiReader.read(RealData.file("mspdi", "mpxj_mspdirelations.xml"));
		assertThat(plan.lagCalendar()).isEqualTo(LagCalendar.SUCCESSOR);
		assertThat(plan.links()).extracting(ExactPlan.Link::lagMinutes).containsExactly(0, 480, 0, 0);

		ExactScheduledPlan scheduled = ExactScheduledPlan.of(plan);

		assertThat(scheduled.disagreements(true)).isEmpty();
		// the finish, and each of 5 tasks' start, finish, total and free slack
		assertThat(scheduled.compared(true)).isEqualTo(1 + 5 * 4);
		assertThat(shown(scheduled.finish())).isEqualTo(LocalDateTime.parse("2006-09-25T17:00"));
		// Task 5: one day of slack, 480 minutes (TotalSlack 4800 tenths)
		assertThat(scheduled.totalFloat("5")).isEqualTo(480);
	}

	/**
	 * Second Task is worked by resources on their own calendars (one on the Night Shift), which the
	 * engine does not read: its span on the Standard calendar as MS Project scheduled it (400 h, 7
	 * January 08:00 to 18 March 08:00) is given instead of its Duration (800 h). Everything else, the
	 * four link kinds, ±1 day lags, the start-no-earlier-than constraints (one on a Saturday), the
	 * three summaries' dates and slack, is the engine's.
	 */
	@Test
	void msProjectLegacySampleToTheMinute() throws IOException {
		ExactPlan read = ExactMspdiReader.read(RealData.file("mspdi", "mpxj_legacy_sample.xml"));
		assertThat(read.activity("2").minutes()).isEqualTo(800 * 60);
		WorkCalendar standard = read.calendars().get(0);
		ExactPlan.Reported second = read.activity("2").reported();
		int span = Math.toIntExact(standard.workBetween(second.start(), second.finish()));
		assertThat(span).isEqualTo(400 * 60);
		ExactPlan plan = read.withDurations(Map.of("2", span));

		ExactScheduledPlan scheduled = ExactScheduledPlan.of(plan);

		assertThat(scheduled.disagreements(true)).isEmpty();
		// the finish, and each of 19 tasks' (3 summaries) start, finish, total and free slack
		assertThat(scheduled.compared(true)).isEqualTo(1 + 19 * 4);
		assertThat(shown(scheduled.finish())).isEqualTo(LocalDateTime.parse("2003-03-17T17:00"));
		// the summaries: Recurring Task has 10 days of slack (48000 tenths), Task Relationships 470
		assertThat(scheduled.totalFloat("6")).isEqualTo(4800);
		assertThat(scheduled.totalFloat("19")).isEqualTo(22560);
	}

	/** ProjectLibre wrote no slack (every TotalSlack is 0, uncomputed), so every start and finish is the check. */
	@Test
	void msProjectNewProductToTheMinute() throws IOException {
		ExactPlan plan = ExactMspdiReader.read(RealData.file("mspdi", "projectlibre_NewProduct.xml"));
		assertThat(plan.activities()).hasSize(42);
		assertThat(plan.activities()).allSatisfy(a -> assertThat(a.reported().totalFloat()).isNull());

		ExactScheduledPlan scheduled = ExactScheduledPlan.of(plan);

		assertThat(scheduled.disagreements(false)).isEmpty();
		assertThat(scheduled.compared(false)).isEqualTo(1 + 42 * 2);
		assertThat(shown(scheduled.finish())).isEqualTo(LocalDateTime.parse("2001-05-23T17:00"));
	}

	/**
	 * P6's TAKT example: 25 activities on "Standard 5 Day Workweek" (08:00–12:00, 13:00–17:00,
	 * Christmas week off), lags on the predecessor's calendar, retained logic, data date 30
	 * November 2021: every early start and finish, total and free float, and the finish 21 February
	 * 2022 17:00.
	 */
	@Test
	void primaveraTaktToTheMinute() throws IOException {
		ExactPlan plan = ExactXerReader.read(RealData.file("xer", "Constology_XERNative_sample_TAKT.xer"));
		assertThat(plan.activities()).hasSize(25);
		assertThat(plan.lagCalendar()).isEqualTo(LagCalendar.PREDECESSOR);
		assertThat(plan.progressOverride()).isFalse();
		assertThat(plan.calendars().get(0).minutesPerDay()).isEqualTo(480);

		ExactScheduledPlan scheduled = ExactScheduledPlan.of(plan);

		assertThat(scheduled.disagreements(true)).isEmpty();
		assertThat(scheduled.compared(true)).isEqualTo(1 + 25 * 4);
		assertThat(shown(scheduled.finish())).isEqualTo(LocalDateTime.parse("2022-02-21T17:00"));
		// A1050: 64 h of total float, 16 h free
		assertThat(scheduled.totalFloat("A1050")).isEqualTo(64 * 60);
		assertThat(scheduled.freeFloat("A1050")).isEqualTo(16 * 60);
	}

	/** GanttProject schedules in whole days: each day is 480 minutes here, and its dates are the check. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "blyoa_task-with-dependencies.gan", "ganttproject_HouseBuildingSample.gan" })
	void ganttProjectToTheMinute(String name) throws IOException {
		ExactPlan plan = ExactPlan.ofDays(GanReader.read(RealData.file("gan", name)));

		ExactScheduledPlan scheduled = ExactScheduledPlan.of(plan);

		// GanttProject stores no finish and no float: every task's start and finish are the check
		assertThat(scheduled.disagreements(false)).isEmpty();
		assertThat(scheduled.compared(false)).isEqualTo(plan.activities().size() * 2);
	}

	@ParameterizedTest(name = "{0}: MPM-Time {1}")
	@CsvSource({ "j301_1.sm, 38", "j3010_1.sm, 41", "j601_1.sm, 77" })
	void psplibCriticalPathLengthEqualsMpmTime(String name, int mpmTime) throws IOException {
		ExactPlan plan = ExactPlan.ofDays(PsplibReader.read(RealData.file("psplib", name)));

		ExactScheduledPlan scheduled = ExactScheduledPlan.of(plan);

		assertThat(scheduled.disagreements(false)).isEmpty();
		assertThat(scheduled.compared(false)).isEqualTo(1);
		WorkCalendar calendar = plan.calendars().get(0);
		assertThat(calendar.workBetween(plan.projectStart(), scheduled.finish())).isEqualTo(mpmTime * 480L);
	}

}
