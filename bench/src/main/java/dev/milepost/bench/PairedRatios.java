package dev.milepost.bench;

import java.util.Arrays;
import java.util.function.Supplier;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;

/**
 * A cross-check of the JMH ratios that stands up to a busy machine: the bare pass, the engine's
 * full schedule and the mapping round trip run back to back, round after round, and each round
 * gives its own ratios; the median of those is printed. Load that comes and goes then falls on
 * both sides of a ratio alike.
 * {@code java -Xms6g -Xmx6g -cp benchmarks.jar dev.milepost.bench.PairedRatios 1000000 41}
 */
public final class PairedRatios {

	static Object sink;

	private PairedRatios() {
	}

	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 41;
		GeneratedPlan plan = PlanGenerator.generate(size, GeneratedPlan.SEED);
		int[][] deadlines = plan.deadlines();
		ProjectPlan projectPlan = plan.projectPlan();
		Supplier<Object> bare = () -> BarePass.earlyStarts(size, plan.duration(), plan.links(), plan.from(), plan.to(),
				plan.lag());
		Supplier<Object> engine = () -> {
			Network network = EngineInput.network(plan);
			return Scheduler.schedule(network, EngineInput.scenario(network, deadlines));
		};
		Supplier<Object> roundTrip = () -> {
			PlanMapping mapping = PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE);
			Schedule schedule = mapping.schedule();
			Object[] dates = new Object[size];
			for (int i = 0; i < size; i++) {
				dates[i] = mapping.dates(schedule, i);
			}
			return dates;
		};
		// warm up all three first, so that no round pays for compiling
		for (int r = 0; r < 10; r++) {
			time(bare);
			time(engine);
			time(roundTrip);
		}
		double[] engineRatio = new double[rounds];
		double[] mappingShare = new double[rounds];
		long[][] nanos = new long[3][rounds];
		for (int r = 0; r < rounds; r++) {
			nanos[0][r] = time(bare);
			nanos[1][r] = time(engine);
			nanos[2][r] = time(roundTrip);
			engineRatio[r] = (double) nanos[1][r] / nanos[0][r];
			mappingShare[r] = (double) (nanos[2][r] - nanos[1][r]) / nanos[1][r];
		}
		System.out.println(plan.describe());
		System.out.printf("medians of %d rounds: bare %.3f ms, engine full schedule %.3f ms, mapping round trip %.3f ms%n",
				rounds, median(nanos[0]) / 1e6, median(nanos[1]) / 1e6, median(nanos[2]) / 1e6);
		System.out.printf("median of the rounds' ratios: engine / bare %.2f×, mapping adds %+.0f %% to the engine%n",
				median(engineRatio), 100 * median(mappingShare));
	}

	private static long time(Supplier<Object> work) {
		long start = System.nanoTime();
		sink = work.get();
		return System.nanoTime() - start;
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
