package dev.milepost.plan.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkCalendarTests {

	final WorkCalendar weekdays = new WorkCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

	@Test
	void fiveDaysFromAMondayFinishOnTheFriday() {
		assertThat(weekdays.finishOf(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void weekendsAndHolidaysAreSkipped() {
		// Thu 24 Dec, then Fri 25 (holiday), weekend, Mon 28 (holiday): day two is Tue 29
		assertThat(weekdays.finishOf(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 29));
	}

	@Test
	void workPlannedOnADayOffStartsOnTheNextWorkingDay() {
		assertThat(weekdays.finishOf(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void aCalendarWithoutWorkingDaysIsRefused() {
		assertThatThrownBy(() -> new WorkCalendar(EnumSet.noneOf(DayOfWeek.class), Set.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
