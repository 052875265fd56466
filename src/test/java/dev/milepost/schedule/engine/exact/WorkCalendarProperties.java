package dev.milepost.schedule.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The calendar against a naive reference that looks at one minute at a time: random weekly
 * periods (some weekdays off, odd minutes, up to three periods a day), random exception ranges
 * (days off, or working with their own periods, overlapping each other), moments within two months
 * either side of them.
 */
class WorkCalendarProperties {

	private static final LocalDate BASE = LocalDate.of(2024, 2, 26);

	private static final int BASE_MOMENT = Math.toIntExact(BASE.toEpochDay() * WorkCalendar.DAY);

	/** A calendar and the same rules held plainly, day by day, for the reference. */
	record Case(WorkCalendar calendar, Map<DayOfWeek, int[]> week, Map<LocalDate, int[]> exceptions) {

		boolean working(int moment) {
			LocalDate date = WorkCalendar.dateTime(moment).toLocalDate();
			int minute = Math.floorMod(moment, WorkCalendar.DAY);
			int[] periods = exceptions.containsKey(date) ? exceptions.get(date) : week.get(date.getDayOfWeek());
			for (int p = 0; p < periods.length; p += 2) {
				if (minute >= periods[p] && minute < periods[p + 1]) {
					return true;
				}
			}
			return false;
		}

		long countWork(int from, int to) {
			long count = 0;
			for (int m = from; m < to; m++) {
				count += working(m) ? 1 : 0;
			}
			return count;
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			week.forEach((day, periods) -> text.append(day).append(java.util.Arrays.toString(periods)).append(' '));
			exceptions.forEach((day, periods) -> text.append(day).append(java.util.Arrays.toString(periods)).append(' '));
			return text.toString();
		}
	}

	@Provide
	Arbitrary<Case> calendars() {
		Arbitrary<int[]> periods = Arbitraries.integers()
			.between(0, WorkCalendar.DAY)
			.set()
			.ofMaxSize(6)
			.map(set -> {
				int[] cuts = new TreeSet<>(set).stream().mapToInt(Integer::intValue).toArray();
				return java.util.Arrays.copyOf(cuts, cuts.length - cuts.length % 2);
			});
		Arbitrary<List<int[]>> week = periods.list().ofSize(7);
		Arbitrary<List<int[]>> exceptionPeriods = periods.list().ofMaxSize(5);
		Arbitrary<List<Integer>> exceptionStarts = Arbitraries.integers().between(-30, 30).list().ofSize(5);
		Arbitrary<List<Integer>> exceptionLengths = Arbitraries.integers().between(0, 12).list().ofSize(5);
		return Combinators.combine(week, exceptionPeriods, exceptionStarts, exceptionLengths)
			.as(WorkCalendarProperties::build)
			.filter(c -> c != null);
	}

	private static Case build(List<int[]> weekPeriods, List<int[]> exceptionPeriods, List<Integer> starts,
			List<Integer> lengths) {
		if (weekPeriods.stream().allMatch(p -> p.length == 0)) {
			return null;
		}
		WorkCalendar.Builder builder = WorkCalendar.builder("random");
		Map<DayOfWeek, int[]> week = new HashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			int[] periods = weekPeriods.get(day.ordinal());
			week.put(day, periods);
			builder.weekMinutes(day, periods);
		}
		Map<LocalDate, int[]> exceptions = new HashMap<>();
		for (int e = 0; e < exceptionPeriods.size(); e++) {
			LocalDate from = BASE.plusDays(starts.get(e));
			LocalDate to = from.plusDays(lengths.get(e));
			builder.exceptionMinutes(from, to, exceptionPeriods.get(e));
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				exceptions.put(day, exceptionPeriods.get(e));
			}
		}
		return new Case(builder.build(), week, exceptions);
	}

	@Property(tries = 150)
	void workBetweenCountsTheWorkingMinutes(@ForAll("calendars") Case c,
			@ForAll @IntRange(min = -60 * 1440, max = 60 * 1440) int a,
			@ForAll @IntRange(min = 0, max = 30 * 1440) int span) {
		int from = BASE_MOMENT + a;
		assertThat(c.calendar().workBetween(from, from + span)).isEqualTo(c.countWork(from, from + span));
		assertThat(c.calendar().workBetween(from + span, from)).isEqualTo(-c.countWork(from, from + span));
	}

	@Property(tries = 300)
	void isWorkingAgreesMinuteByMinute(@ForAll("calendars") Case c,
			@ForAll @IntRange(min = -60 * 1440, max = 60 * 1440) int a) {
		for (int m = BASE_MOMENT + a; m < BASE_MOMENT + a + 3 * WorkCalendar.DAY; m++) {
			assertThat(c.calendar().isWorking(m)).as("minute %d", m).isEqualTo(c.working(m));
		}
	}

	/**
	 * finishAt(w) is the first moment with w minutes of work before it, startAt(w) the last: the
	 * end of the last working minute and the beginning of the next, found the naive way.
	 */
	@Property(tries = 300)
	void finishAtAndStartAtAreTheEndsOfTheFlatStretch(@ForAll("calendars") Case c,
			@ForAll @IntRange(min = -60 * 1440, max = 60 * 1440) int a,
			@ForAll @IntRange(min = -20000, max = 20000) int minutes) {
		WorkCalendar calendar = c.calendar();
		int from = BASE_MOMENT + a;
		long work = calendar.workBefore(from) + minutes;
		int finish = calendar.finishAt(work);
		int start = calendar.startAt(work);
		assertThat(finish).isLessThanOrEqualTo(start);
		assertThat(calendar.workBefore(finish)).isEqualTo(work);
		assertThat(calendar.workBefore(start)).isEqualTo(work);
		// naive: the minute before the finish works, the minute at the start works, and nothing between
		assertThat(c.working(finish - 1)).isTrue();
		assertThat(c.working(start)).isTrue();
		assertThat(c.countWork(finish, start)).isZero();
		// and the work counted from the first moment to them is the minutes asked for
		assertThat(minutes >= 0 ? c.countWork(from, finish) : -c.countWork(finish, from)).isEqualTo(minutes);
	}

	@Property(tries = 200)
	void nextWorkingIsTheFirstWorkingMinuteFromTheMoment(@ForAll("calendars") Case c,
			@ForAll @IntRange(min = -60 * 1440, max = 60 * 1440) int a) {
		int moment = BASE_MOMENT + a;
		int naive = moment;
		while (!c.working(naive)) {
			naive++;
		}
		assertThat(c.calendar().nextWorking(moment)).isEqualTo(naive);
		int back = moment;
		while (!c.working(back - 1)) {
			back--;
		}
		assertThat(c.calendar().previousWorkEnd(moment)).isEqualTo(back);
	}

	@Property(tries = 50)
	void farFromTheExceptionsTheWeekRepeats(@ForAll("calendars") Case c,
			@ForAll @IntRange(min = 1, max = 5000) int weeks) {
		WorkCalendar calendar = c.calendar();
		long perWeek = c.countWork(BASE_MOMENT - 7 * 1440 * 20, BASE_MOMENT - 7 * 1440 * 19);
		int far = BASE_MOMENT + 7 * 1440 * 10;
		assertThat(calendar.workBetween(far, far + weeks * 7 * 1440)).isEqualTo(perWeek * weeks);
		assertThat(calendar.workBetween(far - (weeks + 20) * 7 * 1440, far - 20 * 7 * 1440)).isEqualTo(perWeek * weeks);
	}

}
