package dev.milepost.schedule.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On whole days of one calendar the exact engine must be the day engine times 480 minutes: every
 * early and late date, both floats and the finish, on random networks with all four link kinds,
 * leads and lags, milestones and deadlines, through both of its implementations (the
 * single-calendar passes in working minutes, and the passes in moments).
 */
class ExactSchedulerProperties {

	private static final int DAY = 480;

	private static final int MONDAY = WorkCalendar.moment(LocalDateTime.parse("2024-03-04T08:00"));

	record Link(int from, int to, LinkKind kind, int lagDays) {
	}

	record Plan(List<Integer> days, List<Link> links, List<Integer> deadlines) {
	}

	@Provide
	Arbitrary<Plan> plans() {
		return Arbitraries.integers().between(1, 25).flatMap(size -> {
			Arbitrary<List<Integer>> days = Arbitraries.integers().between(0, 6).list().ofSize(size);
			Arbitrary<List<Link>> links = Combinators
				.combine(Arbitraries.integers().between(0, size - 1), Arbitraries.integers().between(0, size - 1),
						Arbitraries.of(LinkKind.class), Arbitraries.integers().between(-3, 4))
				.as((a, b, kind, lag) -> a < b ? new Link(a, b, kind, lag) : null)
				.list()
				.ofMaxSize(size * 3)
				.map(list -> {
					Set<String> seen = new HashSet<>();
					return list.stream()
						.filter(l -> l != null && seen.add(l.from() + "/" + l.to() + "/" + l.kind()))
						.toList();
				});
			Arbitrary<List<Integer>> deadlines = Arbitraries.integers().between(-1, 30).list().ofSize(size);
			return Combinators.combine(days, links, deadlines).as(Plan::new);
		});
	}

	@Property(tries = 300)
	void onWholeDaysTheExactEngineIsTheDayEngineIn480MinuteDays(@ForAll("plans") Plan plan) {
		WorkCalendar calendar = WorkCalendar.standard();
		Network.Builder days = Network.builder();
		ExactNetwork.Builder minutes = ExactNetwork.builder(calendar);
		for (int d : plan.days()) {
			if (d == 0) {
				days.milestone();
			}
			else {
				days.task(d);
			}
			minutes.task(d * DAY);
		}
		for (Link link : plan.links()) {
			days.link(link.from(), link.to(), link.kind(), link.lagDays());
			minutes.link(link.from(), link.to(), link.kind(), link.lagDays() * DAY);
		}
		Network network = days.build();
		Scenario scenario = Scenario.of(network);
		ExactNetwork exact = minutes.build();
		for (int i = 0; i < plan.deadlines().size(); i++) {
			int boundary = plan.deadlines().get(i);
			if (boundary >= 0) {
				scenario.deadline(i, boundary);
				// a deadline is the end of the day before the boundary
				minutes.deadline(i, calendar.finishAt(calendar.workBefore(MONDAY) + (long) boundary * DAY));
			}
		}
		exact = minutes.build();
		Schedule expected = Scheduler.schedule(network, scenario);
		ExactSchedule fast = ExactScheduler.schedule(exact, MONDAY);
		// no progress at all, but given: forces the passes in moments
		ExactSchedule inMoments = ExactScheduler.schedule(exact, MONDAY, Progress.asOf(exact, MONDAY));
		for (ExactSchedule actual : List.of(fast, inMoments)) {
			assertThat(work(calendar, actual.finish())).isEqualTo(expected.finish() * DAY);
			for (int i = 0; i < network.size(); i++) {
				assertThat(work(calendar, actual.earlyStart(i))).as("early start of %d", i)
					.isEqualTo(expected.earlyStart(i) * DAY);
				assertThat(work(calendar, actual.earlyFinish(i))).as("early finish of %d", i)
					.isEqualTo(expected.earlyFinish(i) * DAY);
				assertThat(work(calendar, actual.lateStart(i))).as("late start of %d", i)
					.isEqualTo(expected.lateStart(i) * DAY);
				assertThat(work(calendar, actual.lateFinish(i))).as("late finish of %d", i)
					.isEqualTo(expected.lateFinish(i) * DAY);
				assertThat(actual.totalFloat(i)).as("total float of %d", i).isEqualTo(expected.totalFloat(i) * DAY);
				assertThat(actual.freeFloat(i)).as("free float of %d", i).isEqualTo(expected.freeFloat(i) * DAY);
			}
		}
	}

	record MinutePlan(List<Integer> minutes, List<Link> links, List<Integer> constraintKinds,
			List<Integer> constraintOffsets) {
	}

	@Provide
	Arbitrary<MinutePlan> minutePlans() {
		return Arbitraries.integers().between(1, 20).flatMap(size -> {
			Arbitrary<List<Integer>> minutes = Arbitraries.integers().between(0, 2000).list().ofSize(size);
			Arbitrary<List<Link>> links = Combinators
				.combine(Arbitraries.integers().between(0, size - 1), Arbitraries.integers().between(0, size - 1),
						Arbitraries.of(LinkKind.class), Arbitraries.integers().between(-700, 900))
				.as((a, b, kind, lag) -> a < b ? new Link(a, b, kind, lag) : null)
				.list()
				.ofMaxSize(size * 3)
				.map(list -> {
					Set<String> seen = new HashSet<>();
					return list.stream()
						.filter(l -> l != null && seen.add(l.from() + "/" + l.to() + "/" + l.kind()))
						.toList();
				});
			// constraint kinds other than as late as possible (0 is none), at any minute of three weeks
			Arbitrary<List<Integer>> kinds = Arbitraries.of(0, 0, 0, 2, 3, 4, 5, 6, 7).list().ofSize(size);
			Arbitrary<List<Integer>> offsets = Arbitraries.integers().between(-2000, 3 * 7 * 1440).list().ofSize(size);
			return Combinators.combine(minutes, links, kinds, offsets).as(MinutePlan::new);
		});
	}

	/**
	 * To the minute, with part days, lunch breaks, leads and lags in minutes, every constraint but
	 * as late as possible at any minute (working or not), and deadlines: the single-calendar passes
	 * in working minutes and the passes in moments give the same dates (as working instants) and
	 * the same floats.
	 */
	@Property(tries = 300)
	void theTwoImplementationsAgreeToTheMinute(@ForAll("minutePlans") MinutePlan plan) {
		WorkCalendar calendar = WorkCalendar.builder("lunch and a holiday")
			.weekMinutes(java.time.DayOfWeek.MONDAY, 480, 720, 780, 1020)
			.weekMinutes(java.time.DayOfWeek.TUESDAY, 480, 720, 780, 1020)
			.weekMinutes(java.time.DayOfWeek.WEDNESDAY, 420, 700)
			.weekMinutes(java.time.DayOfWeek.THURSDAY, 480, 720, 780, 1020)
			.weekMinutes(java.time.DayOfWeek.FRIDAY, 480, 720, 780, 1020)
			.exception(java.time.LocalDate.of(2024, 3, 8), java.time.LocalDate.of(2024, 3, 8))
			.build();
		ExactNetwork.Builder builder = ExactNetwork.builder(calendar);
		for (int i = 0; i < plan.minutes().size(); i++) {
			builder.task(plan.minutes().get(i));
			int kind = plan.constraintKinds().get(i);
			if (kind != 0) {
				builder.constraint(i, Constraint.values()[kind], MONDAY + plan.constraintOffsets().get(i));
			}
			if (i % 3 == 1) {
				builder.deadline(i, MONDAY + plan.constraintOffsets().get(i) / 2);
			}
		}
		for (Link link : plan.links()) {
			builder.link(link.from(), link.to(), link.kind(), link.lagDays());
		}
		ExactNetwork network = builder.build();
		ExactSchedule fast = ExactScheduler.schedule(network, MONDAY);
		ExactSchedule inMoments = ExactScheduler.schedule(network, MONDAY, Progress.asOf(network, MONDAY));
		assertThat(calendar.workBefore(fast.finish())).isEqualTo(calendar.workBefore(inMoments.finish()));
		for (int i = 0; i < network.size(); i++) {
			assertThat(calendar.workBefore(fast.earlyStart(i))).as("early start of %d", i)
				.isEqualTo(calendar.workBefore(inMoments.earlyStart(i)));
			assertThat(calendar.workBefore(fast.earlyFinish(i))).as("early finish of %d", i)
				.isEqualTo(calendar.workBefore(inMoments.earlyFinish(i)));
			assertThat(calendar.workBefore(fast.lateStart(i))).as("late start of %d", i)
				.isEqualTo(calendar.workBefore(inMoments.lateStart(i)));
			assertThat(calendar.workBefore(fast.lateFinish(i))).as("late finish of %d", i)
				.isEqualTo(calendar.workBefore(inMoments.lateFinish(i)));
			assertThat(fast.totalFloat(i)).as("total float of %d", i).isEqualTo(inMoments.totalFloat(i));
			assertThat(fast.freeFloat(i)).as("free float of %d", i).isEqualTo(inMoments.freeFloat(i));
		}
	}

	/** Working minutes from the project start to a moment. */
	private static long work(WorkCalendar calendar, int moment) {
		return calendar.workBetween(MONDAY, moment);
	}

}
