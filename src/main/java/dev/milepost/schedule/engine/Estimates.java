package dev.milepost.schedule.engine;

import java.util.Arrays;

/**
 * Three-point estimates of a network's tasks in working days: optimistic, most likely,
 * pessimistic. A task without one gets the default spread around its duration in the scenario
 * simulated: by default 10 % under and 25 % over (work overruns more often than it underruns).
 * Milestones take no time and take no estimate.
 */
public final class Estimates {

	public static final double DEFAULT_UNDER = 0.10;

	public static final double DEFAULT_OVER = 0.25;

	private final int size;

	// NaN where the task has no estimate of its own
	private final double[] optimistic;

	private final double[] mostLikely;

	private final double[] pessimistic;

	private final double under;

	private final double over;

	private final double sharedShift;

	private final double sharedSpread;

	private Estimates(Builder builder) {
		this.size = builder.size;
		this.optimistic = builder.optimistic.clone();
		this.mostLikely = builder.mostLikely.clone();
		this.pessimistic = builder.pessimistic.clone();
		this.under = builder.under;
		this.over = builder.over;
		this.sharedShift = builder.sharedShift;
		this.sharedSpread = builder.sharedSpread;
	}

	/**
	 * Whether each iteration draws one slip shared by all its work (see {@link Builder#shared}); when
	 * not, tasks vary independently and no extra number is drawn.
	 */
	public boolean hasSharedSlip() {
		return sharedShift != 0 || sharedSpread > 0;
	}

	/** The log of the shared slip's median factor. */
	public double sharedShift() {
		return sharedShift;
	}

	/** The spread (standard deviation of its log) of the shared slip. */
	public double sharedSpread() {
		return sharedSpread;
	}

	/** No estimates of its own: every task gets the default spread. */
	public static Estimates defaults(Network network) {
		return builder(network).build();
	}

	/** Every task takes exactly its duration: the simulation reproduces the deterministic schedule. */
	public static Estimates none(Network network) {
		return builder(network).spread(0, 0).build();
	}

	public static Builder builder(Network network) {
		return new Builder(network);
	}

	public int size() {
		return size;
	}

	public boolean hasEstimate(int activity) {
		return !Double.isNaN(optimistic[activity]);
	}

	/** The fraction by which a task without an estimate may finish early (optimistic = d × (1 − under)). */
	public double spreadUnder() {
		return under;
	}

	/** The fraction by which a task without an estimate may run over (pessimistic = d × (1 + over)). */
	public double spreadOver() {
		return over;
	}

	/** The task's optimistic days, or the default spread's under the given duration. */
	public double optimistic(int activity, int duration) {
		return hasEstimate(activity) ? optimistic[activity] : duration * (1 - under);
	}

	public double mostLikely(int activity, int duration) {
		return hasEstimate(activity) ? mostLikely[activity] : duration;
	}

	public double pessimistic(int activity, int duration) {
		return hasEstimate(activity) ? pessimistic[activity] : duration * (1 + over);
	}

	/** Collects estimates and the default spread; checks each as it is given. */
	public static final class Builder {

		private final Network network;

		private final int size;

		private final double[] optimistic;

		private final double[] mostLikely;

		private final double[] pessimistic;

		private double under = DEFAULT_UNDER;

		private double over = DEFAULT_OVER;

		private double sharedShift;

		private double sharedSpread;

		private Builder(Network network) {
			this.network = network;
			this.size = network.size;
			this.optimistic = new double[size];
			this.mostLikely = new double[size];
			this.pessimistic = new double[size];
			Arrays.fill(optimistic, Double.NaN);
			Arrays.fill(mostLikely, Double.NaN);
			Arrays.fill(pessimistic, Double.NaN);
		}

		/**
		 * The spread given to tasks without an estimate, as fractions of their duration: e.g.
		 * (0.10, 0.25) for 10 % under and 25 % over. (0, 0) keeps their durations fixed.
		 */
		public Builder spread(double underFraction, double overFraction) {
			if (!(underFraction >= 0 && underFraction <= 1)) {
				throw new IllegalArgumentException(
						"The default spread under a duration must be a fraction from 0 to 1, got " + underFraction);
			}
			if (!(overFraction >= 0) || Double.isInfinite(overFraction)) {
				throw new IllegalArgumentException(
						"The default spread over a duration must be a finite fraction of at least 0, got " + overFraction);
			}
			this.under = underFraction;
			this.over = overFraction;
			return this;
		}

		/**
		 * A slip shared by all the work of an iteration: each iteration multiplies every drawn
		 * duration by one factor exp(shift + spread × Z), Z standard normal. Work on one project tends
		 * to run late together (the same people, the same unknowns), which independent draws miss:
		 * they average the slips out and give dates that are too sure. (0, 0), the default, draws
		 * tasks independently.
		 */
		public Builder shared(double shift, double spread) {
			if (!Double.isFinite(shift) || !(spread >= 0) || Double.isInfinite(spread)) {
				throw new IllegalArgumentException(
						"A shared slip needs a finite shift and a finite spread of at least 0, got " + shift + ", " + spread);
			}
			this.sharedShift = shift;
			this.sharedSpread = spread;
			return this;
		}

		/** The task's three-point estimate in working days; replaces one given before. */
		public Builder estimate(int activity, double optimisticDays, double mostLikelyDays, double pessimisticDays) {
			if (activity < 0 || activity >= size) {
				throw new IllegalArgumentException("Unknown activity " + activity + " in an estimate; the network has "
						+ size + " activities");
			}
			if (network.milestone[activity]) {
				throw new IllegalArgumentException("Activity " + activity
						+ " is a milestone: it marks a moment and takes no estimate; estimate the tasks that feed it");
			}
			try {
				Distribution.check(optimisticDays, mostLikelyDays, pessimisticDays);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Activity " + activity + ": " + e.getMessage(), e);
			}
			optimistic[activity] = optimisticDays;
			mostLikely[activity] = mostLikelyDays;
			pessimistic[activity] = pessimisticDays;
			return this;
		}

		public Estimates build() {
			return new Estimates(this);
		}

	}

}
