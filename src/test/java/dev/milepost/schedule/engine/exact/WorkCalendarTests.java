package dev.milepost.schedule.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class WorkCalendarTests {

	private static int at(String dateTime) {
		return WorkCalendar.moment(LocalDateTime.parse(dateTime));
	}

	private static LocalDateTime shown(int moment) {
		return WorkCalendar.dateTime(moment);
	}

	@Test
	void aDayOfWorkFromMondayMorningFinishesMondayEveningAndTheNextStartsTuesdayMorning() {
		WorkCalendar standard = WorkCalendar.standard();
		int monday = at("2024-03-04T08:00");
		assertThat(shown(standard.addWork(monday, 480))).isEqualTo(LocalDateTime.parse("2024-03-04T17:00"));
		assertThat(shown(standard.nextWorking(standard.addWork(monday, 480))))
			.isEqualTo(LocalDateTime.parse("2024-03-05T08:00"));
		// four hours end at noon; the fifth starts after lunch
		assertThat(shown(standard.addWork(monday, 240))).isEqualTo(LocalDateTime.parse("2024-03-04T12:00"));
		assertThat(shown(standard.addWork(monday, 300))).isEqualTo(LocalDateTime.parse("2024-03-04T14:00"));
		// a week of work from Friday 13:00 ends Friday 12:00 a week on
		assertThat(shown(standard.addWork(at("2024-03-08T13:00"), 5 * 480)))
			.isEqualTo(LocalDateTime.parse("2024-03-15T12:00"));
		// and back: a day before Monday 08:00 is Friday 08:00 as a start, Thursday 17:00 as a finish
		long work = standard.workBefore(monday) - 480;
		assertThat(shown(standard.startAt(work))).isEqualTo(LocalDateTime.parse("2024-03-01T08:00"));
		assertThat(shown(standard.finishAt(work))).isEqualTo(LocalDateTime.parse("2024-02-29T17:00"));
	}

	@Test
	void exceptionsMakeDaysOffOrWorkingWithTheirOwnHours() {
		WorkCalendar calendar = WorkCalendar.builder("with holidays")
			.week(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0))
			.week(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0))
			.week(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0))
			.week(DayOfWeek.THURSDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0))
			.week(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0))
			.exception(LocalDate.of(2023, 8, 7), LocalDate.of(2023, 8, 9))
			.exception(LocalDate.of(2023, 8, 12), LocalDate.of(2023, 8, 12), LocalTime.of(9, 0), LocalTime.of(11, 0))
			.build();
		// Friday 4th 17:00 + 1 day: Monday to Wednesday are off, so Thursday 10th 17:00
		assertThat(shown(calendar.addWork(at("2023-08-04T08:00"), 2 * 480)))
			.isEqualTo(LocalDateTime.parse("2023-08-10T17:00"));
		// the working Saturday gives two hours
		assertThat(calendar.workOn(LocalDate.of(2023, 8, 12))).isEqualTo(120);
		assertThat(calendar.workBetween(at("2023-08-11T17:00"), at("2023-08-14T08:00"))).isEqualTo(120);
		assertThat(shown(calendar.nextWorking(at("2023-08-11T17:00")))).isEqualTo(LocalDateTime.parse("2023-08-12T09:00"));
		assertThat(calendar.workBetween(at("2023-08-01T00:00"), at("2023-09-01T00:00"))).isEqualTo((23 - 3) * 480 + 120);
	}

	@Test
	void badPeriodsAreRefusedNamingThem() {
		assertThatThrownBy(() -> WorkCalendar.builder("x").weekMinutes(DayOfWeek.MONDAY, 600, 500))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("MONDAY");
		assertThatThrownBy(() -> WorkCalendar.builder("x").weekMinutes(DayOfWeek.MONDAY, 480, 720, 700, 900))
			.hasMessageContaining("overlap");
		assertThatThrownBy(() -> WorkCalendar.builder("x").weekMinutes(DayOfWeek.MONDAY, 480))
			.hasMessageContaining("pairs");
		assertThatThrownBy(() -> WorkCalendar.builder("empty").build()).hasMessageContaining("no working time");
		assertThatThrownBy(() -> WorkCalendar.builder("x").exception(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)))
			.hasMessageContaining("ends before");
	}

	@Test
	void aPeriodToMidnightAndTouchingPeriodsMakeOneStretch() {
		WorkCalendar nights = WorkCalendar.builder("nights")
			.week(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT)
			.week(DayOfWeek.TUESDAY, LocalTime.of(0, 0), LocalTime.of(6, 0))
			.build();
		assertThat(shown(nights.addWork(at("2024-03-04T22:00"), 480))).isEqualTo(LocalDateTime.parse("2024-03-05T06:00"));
		assertThat(nights.workBetween(at("2024-03-04T00:00"), at("2024-03-11T00:00"))).isEqualTo(480);
	}

}
