package dev.milepost.bench;

import java.util.Arrays;

import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scheduler;
import dev.milepost.schedule.engine.exact.ExactScheduler;

/**
 * The exact engine's ratio on a busy machine: the bare pass in minutes, the day engine's full
 * schedule and the exact engine's (single calendar, then two calendars) back to back, round after
 * round in one JVM, so whatever else the machine does falls on all of them; prints the medians
 * and the ratios of the medians.
 * {@code java -Xms6g -Xmx6g -cp benchmarks.jar dev.milepost.bench.ExactPairedRatios 1000000 21}
 */
public final class ExactPairedRatios {

	private ExactPairedRatios() {
	}

	public static void main(String[] args) {
		int activities = Integer.parseInt(args[0]);
		int rounds = Integer.parseInt(args[1]);
		ExactScheduleBenchmarks.Minutes input = new ExactScheduleBenchmarks.Minutes(activities);
		GeneratedPlan plan = input.plan;
		int[][] deadlines = plan.deadlines();
		double[][] times = new double[4][rounds];
		long sink = 0;
		for (int r = -3; r < rounds; r++) {
			long t0 = System.nanoTime();
			sink += BarePass.earlyStarts(plan.size(), input.duration, plan.links(), plan.from(), plan.to(),
					input.lag)[activities - 1];
			long t1 = System.nanoTime();
			Network network = EngineInput.network(plan);
			sink += Scheduler.schedule(network, EngineInput.scenario(network, deadlines)).finish();
			long t2 = System.nanoTime();
			sink += ExactScheduler.schedule(ExactScheduleBenchmarks.network(input, false), input.start).finish();
			long t3 = System.nanoTime();
			sink += ExactScheduler.schedule(ExactScheduleBenchmarks.network(input, true), input.start).finish();
			long t4 = System.nanoTime();
			if (r >= 0) {
				times[0][r] = (t1 - t0) / 1e6;
				times[1][r] = (t2 - t1) / 1e6;
				times[2][r] = (t3 - t2) / 1e6;
				times[3][r] = (t4 - t3) / 1e6;
			}
		}
		double bare = median(times[0]);
		double day = median(times[1]);
		double exact = median(times[2]);
		double two = median(times[3]);
		System.out.printf("%d activities, %d rounds (medians, ms): bare in minutes %.1f | day engine full %.1f (%.2f×) "
				+ "| exact full %.1f (%.2f×) | exact, two calendars %.1f (%.2f×)   [%d]%n", activities, rounds, bare, day,
				day / bare, exact, exact / bare, two, two / bare, sink & 1);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
