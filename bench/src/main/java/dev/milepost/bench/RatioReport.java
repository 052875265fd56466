package dev.milepost.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the benchmarks (JMH's own command-line options apply) and prints, per plan size, the
 * medians of the sampled operations, the engine's ratios against the bare pass and the mapping's
 * share of the engine's time, all from this one run:
 * {@code java -cp benchmarks.jar dev.milepost.bench.RatioReport ScheduleBenchmarks}.
 */
public final class RatioReport {

	private RatioReport() {
	}

	public static void main(String[] args) throws Exception {
		Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
		// size -> benchmark -> median, 90th percentile, mean (ms/op)
		Map<Integer, Map<String, double[]>> scores = new TreeMap<>();
		for (RunResult result : results) {
			String label = result.getParams().getBenchmark();
			String name = label.substring(label.lastIndexOf('.') + 1);
			String size = result.getParams().getParam("activities");
			scores.computeIfAbsent(size == null ? HeapCheck.ACTIVITIES : Integer.parseInt(size), k -> new TreeMap<>())
				.put(name, new double[] { result.getPrimaryResult().getStatistics().getPercentile(50),
						result.getPrimaryResult().getStatistics().getPercentile(90),
						result.getPrimaryResult().getScore() });
		}
		System.out.println();
		System.out.println("Medians of the sampled operations (90th percentile in brackets), ms per operation");
		System.out.println();
		System.out.println("| activities | bare Kahn+forward (limit) | engine full schedule | ratio (≤ 2) "
				+ "| … link by link | ratio | schedule only | mapping in | mapping round trip | mapping adds (≤ 25 %) "
				+ "| plan from rows (at load) |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (Map.Entry<Integer, Map<String, double[]>> entry : scores.entrySet()) {
			Map<String, double[]> row = entry.getValue();
			double bare = score(row, "bareKahnForward");
			double full = score(row, "engineFullSchedule");
			double linkByLink = score(row, "engineFullScheduleLinkByLink");
			double roundTrip = score(row, "planMappingRoundTrip");
			System.out.printf("| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", entry.getKey(),
					ms(row, "bareKahnForward"), ms(row, "engineFullSchedule"), ratio(full / bare),
					ms(row, "engineFullScheduleLinkByLink"), ratio(linkByLink / bare), ms(row, "engineScheduleOnly"),
					ms(row, "planMappingIn"), ms(row, "planMappingRoundTrip"),
					Double.isNaN(roundTrip / full) ? "–" : String.format("%+.0f %%", 100 * (roundTrip - full) / full),
					ms(row, "planFromRows"));
		}
	}

	private static double score(Map<String, double[]> row, String name) {
		double[] score = row.get(name);
		return score == null ? Double.NaN : score[0];
	}

	private static String ms(Map<String, double[]> row, String name) {
		double[] score = row.get(name);
		return score == null ? "–" : String.format("%.3f ms (p90 %.3f)", score[0], score[1]);
	}

	private static String ratio(double ratio) {
		return Double.isNaN(ratio) ? "–" : String.format("%.2f×", ratio);
	}

}
