package dev.milepost.bench;

import java.util.Arrays;
import java.util.function.Supplier;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;

/**
 * A rough stopwatch over the phases of a full schedule, for tuning between JMH runs (which remain
 * the figures of record): {@code java -Xmx6g -cp benchmarks.jar dev.milepost.bench.QuickTimings 1000000}.
 */
public final class QuickTimings {

	private QuickTimings() {
	}

	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
		boolean mapping = args.length <= 2 || Boolean.parseBoolean(args[2]);
		GeneratedPlan plan = PlanGenerator.generate(size, GeneratedPlan.SEED);
		System.out.println(plan.describe());
		int[][] deadlines = plan.deadlines();
		ProjectPlan projectPlan = mapping ? plan.projectPlan() : null;
		Network network = EngineInput.networkLinkByLink(plan);
		Scenario scenario = EngineInput.scenario(network, deadlines);
		for (int pass = 0; pass < 2; pass++) {
		System.out.println(pass == 0 ? "-- warming up" : "-- measured");
		time("bare Kahn + forward", rounds,
				() -> BarePass.earlyStarts(size, plan.duration(), plan.links(), plan.from(), plan.to(), plan.lag()));
		time("network from arrays", rounds, () -> EngineInput.network(plan));
		time("network, link by link", rounds, () -> EngineInput.networkLinkByLink(plan));
		time("schedule only", rounds, () -> Scheduler.schedule(network, scenario));
		time("full schedule", rounds, () -> {
			Network built = EngineInput.network(plan);
			return Scheduler.schedule(built, EngineInput.scenario(built, deadlines));
		});
		if (mapping) {
			time("PlanMapping.of", rounds, () -> PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE));
			PlanMapping mapped = PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE);
			Schedule schedule = mapped.schedule();
			time("dates of every activity", rounds, () -> {
				Object[] dates = new Object[size];
				for (int i = 0; i < size; i++) {
					dates[i] = mapped.dates(schedule, i);
				}
				return dates;
			});
			time("mapping round trip", rounds, () -> {
				PlanMapping m = PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE);
				Schedule s = m.schedule();
				Object[] dates = new Object[size];
				for (int i = 0; i < size; i++) {
					dates[i] = m.dates(s, i);
				}
				return dates;
			});
		}
		}
	}

	static Object sink;

	private static void time(String what, int rounds, Supplier<Object> work) {
		long[] nanos = new long[rounds];
		for (int r = 0; r < rounds; r++) {
			long t0 = System.nanoTime();
			sink = work.get();
			nanos[r] = System.nanoTime() - t0;
		}
		Arrays.sort(nanos);
		System.out.printf("%-28s min %8.2f ms  median %8.2f ms%n", what, nanos[0] / 1e6, nanos[rounds / 2] / 1e6);
	}

}
