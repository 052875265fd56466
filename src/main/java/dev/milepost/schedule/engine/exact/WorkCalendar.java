package dev.milepost.schedule.engine.exact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A working-time calendar counted in minutes: work periods for each weekday (08:00–12:00,
 * 13:00–17:00), exception ranges that make days non-working or working with periods of their own,
 * the time zone its times of day are read in, and the minutes of a working day used to show
 * durations in days.
 * <p>
 * <b>Moments</b> are whole minutes of local (wall-clock) time counted from 1970-01-01T00:00, an
 * int: every calendar shares that axis, so activities on different calendars compare their dates
 * directly. {@link #moment(LocalDateTime)} and {@link #dateTime(int)} convert, and
 * {@link #zone()} turns a local time into an instant at the edges of the engine.
 * <p>
 * <b>Work</b> is a count of working minutes: {@link #workBefore(int)} is the working time before a
 * moment, measured from a fixed reference, so the working time between two moments is a
 * difference. It is monotone, and constant over non-working time; the inverses pick an end of
 * such a stretch: {@link #finishAt(long)} the earliest moment (the end of the last work: where a
 * finish is shown), {@link #startAt(long)} the latest (the beginning of the next work: where a
 * start is shown). Nothing loops over minutes or days: the weekly pattern is summed by
 * arithmetic, and exceptions sit in a precomputed table of cumulative adjustments over the days
 * they span.
 */
public final class WorkCalendar {

	static final int DAY = 1440;

	private final String name;

	private final ZoneId zone;

	private final int minutesPerDay;

	// weekly pattern, indexed from Thursday (1970-01-01 is a Thursday, so day 0 of the axis)
	private final int[][] weekPeriods = new int[7][];

	private final long[] weekCum = new long[8];

	private final long weekWork;

	// days [lo, hi) of the axis that have an exception: its periods, and the cumulative difference
	// from the weekly pattern at the start of each day, adjust[d - lo] for lo ≤ d ≤ hi
	private final int lo;

	private final int hi;

	private final int[][] exceptionPeriods;

	private final long[] adjust;

	private WorkCalendar(Builder builder) {
		this.name = builder.name;
		this.zone = builder.zone;
		this.minutesPerDay = builder.minutesPerDay;
		for (int k = 0; k < 7; k++) {
			// axis day k is 1970-01-01 + k: Thursday + k
			DayOfWeek weekday = DayOfWeek.THURSDAY.plus(k);
			weekPeriods[k] = builder.week[weekday.getValue() - 1];
			weekCum[k + 1] = weekCum[k] + length(weekPeriods[k]);
		}
		this.weekWork = weekCum[7];
		if (weekWork == 0) {
			throw new IllegalArgumentException("Calendar " + name + " has no working time in its week");
		}
		if (builder.exceptions.isEmpty()) {
			lo = 0;
			hi = 0;
			exceptionPeriods = new int[0][];
			adjust = new long[] { 0 };
		}
		else {
			lo = Math.toIntExact(builder.exceptions.firstKey());
			hi = Math.toIntExact(builder.exceptions.lastKey()) + 1;
			exceptionPeriods = new int[hi - lo][];
			adjust = new long[hi - lo + 1];
			builder.exceptions.forEach((day, periods) -> exceptionPeriods[(int) (day - lo)] = periods);
			for (int d = lo; d < hi; d++) {
				int[] own = exceptionPeriods[d - lo];
				long difference = own == null ? 0 : length(own) - length(weekPeriods[Math.floorMod(d, 7)]);
				adjust[d - lo + 1] = adjust[d - lo] + difference;
			}
		}
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Monday to Friday, 08:00–12:00 and 13:00–17:00, no exceptions, in UTC, 480 minutes a day:
	 * the default calendar of MS Project and P6.
	 */
	public static WorkCalendar standard() {
		Builder builder = builder("Standard");
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			builder.week(day, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0));
		}
		return builder.build();
	}

	public String name() {
		return name;
	}

	public ZoneId zone() {
		return zone;
	}

	/** The working minutes shown as one day; for display only, never for date arithmetic. */
	public int minutesPerDay() {
		return minutesPerDay;
	}

	public static int moment(LocalDateTime dateTime) {
		long days = dateTime.toLocalDate().toEpochDay();
		return Math.toIntExact(days * DAY + dateTime.toLocalTime().toSecondOfDay() / 60);
	}

	public static LocalDateTime dateTime(int moment) {
		int day = Math.floorDiv(moment, DAY);
		return LocalDate.ofEpochDay(day).atStartOfDay().plusMinutes(moment - (long) day * DAY);
	}

	/** Working time from the reference to the start of axis day {@code day}. */
	long dayStartWork(int day) {
		long pattern = Math.floorDiv(day, 7) * weekWork + weekCum[Math.floorMod(day, 7)];
		if (day <= lo) {
			return pattern;
		}
		return pattern + adjust[Math.min(day, hi) - lo];
	}

	private int[] periods(int day) {
		if (day >= lo && day < hi) {
			int[] own = exceptionPeriods[day - lo];
			if (own != null) {
				return own;
			}
		}
		return weekPeriods[Math.floorMod(day, 7)];
	}

	/** The working minutes of one axis day, with its exceptions. */
	public int workOn(LocalDate date) {
		return length(periods(Math.toIntExact(date.toEpochDay())));
	}

	public boolean isWorking(int moment) {
		int day = Math.floorDiv(moment, DAY);
		int minute = moment - day * DAY;
		int[] periods = periods(day);
		for (int p = 0; p < periods.length; p += 2) {
			if (minute >= periods[p] && minute < periods[p + 1]) {
				return true;
			}
		}
		return false;
	}

	/** Working minutes before the moment, from a fixed reference: monotone, flat on non-working time. */
	public long workBefore(int moment) {
		int day = Math.floorDiv(moment, DAY);
		int minute = moment - day * DAY;
		long work = dayStartWork(day);
		int[] periods = periods(day);
		for (int p = 0; p < periods.length && periods[p] < minute; p += 2) {
			work += Math.min(minute, periods[p + 1]) - periods[p];
		}
		return work;
	}

	/** The working minutes between two moments (negative when {@code to} is before {@code from}). */
	public long workBetween(int from, int to) {
		return workBefore(to) - workBefore(from);
	}

	/**
	 * The earliest moment with {@code work} minutes of work before it: the end of the last working
	 * minute, where a finish is shown.
	 */
	public int finishAt(long work) {
		// the last day that starts with less work: the work is reached within it (or at its end)
		int day = lastDayStartingBelow(work);
		long at = dayStartWork(day);
		int[] periods = periods(day);
		for (int p = 0; p < periods.length; p += 2) {
			int length = periods[p + 1] - periods[p];
			if (at + length >= work) {
				return Math.toIntExact((long) day * DAY + periods[p] + (work - at));
			}
			at += length;
		}
		throw new IllegalStateException("unreachable: day " + day + " does not reach " + work);
	}

	/**
	 * The latest moment with {@code work} minutes of work before it: the beginning of the next
	 * working minute, where a start is shown.
	 */
	public int startAt(long work) {
		// the last day starting with no more work: the next working minute is in it
		int day = lastDayStartingBelow(work + 1);
		long at = dayStartWork(day);
		int[] periods = periods(day);
		for (int p = 0; p < periods.length; p += 2) {
			int length = periods[p + 1] - periods[p];
			if (at + length > work) {
				return Math.toIntExact((long) day * DAY + periods[p] + (work - at));
			}
			at += length;
		}
		throw new IllegalStateException("unreachable: day " + day + " does not pass " + work);
	}

	/** The moment itself if it is working, else the beginning of the next working time. */
	public int nextWorking(int moment) {
		return startAt(workBefore(moment));
	}

	/** The moment itself if it is working or ends work, else the end of the working time before it. */
	public int previousWorkEnd(int moment) {
		return finishAt(workBefore(moment));
	}

	/** Where a start at {@code moment} plus {@code minutes} of work finishes (subtracts when negative). */
	public int addWork(int moment, long minutes) {
		return finishAt(workBefore(moment) + minutes);
	}

	// the greatest day d with dayStartWork(d) < work: work only grows from day to day
	private int lastDayStartingBelow(long work) {
		// the weekly pattern puts the answer within a week of this guess, exceptions within their span
		long guess = Math.floorDiv(work * 7, weekWork);
		long low = guess - 8 - (hi - lo);
		long high = guess + 8 + (hi - lo);
		low = Math.max(low, Integer.MIN_VALUE / DAY);
		high = Math.min(high, Integer.MAX_VALUE / DAY);
		while (dayStartWork((int) low) >= work) {
			low -= Math.max(8, high - low);
		}
		while (dayStartWork((int) high) < work) {
			high += Math.max(8, high - low);
		}
		// dayStartWork(low) < work ≤ dayStartWork(high)
		while (high - low > 1) {
			long middle = (low + high) >>> 1;
			if (dayStartWork((int) middle) < work) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return (int) low;
	}

	private static int length(int[] periods) {
		int sum = 0;
		for (int p = 0; p < periods.length; p += 2) {
			sum += periods[p + 1] - periods[p];
		}
		return sum;
	}

	@Override
	public String toString() {
		return "WorkCalendar " + name;
	}

	/** Collects a calendar; times of day are given as pairs, each period from its first to its second. */
	public static final class Builder {

		private static final int[] NONE = new int[0];

		private final String name;

		private ZoneId zone = ZoneId.of("UTC");

		private int minutesPerDay = 480;

		private final int[][] week = new int[7][];

		// epoch day → that day's periods
		private final TreeMap<Long, int[]> exceptions = new TreeMap<>();

		Builder(String name) {
			this.name = Objects.requireNonNull(name);
			Arrays.fill(week, NONE);
		}

		public Builder zone(ZoneId zone) {
			this.zone = Objects.requireNonNull(zone);
			return this;
		}

		public Builder minutesPerDay(int minutes) {
			if (minutes <= 0 || minutes > DAY) {
				throw new IllegalArgumentException("Minutes per day must be 1 to 1440: " + minutes);
			}
			this.minutesPerDay = minutes;
			return this;
		}

		/** The work periods of a weekday, from–to pairs of times; none makes it a day off. */
		public Builder week(DayOfWeek day, LocalTime... fromTo) {
			week[day.getValue() - 1] = periods(fromTo, day.toString());
			return this;
		}

		/** The same with minutes of the day, 1440 for midnight at the end. */
		public Builder weekMinutes(DayOfWeek day, int... fromTo) {
			week[day.getValue() - 1] = checked(fromTo.clone(), day.toString());
			return this;
		}

		/**
		 * The days {@code from} to {@code to}, both included, work the periods given instead of
		 * their weekday's; with none they are days off. A later exception overrides an earlier one
		 * on the days both cover.
		 */
		public Builder exception(LocalDate from, LocalDate to, LocalTime... fromTo) {
			return exceptionMinutes(from, to, minutes(fromTo));
		}

		public Builder exceptionMinutes(LocalDate from, LocalDate to, int... fromTo) {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("Exception " + from + ".." + to + " ends before it starts");
			}
			int[] periods = checked(fromTo.clone(), "exception " + from + ".." + to);
			if (to.toEpochDay() - from.toEpochDay() > 200_000) {
				throw new IllegalArgumentException("Exception " + from + ".." + to + " spans more than 200,000 days");
			}
			for (long day = from.toEpochDay(); day <= to.toEpochDay(); day++) {
				exceptions.put(day, periods);
			}
			return this;
		}

		public WorkCalendar build() {
			return new WorkCalendar(this);
		}

		private static int[] periods(LocalTime[] fromTo, String what) {
			return checked(minutes(fromTo), what);
		}

		private static int[] minutes(LocalTime[] fromTo) {
			int[] minutes = new int[fromTo.length];
			for (int i = 0; i < fromTo.length; i++) {
				minutes[i] = fromTo[i].toSecondOfDay() / 60;
				// a period ending at midnight ends the day
				if (i % 2 == 1 && minutes[i] == 0) {
					minutes[i] = DAY;
				}
			}
			return minutes;
		}

		/** Periods in order, each non-empty, none overlapping; touching ones are merged. */
		private static int[] checked(int[] fromTo, String what) {
			if (fromTo.length % 2 != 0) {
				throw new IllegalArgumentException("Work periods of " + what + " come in from–to pairs: "
						+ Arrays.toString(fromTo));
			}
			List<Integer> merged = new ArrayList<>();
			int previousEnd = -1;
			for (int p = 0; p < fromTo.length; p += 2) {
				int from = fromTo[p];
				int to = fromTo[p + 1];
				if (from < 0 || to > DAY || from >= to) {
					throw new IllegalArgumentException("Work period " + from + "–" + to + " of " + what
							+ " is not within a day or is empty");
				}
				if (from < previousEnd) {
					throw new IllegalArgumentException("Work periods of " + what + " overlap or are out of order: "
							+ Arrays.toString(fromTo));
				}
				if (from == previousEnd) {
					merged.set(merged.size() - 1, to);
				}
				else {
					merged.add(from);
					merged.add(to);
				}
				previousEnd = to;
			}
			return merged.stream().mapToInt(Integer::intValue).toArray();
		}

	}

}
