package dev.milepost.schedule.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import dev.milepost.schedule.engine.exact.LagCalendar;
import dev.milepost.schedule.engine.exact.WorkCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the TAKT file does not have, in a small XER written here, answers derived by hand: a
 * calendar P6 calls 10 hours a day whose periods give 8 (07:00–11:00, 12:00–16:00), a working
 * exception with periods of its own (Wednesday 6 March 2024: 07:00–11:00 only) and a day off
 * (Friday 8), durations that are not whole days, and work in progress. Data date Tuesday 5 March
 * 12:00.
 * <ul>
 * <li>A: started Mon 4 07:00, 25 h planned, 13.5 h left: Tue 12:00–16:00 (4 h), Wed 07:00–11:00
 * (4 h), Thu 07:00–11:00 and 12:00–13:30 (5.5 h): finishes Thu 7 13:30.</li>
 * <li>B: 2.5 h after A (FS): Thu 13:30–16:00.</li>
 * <li>C: started Tue 5 07:00 out of sequence, though B → C is FS; 3 h left. Retained logic: its
 * remaining work waits for B, Friday is off, so Mon 11 07:00–10:00, the project finish. Progress
 * override: it runs from the data date, Tue 12:00–15:00, and the project finishes with B, Thu 7
 * 16:00, and C has 13 h of float (Tue 15:00–16:00, Wed 4 h, Thu 8 h).</li>
 * </ul>
 */
class ExactXerReaderTests {

	private static final String CALENDAR = "(0||CalendarData()(  (0||DaysOfWeek()(    (0||1()())"
			+ "    (0||2()( (0||0(s|07:00|f|11:00)()) (0||1(s|12:00|f|16:00)())))"
			+ "    (0||3()( (0||0(s|07:00|f|11:00)()) (0||1(s|12:00|f|16:00)())))"
			+ "    (0||4()( (0||0(s|12:00|f|16:00)()) (0||1(s|07:00|f|11:00)())))"
			+ "    (0||5()( (0||0(s|07:00|f|11:00)()) (0||1(s|12:00|f|16:00)())))"
			+ "    (0||6()( (0||0(s|07:00|f|11:00)()) (0||1(s|12:00|f|16:00)())))    (0||7()())))"
			// 45357 = 2024-03-06 (07:00–11:00 only), 45359 = 2024-03-08 (off)
			+ "  (0||Exceptions()(    (0||0(d|45357)( (0||0(s|07:00|f|11:00)())))    (0||1(d|45359)())))))";

	private static String xer(boolean progressOverride) {
		String tab = "\t";
		StringBuilder x = new StringBuilder();
		x.append("ERMHDR\t8.2\n");
		x.append("%T\tPROJECT\n%F\tproj_id\tclndr_id\tplan_start_date\tlast_recalc_date\tscd_end_date\n");
		x.append("%R\t1\t7\t2024-03-04 07:00\t2024-03-05 12:00\t")
			.append(progressOverride ? "2024-03-07 16:00" : "2024-03-11 10:00")
			.append('\n');
		x.append("%T\tCALENDAR\n%F\tclndr_id\tclndr_name\tday_hr_cnt\tclndr_data\n");
		x.append("%R\t7\tTen hour days\t10\t").append(CALENDAR).append('\n');
		x.append("%T\tSCHEDOPTIONS\n%F\tsched_retained_logic\tsched_progress_override\tsched_calendar_on_relationship_lag\n");
		x.append(progressOverride ? "%R\tN\tY\trcal_Predecessor\n" : "%R\tY\tN\trcal_Predecessor\n");
		x.append("%T\tTASK\n%F\ttask_id\ttask_code\ttask_name\ttask_type\tstatus_code\tclndr_id\t"
				+ "target_drtn_hr_cnt\tremain_drtn_hr_cnt\tact_start_date\tact_end_date\tcstr_type\tcstr_type2\tcstr_date\t"
				+ "early_start_date\tearly_end_date\ttotal_float_hr_cnt\tfree_float_hr_cnt\n");
		String cFinish = progressOverride ? "2024-03-05 15:00" : "2024-03-11 10:00";
		// C's float under progress override: Tue 15:00–16:00, Wed 07:00–11:00, Thu 8 h = 13 h
		String cFloat = progressOverride ? "13" : "0";
		x.append(String.join(tab, "%R", "1", "A", "Walls", "TT_Task", "TK_Active", "7", "25", "13.5",
				"2024-03-04 07:00", "", "", "", "", "", "2024-03-07 13:30", "0", "0")).append('\n');
		x.append(String.join(tab, "%R", "2", "B", "Roof", "TT_Task", "TK_NotStart", "7", "2.5", "2.5", "", "", "", "",
				"", "2024-03-07 13:30", "2024-03-07 16:00", "0", "0")).append('\n');
		x.append(String.join(tab, "%R", "3", "C", "Fit-out", "TT_Task", "TK_Active", "7", "6", "3",
				"2024-03-05 07:00", "", "", "", "", "", cFinish, cFloat, cFloat)).append('\n');
		x.append("%T\tTASKPRED\n%F\ttask_id\tpred_task_id\tpred_type\tlag_hr_cnt\n");
		x.append("%R\t2\t1\tPR_FS\t0\n%R\t3\t2\tPR_FS\t0\n%E\n");
		return x.toString();
	}

	private static ExactScheduledPlan read(Path folder, boolean progressOverride) throws IOException {
		Path file = folder.resolve(progressOverride ? "override.xer" : "retained.xer");
		Files.writeString(file, xer(progressOverride), StandardCharsets.ISO_8859_1);
		ExactPlan plan = ExactXerReader.read(file);
		assertThat(plan.progressOverride()).isEqualTo(progressOverride);
		assertThat(plan.lagCalendar()).isEqualTo(LagCalendar.PREDECESSOR);
		WorkCalendar calendar = plan.calendars().get(0);
		assertThat(calendar.minutesPerDay()).isEqualTo(600);
		assertThat(plan.activity("A").minutes()).isEqualTo(1500);
		assertThat(plan.activity("A").remaining()).isEqualTo(810);
		return ExactScheduledPlan.of(plan);
	}

	@Test
	void retainedLogicKeepsTheRemainingWorkAfterItsPredecessorAndPartDaysToTheMinute(@TempDir Path folder)
			throws IOException {
		ExactScheduledPlan scheduled = read(folder, false);
		assertThat(scheduled.disagreements(true)).isEmpty();
		assertThat(scheduled.compared(true)).isEqualTo(1 + 3 * 3 + 1);
		assertThat(WorkCalendar.dateTime(scheduled.finish())).isEqualTo(LocalDateTime.parse("2024-03-11T10:00"));
	}

	@Test
	void progressOverrideRunsTheRemainingWorkFromTheDataDate(@TempDir Path folder) throws IOException {
		ExactScheduledPlan scheduled = read(folder, true);
		assertThat(scheduled.disagreements(true)).isEmpty();
		assertThat(WorkCalendar.dateTime(scheduled.earlyFinish("C"))).isEqualTo(LocalDateTime.parse("2024-03-05T15:00"));
	}

}
