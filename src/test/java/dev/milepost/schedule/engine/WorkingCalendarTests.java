package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	final WorkingCalendar calendar = new WorkingCalendar(MONDAY, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 26),
					LocalDate.of(2026, 11, 20)));

	@Test
	void weekendsAreSkipped() {
		assertThat(calendar.dayIndex(MONDAY)).isZero();
		assertThat(calendar.dayIndex(LocalDate.of(2026, 11, 27))).isEqualTo(4);
		assertThat(calendar.dayIndex(LocalDate.of(2026, 11, 28))).isEqualTo(5);
		assertThat(calendar.dayIndex(LocalDate.of(2026, 11, 30))).isEqualTo(5);
		assertThat(calendar.dateOf(5)).isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void holidaysOnWorkingDaysAreSkippedAndOnesOnWeekendsChangeNothing() {
		// 21 Dec is day 20; 25 and 28 Dec are off, 26 Dec is a Saturday anyway
		assertThat(calendar.dayIndex(LocalDate.of(2026, 12, 21))).isEqualTo(20);
		assertThat(calendar.dateOf(24)).isEqualTo(LocalDate.of(2026, 12, 29));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
	}

	@Test
	void aFinishIsTheBoundaryAfterItsLastDay() {
		assertThat(calendar.endOf(LocalDate.of(2026, 11, 27))).isEqualTo(5);
		assertThat(calendar.endOf(LocalDate.of(2026, 11, 28))).isEqualTo(5);
		assertThat(calendar.finishDate(5)).isEqualTo(LocalDate.of(2026, 11, 27));
	}

	@Test
	void daysBeforeTheStartHaveNegativeIndices() {
		// Friday 20 Nov is a holiday, so the working day before the start is Thursday 19 Nov
		assertThat(calendar.dateOf(-1)).isEqualTo(LocalDate.of(2026, 11, 19));
		assertThat(calendar.dayIndex(LocalDate.of(2026, 11, 19))).isEqualTo(-1);
	}

	@Property
	void everyWorkingDayMapsToItsIndexAndBack(@ForAll @IntRange(min = -2000, max = 4000) int index) {
		LocalDate date = calendar.dateOf(index);
		assertThat(calendar.isWorkingDay(date)).isTrue();
		assertThat(calendar.dayIndex(date)).isEqualTo(index);
		assertThat(calendar.dayIndex(date.plusDays(1))).isEqualTo(index + 1);
	}

	@Test
	void datesFarBeyondTheOnesKeptAreStillRight() {
		LocalDate far = calendar.dateOf(200_000);
		assertThat(calendar.isWorkingDay(far)).isTrue();
		assertThat(calendar.dayIndex(far)).isEqualTo(200_000);
		assertThat(calendar.dateOf(199_999)).isBefore(far);
	}

	/** A date millions of years away has more working days than an int counts: a clear refusal, not an overflow. */
	@Test
	void aDateTooFarToCountIsRefusedNamingIt() {
		for (LocalDate far : List.of(LocalDate.of(-999_999_999, 1, 1), LocalDate.MAX, LocalDate.MIN)) {
			assertThatThrownBy(() -> calendar.dayIndex(far)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(far.toString())
				.hasMessageContaining("too far from the calendar's start " + MONDAY);
		}
	}

}
