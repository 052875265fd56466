package dev.milepost.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

import dev.milepost.schedule.engine.exact.ExactNetwork;
import dev.milepost.schedule.engine.exact.ExactSchedule;
import dev.milepost.schedule.engine.exact.ExactScheduler;
import dev.milepost.schedule.engine.exact.LagCalendar;
import dev.milepost.schedule.engine.exact.WorkCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact engine ({@code dev.milepost.schedule.engine.exact}) on the generated plans of
 * {@link ScheduleBenchmarks}, in minutes: every duration and lag × 480 on a calendar of
 * 08:00–12:00 and 13:00–17:00 with the plan's weekdays and holidays, each milestone's deadline at
 * 17:00 of its target date. Held to the same limit as the day engine: the full schedule (network
 * built from the arrays, deadlines set, both passes, both floats) ≤ 2 × the bare int-array pass
 * over the same arrays in minutes. A variant with a tenth of the tasks on a second calendar
 * (07:00–11:00, 12:00–16:00, other holidays; lags on the predecessor's calendar, as P6) shows
 * what calendars per activity cost; it has no target.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms6g", "-Xmx6g" })
public class ExactScheduleBenchmarks {

	@State(Scope.Benchmark)
	public static class Minutes {

		@Param({ "100000", "1000000" })
		int activities;

		GeneratedPlan plan;

		int[] duration;

		int[] lag;

		int[] deadlineActivity;

		int[] deadlineMoment;

		int start;

		WorkCalendar calendar;

		WorkCalendar other;

		ExactNetwork network;

		public Minutes() {
		}

		/** Outside JMH: the plan of that many activities. */
		public Minutes(int activities) {
			this.activities = activities;
			generate();
		}

		@Setup(Level.Trial)
		public void generate() {
			plan = PlanGenerator.generate(activities, GeneratedPlan.SEED);
			duration = new int[plan.size()];
			for (int i = 0; i < plan.size(); i++) {
				duration[i] = plan.duration()[i] * 480;
			}
			lag = new int[plan.links()];
			for (int l = 0; l < plan.links(); l++) {
				lag[l] = plan.lag()[l] * 480;
			}
			calendar = calendar("generated", 8, plan.holidays().toArray(LocalDate[]::new));
			other = calendar("other", 7, plan.start().plusDays(10), plan.start().plusDays(45));
			start = WorkCalendar.moment(plan.start().atTime(8, 0));
			var days = plan.calendar();
			int milestones = plan.size() - plan.tasks();
			deadlineActivity = new int[milestones];
			deadlineMoment = new int[milestones];
			for (int i = plan.tasks(); i < plan.size(); i++) {
				deadlineActivity[i - plan.tasks()] = i;
				deadlineMoment[i - plan.tasks()] = WorkCalendar.moment(plan.targetDate(days, i).atTime(17, 0));
			}
			network = network(this, false);
		}

		private WorkCalendar calendar(String name, int from, LocalDate... holidays) {
			WorkCalendar.Builder builder = WorkCalendar.builder(name);
			for (DayOfWeek day : plan.workingDays()) {
				builder.week(day, LocalTime.of(from, 0), LocalTime.of(from + 4, 0), LocalTime.of(from + 5, 0),
						LocalTime.of(from + 9, 0));
			}
			for (LocalDate holiday : holidays) {
				builder.exception(holiday, holiday);
			}
			return builder.build();
		}

	}

	public static ExactNetwork network(Minutes input, boolean twoCalendars) {
		GeneratedPlan plan = input.plan;
		ExactNetwork.Builder builder = twoCalendars
				? ExactNetwork.builder(plan.size(), plan.links(), input.calendar, input.other)
					.lagCalendar(LagCalendar.PREDECESSOR)
				: ExactNetwork.builder(plan.size(), plan.links(), input.calendar);
		int[] duration = input.duration;
		for (int i = 0; i < plan.size(); i++) {
			builder.task(duration[i], twoCalendars && i % 10 == 3 ? 1 : 0);
		}
		builder.links(plan.from(), plan.to(), plan.kind(), input.lag);
		for (int d = 0; d < input.deadlineActivity.length; d++) {
			builder.deadline(input.deadlineActivity[d], input.deadlineMoment[d]);
		}
		return builder.build();
	}

	/** The limit: Kahn's algorithm and a forward pass over the same arrays, in minutes. */
	@Benchmark
	public int[] bareKahnForwardMinutes(Minutes input) {
		GeneratedPlan plan = input.plan;
		return BarePass.earlyStarts(plan.size(), input.duration, plan.links(), plan.from(), plan.to(), input.lag);
	}

	/** The exact engine end to end, every activity on the project calendar. */
	@Benchmark
	public ExactSchedule exactFullSchedule(Minutes input) {
		return ExactScheduler.schedule(network(input, false), input.start);
	}

	/** The passes alone, over a network built once. */
	@Benchmark
	public ExactSchedule exactScheduleOnly(Minutes input) {
		return ExactScheduler.schedule(input.network, input.start);
	}

	/** End to end with a tenth of the tasks on a second calendar: the passes in moments. */
	@Benchmark
	public ExactSchedule exactFullScheduleTwoCalendars(Minutes input) {
		return ExactScheduler.schedule(network(input, true), input.start);
	}

}
