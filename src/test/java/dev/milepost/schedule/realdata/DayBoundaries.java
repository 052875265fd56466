package dev.milepost.schedule.realdata;

import java.time.LocalDateTime;
import java.time.LocalTime;

import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Turns the date-times that MS Project and P6 write into the engine's day indices and
 * boundaries. Both tools write a start as the beginning of a working day (08:00) and a finish as
 * its end (17:00). In working time the beginning of a day is the same instant as the end of the
 * working day before it, which is why MS Project sometimes shows a finish as 08:00 of the next
 * working day (mspdirelations' Task 5, the legacy sample's project finish): both map to the same
 * boundary. The engine's boundary b is the end of day b − 1 and the beginning of day b, so one
 * conversion serves starts and finishes alike; its date as a finish is
 * {@link WorkingCalendar#finishDate(int)}.
 */
record DayBoundaries(WorkingCalendar calendar, LocalTime dayStart, LocalTime dayFinish) {

	int at(LocalDateTime moment) {
		LocalTime time = moment.toLocalTime();
		if (!time.isAfter(dayStart)) {
			return calendar.dayIndex(moment.toLocalDate());
		}
		if (!time.isBefore(dayFinish)) {
			return calendar.endOf(moment.toLocalDate());
		}
		throw new IllegalArgumentException(moment + " falls inside a working day (" + dayStart + "–" + dayFinish
				+ "); the engine counts whole days");
	}

	/** Whole working days in a span of minutes; refuses a part day rather than rounding it away. */
	static int days(long minutes, long minutesPerDay, String what) {
		if (minutes % minutesPerDay != 0) {
			throw new IllegalArgumentException(what + " is " + minutes + " min, not whole days of " + minutesPerDay
					+ " min; the engine counts whole days");
		}
		return Math.toIntExact(minutes / minutesPerDay);
	}

}
