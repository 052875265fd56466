package dev.milepost.plan.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A project's effective calendar: the working weekdays and the holidays that are not worked.
 * Durations in Milepost are counted in its working days.
 */
public record WorkCalendar(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {

	public WorkCalendar {
		if (workingDays.isEmpty()) {
			throw new IllegalArgumentException("A calendar needs at least one working weekday");
		}
		workingDays = workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workingDays);
		holidays = Set.copyOf(holidays);
	}

	public boolean isWorkingDay(LocalDate date) {
		return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
	}

	/** The first working day on or after the date. */
	public LocalDate onOrAfter(LocalDate date) {
		LocalDate day = date;
		while (!isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The last working day of work that starts on {@code start} and takes {@code days} working days. */
	public LocalDate finishOf(LocalDate start, int days) {
		LocalDate day = onOrAfter(start);
		for (int left = days - 1; left > 0; left--) {
			day = onOrAfter(day.plusDays(1));
		}
		return day;
	}

}
