package dev.milepost.schedule.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import dev.milepost.schedule.engine.CycleFoundException;
import dev.milepost.schedule.engine.LinkKind;
import org.junit.jupiter.api.Test;

class ExactSchedulerTests {

	private static final int HOUR = 60;

	private static final int DAY = 480;

	// Monday 4 March 2024, 08:00
	private static final int START = at("2024-03-04T08:00");

	private static int at(String dateTime) {
		return WorkCalendar.moment(LocalDateTime.parse(dateTime));
	}

	private static LocalDateTime shown(int moment) {
		return WorkCalendar.dateTime(moment);
	}

	private static WorkCalendar weekdays(String name, LocalDate... holidays) {
		WorkCalendar.Builder builder = WorkCalendar.builder(name);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.getValue() <= 5) {
				builder.week(day, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0));
			}
		}
		for (LocalDate holiday : holidays) {
			builder.exception(holiday, holiday);
		}
		return builder.build();
	}

	@Test
	void partDaysRunToTheMinuteThroughLunchAndNights() {
		ExactNetwork.Builder b = ExactNetwork.builder(WorkCalendar.standard());
		int a = b.task(10 * HOUR); // Mon 08:00 → Tue 11:00 (8 h Monday, 2 h Tuesday)
		int c = b.task(3 * HOUR + 30); // Tue 11:00 → 15:30 (1 h before lunch, 2.5 h after)
		b.link(a, c, LinkKind.FS, 0);
		ExactSchedule s = ExactScheduler.schedule(b.build(), START);
		assertThat(shown(s.earlyFinish(a))).isEqualTo(LocalDateTime.parse("2024-03-05T10:00"));
		assertThat(shown(s.earlyStart(c))).isEqualTo(LocalDateTime.parse("2024-03-05T10:00"));
		assertThat(shown(s.earlyFinish(c))).isEqualTo(LocalDateTime.parse("2024-03-05T14:30"));
		assertThat(shown(s.finish())).isEqualTo(LocalDateTime.parse("2024-03-05T14:30"));
		assertThat(s.totalFloat(a)).isZero();
	}

	/**
	 * Two parallel chains, one on a calendar with a three-day holiday (Wednesday 6 to Friday 8
	 * March). A: 5 days on the project calendar, Mon 4 to Fri 8. B: 2 days on its own calendar, Mon
	 * 4 to Tue 5. Both feed the finish milestone F. Project finish: Fri 8 17:00. B's late finish is
	 * the end of its last working day before Fri 8 17:00 on its calendar: Tue 5 17:00, so B has no
	 * float on its own calendar, where measured on the project calendar it would have three days.
	 */
	@Test
	void floatIsCountedOnTheActivitysOwnCalendar() {
		WorkCalendar project = weekdays("project");
		WorkCalendar withHoliday = weekdays("holiday", LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 7),
				LocalDate.of(2024, 3, 8));
		ExactNetwork.Builder b = ExactNetwork.builder(project, withHoliday);
		int a = b.task(5 * DAY);
		int c = b.task(2 * DAY, 1);
		int f = b.milestone();
		b.link(a, f, LinkKind.FS, 0).link(c, f, LinkKind.FS, 0);
		ExactSchedule s = ExactScheduler.schedule(b.build(), START);
		assertThat(shown(s.finish())).isEqualTo(LocalDateTime.parse("2024-03-08T17:00"));
		assertThat(s.totalFloat(c)).isZero();
		assertThat(shown(s.lateFinish(c))).isEqualTo(LocalDateTime.parse("2024-03-05T17:00"));
		assertThat(s.totalFloat(a)).isZero();
	}

	/**
	 * A (1 day, Mon 4, project calendar) FS + 2 days → B (1 day, on a calendar off Wed 6 to Fri 8).
	 * The lag's calendar decides, by hand:
	 * <ul>
	 * <li>successor's (MS Project): 2 of B's days after Mon 17:00 are Tue 5 and Mon 11, so B starts
	 * Tue 12 08:00, and A has no float;</li>
	 * <li>predecessor's (P6's default) or the project's: the lag ends Wed 6 17:00, B starts at its
	 * next working moment, Mon 11 08:00; back from there, 2 of A's days before Mon 11 08:00 end Wed
	 * 6 17:00, so A has 2 days of float (B's holiday is room A may use);</li>
	 * <li>elapsed: 960 minutes after Mon 17:00 is Tue 5 09:00, a working moment for B, which starts
	 * then; A has no float.</li>
	 * </ul>
	 */
	@Test
	void theLagIsCountedOnTheCalendarTheProjectChooses() {
		WorkCalendar project = weekdays("project");
		WorkCalendar withHoliday = weekdays("holiday", LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 7),
				LocalDate.of(2024, 3, 8));
		for (LagCalendar rule : LagCalendar.values()) {
			ExactNetwork.Builder b = ExactNetwork.builder(project, withHoliday).lagCalendar(rule);
			int a = b.task(DAY);
			int c = b.task(DAY, 1);
			b.link(a, c, LinkKind.FS, 2 * DAY);
			ExactSchedule s = ExactScheduler.schedule(b.build(), START);
			LocalDateTime expected = switch (rule) {
				case SUCCESSOR -> LocalDateTime.parse("2024-03-12T08:00");
				case PREDECESSOR, PROJECT -> LocalDateTime.parse("2024-03-11T08:00");
				case TWENTY_FOUR_HOURS -> LocalDateTime.parse("2024-03-05T09:00");
			};
			assertThat(shown(s.earlyStart(c))).as(rule.toString()).isEqualTo(expected);
			int aFloat = rule == LagCalendar.PREDECESSOR || rule == LagCalendar.PROJECT ? 2 * DAY : 0;
			assertThat(s.totalFloat(a)).as(rule.toString()).isEqualTo(aFloat);
			assertThat(s.totalFloat(c)).as(rule.toString()).isZero();
		}
	}

	/** SS + 1 day and FF + 1 day between the same pair: B (2 days) starts Tue 5, finishes Wed 6 17:00. */
	@Test
	void twoLinksOfDifferentKindsBetweenOnePairBothBind() {
		ExactNetwork.Builder b = ExactNetwork.builder(WorkCalendar.standard());
		int a = b.task(3 * DAY); // Mon 4 – Wed 6
		int c = b.task(DAY);
		b.link(a, c, LinkKind.SS, DAY).link(a, c, LinkKind.FF, DAY);
		ExactSchedule s = ExactScheduler.schedule(b.build(), START);
		// SS alone: Tue 5; FF: finish ≥ Thu 7 17:00, so start Thu 7
		assertThat(shown(s.earlyStart(c))).isEqualTo(LocalDateTime.parse("2024-03-07T08:00"));
		assertThat(shown(s.finish())).isEqualTo(LocalDateTime.parse("2024-03-07T17:00"));
		assertThatThrownBy(() -> ExactNetwork.builder(WorkCalendar.standard())
			.link(0, 1, LinkKind.FS, 0))
			.hasMessageContaining("Unknown activity");
		ExactNetwork.Builder twice = ExactNetwork.builder(WorkCalendar.standard());
		twice.task(DAY);
		twice.task(DAY);
		twice.link(0, 1, LinkKind.FS, 0).link(0, 1, LinkKind.FS, DAY);
		assertThatThrownBy(twice::build).hasMessageContaining("Two FS links join 0 → 1");
	}

	@Test
	void aCycleIsRefusedNamingIt() {
		ExactNetwork.Builder b = ExactNetwork.builder(WorkCalendar.standard());
		int a = b.task(DAY);
		int c = b.task(DAY);
		int d = b.task(DAY);
		int e = b.task(DAY);
		b.link(e, a, LinkKind.FS, 0).link(a, c, LinkKind.FS, 0).link(c, d, LinkKind.SS, 0).link(d, a, LinkKind.FF, 0);
		assertThatThrownBy(b::build).isInstanceOf(CycleFoundException.class)
			.satisfies(ex -> assertThat(((CycleFoundException) ex).cycle()).containsExactly(a, c, d, a));
	}

	/**
	 * A chain A (2 d) → B (1 d) → C (1 d), and D (1 d) alone; each constraint on B, by hand.
	 * Without one, B is Wed 6 and the project finishes Thu 7 17:00.
	 */
	@Test
	void constraintsMoveEarlyOrLateDatesAsNamed() {
		assertThat(b(Constraint.START_NO_EARLIER_THAN, "2024-03-11T08:00").early).isEqualTo("2024-03-11T08:00");
		// FNET Mon 11 17:00: starts Mon 11 08:00
		assertThat(b(Constraint.FINISH_NO_EARLIER_THAN, "2024-03-11T17:00").early).isEqualTo("2024-03-11T08:00");
		// MSO earlier than the links allow: kept, early and late, so the conflict shows on A, which
		// would have to finish by Mon 4 08:00: 2 days of negative float
		Result mso = b(Constraint.MUST_START_ON, "2024-03-04T08:00");
		assertThat(mso.early).isEqualTo("2024-03-04T08:00");
		assertThat(mso.totalFloat).isZero();
		assertThat(mso.aFloat).isEqualTo(-2 * DAY);
		assertThat(b(Constraint.MUST_FINISH_ON, "2024-03-08T17:00").early).isEqualTo("2024-03-08T08:00");
		// SNLT and FNLT leave the early dates and bind the late ones: late start Wed 6, float 0 → SNLT Tue 5 gives -1 day
		Result snlt = b(Constraint.START_NO_LATER_THAN, "2024-03-05T08:00");
		assertThat(snlt.early).isEqualTo("2024-03-06T08:00");
		assertThat(snlt.totalFloat).isEqualTo(-DAY);
		Result fnlt = b(Constraint.FINISH_NO_LATER_THAN, "2024-03-06T12:00");
		assertThat(fnlt.totalFloat).isEqualTo(-4 * HOUR);
		// ALAP: B's successor C waits for it, so there is no room; on D (alone, 1 day, 3 days of float) it moves to Thu 7
		Result alap = b(Constraint.AS_LATE_AS_POSSIBLE, null);
		assertThat(alap.early).isEqualTo("2024-03-06T08:00");
		assertThat(alap.dScheduled).isEqualTo("2024-03-07T08:00");
		assertThat(alap.dEarly).isEqualTo("2024-03-04T08:00");
	}

	record Result(String early, int totalFloat, String dScheduled, String dEarly, int aFloat) {
	}

	private static Result b(Constraint constraint, String date) {
		ExactNetwork.Builder n = ExactNetwork.builder(WorkCalendar.standard());
		int a = n.task(2 * DAY);
		int b = n.task(DAY);
		int c = n.task(DAY);
		int d = n.task(DAY);
		n.link(a, b, LinkKind.FS, 0).link(b, c, LinkKind.FS, 0);
		n.constraint(b, constraint, date == null ? 0 : at(date));
		if (constraint == Constraint.AS_LATE_AS_POSSIBLE) {
			n.constraint(d, constraint, 0);
		}
		ExactSchedule s = ExactScheduler.schedule(n.build(), START);
		return new Result(shown(s.start(b)).toString(), s.totalFloat(b), shown(s.start(d)).toString(),
				shown(s.earlyStart(d)).toString(), s.totalFloat(a));
	}

	/** A deadline before the early finish leaves the dates and makes the float negative, as MS Project. */
	@Test
	void aDeadlineBindsLateDatesNotEarlyOnes() {
		ExactNetwork.Builder b = ExactNetwork.builder(WorkCalendar.standard());
		int a = b.task(3 * DAY);
		int m = b.milestone();
		b.link(a, m, LinkKind.FS, 0);
		b.deadline(m, at("2024-03-05T17:00"));
		ExactSchedule s = ExactScheduler.schedule(b.build(), START);
		assertThat(shown(s.earlyFinish(m))).isEqualTo(LocalDateTime.parse("2024-03-06T17:00"));
		assertThat(s.totalFloat(m)).isEqualTo(-DAY);
		assertThat(s.totalFloat(a)).isEqualTo(-DAY);
	}

	/**
	 * A summary S holds X (2 d) and Y (1 d, after X); P (1 d) → S (FS), S → Q (1 d, FS). S starts
	 * when P ends (Tue 5), X Tue–Wed, Y Thu, S finishes Thu 7 17:00, Q Fri 8. An FF link onto a
	 * summary is refused: only its children set its finish.
	 */
	@Test
	void linksToAndFromASummaryHoldItsChildrenAndWaitForThem() {
		ExactNetwork.Builder b = ExactNetwork.builder(WorkCalendar.standard());
		int p = b.task(DAY);
		int summary = b.summary();
		int x = b.task(2 * DAY);
		int y = b.task(DAY);
		int q = b.task(DAY);
		b.parent(x, summary).parent(y, summary);
		b.link(p, summary, LinkKind.FS, 0).link(x, y, LinkKind.FS, 0).link(summary, q, LinkKind.FS, 0);
		ExactSchedule s = ExactScheduler.schedule(b.build(), START);
		assertThat(shown(s.earlyStart(summary))).isEqualTo(LocalDateTime.parse("2024-03-05T08:00"));
		assertThat(shown(s.earlyFinish(summary))).isEqualTo(LocalDateTime.parse("2024-03-07T17:00"));
		assertThat(shown(s.earlyStart(q))).isEqualTo(LocalDateTime.parse("2024-03-08T08:00"));
		assertThat(s.totalFloat(summary)).isZero();
		assertThat(b.build().isSummary(summary)).isTrue();
		b.link(p, summary, LinkKind.FF, 0);
		assertThatThrownBy(b::build).hasMessageContaining("cannot end on summary");
	}

}
