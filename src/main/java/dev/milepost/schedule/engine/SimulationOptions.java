package dev.milepost.schedule.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How a Monte Carlo simulation runs: the number of iterations, the seed (the same seed and inputs
 * give the same result, whatever the thread count), the distribution given to estimates, the
 * threads to use, the activities whose finish is tracked (by default every milestone) and their
 * targets (by default the scenario's deadline, if it has one).
 */
public final class SimulationOptions {

	public static final int DEFAULT_ITERATIONS = 10_000;

	public static final long DEFAULT_SEED = 1L;

	private final int iterations;

	private final long seed;

	private final Distribution distribution;

	private final int threads;

	// null: every milestone
	private final int[] tracked;

	private final Map<Integer, Integer> targets;

	private final SimulationProgress progress;

	private SimulationOptions(Builder builder) {
		this.iterations = builder.iterations;
		this.seed = builder.seed;
		this.distribution = builder.distribution;
		this.threads = builder.threads > 0 ? builder.threads : Runtime.getRuntime().availableProcessors();
		this.tracked = builder.tracked == null ? null : builder.tracked.clone();
		this.targets = Map.copyOf(builder.targets);
		this.progress = builder.progress;
	}

	/** 10,000 PERT iterations with the default seed on every core, tracking every milestone. */
	public static SimulationOptions defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	public int iterations() {
		return iterations;
	}

	public long seed() {
		return seed;
	}

	public Distribution distribution() {
		return distribution;
	}

	public int threads() {
		return threads;
	}

	/** Whether the tracked activities are every milestone (plus any given a target). */
	public boolean tracksMilestones() {
		return tracked == null;
	}

	/** The activities tracked by name, in the order given; empty when every milestone is. */
	public int[] tracked() {
		return tracked == null ? new int[0] : tracked.clone();
	}

	/** The target boundary given for the activity, if one was. */
	public OptionalInt target(int activity) {
		Integer target = targets.get(activity);
		return target == null ? OptionalInt.empty() : OptionalInt.of(target);
	}

	Map<Integer, Integer> targets() {
		return targets;
	}

	/** Who hears how many iterations are done; by default nobody. */
	public SimulationProgress progress() {
		return progress;
	}

	public static final class Builder {

		private int iterations = DEFAULT_ITERATIONS;

		private long seed = DEFAULT_SEED;

		private Distribution distribution = Distribution.PERT;

		private int threads;

		private int[] tracked;

		private final Map<Integer, Integer> targets = new LinkedHashMap<>();

		private SimulationProgress progress = SimulationProgress.NONE;

		private Builder() {
		}

		public Builder iterations(int count) {
			if (count <= 0) {
				throw new IllegalArgumentException("A simulation needs at least one iteration, got " + count);
			}
			this.iterations = count;
			return this;
		}

		public Builder seed(long value) {
			this.seed = value;
			return this;
		}

		public Builder distribution(Distribution value) {
			if (value == null) {
				throw new IllegalArgumentException("Choose a distribution for the estimates: PERT or TRIANGULAR");
			}
			this.distribution = value;
			return this;
		}

		/** The number of threads; by default one per available processor. */
		public Builder threads(int count) {
			if (count <= 0) {
				throw new IllegalArgumentException("A simulation needs at least one thread, got " + count);
			}
			this.threads = count;
			return this;
		}

		/** Tracks these activities instead of every milestone; the project finish is always tracked. */
		public Builder track(int... activities) {
			for (int activity : activities) {
				if (activity < 0) {
					throw new IllegalArgumentException("Unknown activity " + activity + " to track");
				}
			}
			this.tracked = Arrays.stream(activities).distinct().toArray();
			return this;
		}

		/**
		 * The boundary the activity should finish by (for a milestone: its target), against which
		 * the chance of meeting it is given. Overrides the scenario's deadline; tracks the activity.
		 */
		public Builder target(int activity, int boundary) {
			if (activity < 0) {
				throw new IllegalArgumentException("Unknown activity " + activity + " for a target");
			}
			targets.put(activity, boundary);
			return this;
		}

		/**
		 * Told after each chunk of iterations how many are done; called from the simulation's
		 * threads, so it must be quick and thread-safe (the equal seed gives the equal result with
		 * or without it).
		 */
		public Builder progress(SimulationProgress listener) {
			if (listener == null) {
				throw new IllegalArgumentException("Give a progress listener, or leave it out for none");
			}
			this.progress = listener;
			return this;
		}

		public SimulationOptions build() {
			return new SimulationOptions(this);
		}

	}

}
