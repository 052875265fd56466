package dev.milepost.schedule.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Maps dates to working-day indices and back, counted from a project's start: the first working
 * day on or after the start is day 0, the next working day is day 1, and days before the start
 * are negative. Weekends and holidays are skipped. A finish is a boundary: work finishing at the
 * end of day k finishes at k + 1.
 */
public final class WorkingCalendar {

	// about five centuries of working days; dates further out are computed each time
	private static final int MOST_DAYS_KEPT = 1 << 17;

	private final LocalDate start;

	private final boolean[] working = new boolean[7];

	private final int perWeek;

	// epoch days of holidays that fall on working weekdays, sorted
	private final long[] holidays;

	private final long origin;

	private final int originHolidays;

	// the dates of working days 0, 1, 2, … as far as they have been asked for: a schedule's dates
	// are read back for every activity, over a span of a few thousand working days
	private volatile LocalDate[] days = new LocalDate[0];

	public WorkingCalendar(LocalDate start, Set<DayOfWeek> workingDays, Collection<LocalDate> holidays) {
		if (workingDays.isEmpty()) {
			throw new IllegalArgumentException("A calendar needs at least one working weekday");
		}
		this.start = start;
		workingDays.forEach(day -> working[day.getValue() - 1] = true);
		this.perWeek = workingDays.size();
		this.holidays = holidays.stream()
			.filter(day -> working[day.getDayOfWeek().getValue() - 1])
			.mapToLong(LocalDate::toEpochDay)
			.distinct()
			.sorted()
			.toArray();
		this.origin = start.toEpochDay();
		this.originHolidays = holidaysBefore(origin);
	}

	public LocalDate start() {
		return start;
	}

	public boolean isWorkingDay(LocalDate date) {
		return working[date.getDayOfWeek().getValue() - 1]
				&& Arrays.binarySearch(holidays, date.toEpochDay()) < 0;
	}

	/**
	 * The index of the working day on or after the date: the number of working days from the start
	 * up to (not including) the date.
	 */
	public int dayIndex(LocalDate date) {
		long epochDay = date.toEpochDay();
		long count = weekdaysBefore(epochDay) - weekdaysBefore(origin) - (holidaysBefore(epochDay) - originHolidays);
		if (count != (int) count) {
			throw new IllegalArgumentException(date + " is too far from the calendar's start " + start
					+ " to count its working days");
		}
		return (int) count;
	}

	/** The boundary at the end of the given day: where work finishing that day finishes. */
	public int endOf(LocalDate date) {
		return dayIndex(date) + (isWorkingDay(date) ? 1 : 0);
	}

	/** The date of working day {@code index}. */
	public LocalDate dateOf(int index) {
		LocalDate[] known = days;
		if (index >= 0 && index < known.length) {
			return known[index];
		}
		if (index >= 0 && index < MOST_DAYS_KEPT) {
			return daysUpTo(index)[index];
		}
		return computeDateOf(index);
	}

	/** The dates kept, grown to hold working day {@code index}; threads racing here build the same dates. */
	private LocalDate[] daysUpTo(int index) {
		LocalDate[] known = days;
		int length = Math.min(MOST_DAYS_KEPT, Math.max(index + 1, Math.max(256, known.length * 2)));
		LocalDate[] grown = Arrays.copyOf(known, length);
		LocalDate date = known.length == 0 ? computeDateOf(0) : known[known.length - 1];
		for (int k = known.length; k < length; k++) {
			if (k > 0) {
				do {
					date = date.plusDays(1);
				}
				while (!isWorkingDay(date));
			}
			grown[k] = date;
		}
		days = grown;
		return grown;
	}

	private LocalDate computeDateOf(int index) {
		// start from an estimate by whole weeks, then step to the exact day
		long guess = origin + (long) Math.floorDiv(index, perWeek) * 7;
		LocalDate date = LocalDate.ofEpochDay(guess);
		int at = dayIndex(date);
		while (at < index) {
			date = date.plusDays(Math.max(1, (long) (index - at) * 7 / perWeek / 2));
			at = dayIndex(date);
		}
		while (at > index) {
			date = date.minusDays(Math.max(1, (long) (at - index) * 7 / perWeek / 2));
			at = dayIndex(date);
		}
		while (!isWorkingDay(date)) {
			date = date.plusDays(1);
		}
		return date;
	}

	/** The last working day before the boundary: the day on which work finishing there finishes. */
	public LocalDate finishDate(int boundary) {
		return dateOf(boundary - 1);
	}

	/** Working weekdays strictly before the epoch day, counted from the epoch (may be negative). */
	private long weekdaysBefore(long epochDay) {
		// epoch day 0 (1970-01-01) was a Thursday: index 3 in Monday-first order
		long shifted = epochDay + 3;
		long weeks = Math.floorDiv(shifted, 7);
		int rest = (int) Math.floorMod(shifted, 7);
		long count = weeks * perWeek;
		for (int d = 0; d < rest; d++) {
			if (working[d]) {
				count++;
			}
		}
		return count;
	}

	private int holidaysBefore(long epochDay) {
		int at = Arrays.binarySearch(holidays, epochDay);
		return at >= 0 ? at : -at - 1;
	}

}
