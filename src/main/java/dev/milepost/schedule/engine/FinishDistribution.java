package dev.milepost.schedule.engine;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * How an activity's early finish (a boundary, in working days) fell across the iterations of a
 * simulation: percentiles, the chance of finishing by any boundary, and the counts per boundary
 * for a chart. Map boundaries to dates with {@link WorkingCalendar#finishDate(int)}.
 */
public final class FinishDistribution {

	static final int NO_TARGET = Integer.MIN_VALUE;

	private final int min;

	// cumulative[i]: iterations finishing at or before min + i
	private final int[] cumulative;

	private final int iterations;

	private final int target;

	private final double mean;

	FinishDistribution(int min, int[] counts, int iterations, int target) {
		this.min = min;
		this.cumulative = new int[counts.length];
		this.iterations = iterations;
		this.target = target;
		long running = 0;
		double sum = 0;
		for (int i = 0; i < counts.length; i++) {
			running += counts[i];
			cumulative[i] = (int) running;
			sum += (double) counts[i] * (min + i);
		}
		if (running != iterations) {
			throw new IllegalStateException("Counted " + running + " finishes in " + iterations + " iterations");
		}
		this.mean = sum / iterations;
	}

	public int iterations() {
		return iterations;
	}

	public int min() {
		return min;
	}

	public int max() {
		return min + cumulative.length - 1;
	}

	public double mean() {
		return mean;
	}

	/**
	 * The earliest boundary by which at least the given share of iterations had finished (the
	 * nearest-rank percentile): {@code percentile(0.8)} is the P80 finish.
	 */
	public int percentile(double share) {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("A percentile is a share above 0 and at most 1, got " + share);
		}
		// the small allowance keeps 0.8 × 10,000 at 8,000 whatever the rounding of the product
		long needed = Math.max(1, (long) Math.ceil(share * iterations - 1e-9));
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (cumulative[middle] >= needed) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return min + low;
	}

	public int p50() {
		return percentile(0.50);
	}

	public int p80() {
		return percentile(0.80);
	}

	public int p95() {
		return percentile(0.95);
	}

	/** The share of iterations that finished at or before the boundary. */
	public double probabilityBy(int boundary) {
		if (boundary < min) {
			return 0;
		}
		if (boundary >= max()) {
			return 1;
		}
		return (double) cumulative[boundary - min] / iterations;
	}

	/** The number of iterations that finished exactly at the boundary. */
	public int count(int boundary) {
		if (boundary < min || boundary > max()) {
			return 0;
		}
		int i = boundary - min;
		return i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1];
	}

	/** The target this activity was simulated against: the options' or the scenario's deadline. */
	public OptionalInt target() {
		return target == NO_TARGET ? OptionalInt.empty() : OptionalInt.of(target);
	}

	/** The chance of finishing by the target. */
	public double probabilityOfMeetingTarget() {
		if (target == NO_TARGET) {
			throw new IllegalStateException("No target was given for this activity: give one in the options "
					+ "or as a deadline in the scenario, or ask probabilityBy(boundary)");
		}
		return probabilityBy(target);
	}

	/** Equal when every boundary was reached as often, against the same target. */
	@Override
	public boolean equals(Object other) {
		return other instanceof FinishDistribution that && min == that.min && iterations == that.iterations
				&& target == that.target && Arrays.equals(cumulative, that.cumulative);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * min + target) + Arrays.hashCode(cumulative);
	}

	@Override
	public String toString() {
		return "FinishDistribution[P50=" + p50() + ", P80=" + p80() + ", P95=" + p95() + ", mean=" + mean + ", range="
				+ min + ".." + max() + (target == NO_TARGET ? "" : ", target=" + target) + "]";
	}

}
