package dev.milepost.schedule.engine;

import java.util.random.RandomGenerator;

/**
 * The shape a three-point estimate (optimistic o, most likely m, pessimistic p) is given in a
 * simulation. Both put all their weight between o and p with the peak at m; they differ in how
 * much weight the tails get.
 */
public enum Distribution {

	/**
	 * Beta-PERT with λ = 4: a Beta(α, β) on [o, p] with α = 1 + 4(m − o)/(p − o) and
	 * β = 1 + 4(p − m)/(p − o); mean (o + 4m + p)/6. Thinner tails than the triangle, the usual
	 * choice for schedule risk. Sampled exactly, as X/(X + Y) of two gamma variates
	 * (Marsaglia–Tsang, which needs shapes ≥ 1, as PERT's always are).
	 */
	PERT {

		@Override
		public double mean(double o, double m, double p) {
			check(o, m, p);
			return (o + 4 * m + p) / 6;
		}

		@Override
		public double variance(double o, double m, double p) {
			double mean = mean(o, m, p);
			return (mean - o) * (p - mean) / 7;
		}

		@Override
		double standard(double mode, RandomGenerator random) {
			double alpha = 1 + 4 * mode;
			double beta = 1 + 4 * (1 - mode);
			return beta(shapeD(alpha), shapeC(alpha), shapeD(beta), shapeC(beta), random);
		}

	},

	/**
	 * The triangle on [o, p] peaking at m; mean (o + m + p)/3. Heavier tails than PERT for the
	 * same estimate. Sampled by its inverse distribution function, one uniform per draw.
	 */
	TRIANGULAR {

		@Override
		public double mean(double o, double m, double p) {
			check(o, m, p);
			return (o + m + p) / 3;
		}

		@Override
		public double variance(double o, double m, double p) {
			check(o, m, p);
			return (o * o + m * m + p * p - o * m - o * p - m * p) / 18;
		}

		@Override
		double standard(double mode, RandomGenerator random) {
			return triangular(mode, random.nextDouble());
		}

	};

	public abstract double mean(double optimistic, double mostLikely, double pessimistic);

	public abstract double variance(double optimistic, double mostLikely, double pessimistic);

	/** One draw for the estimate, not rounded; the simulation itself uses precomputed shapes. */
	public double sample(double optimistic, double mostLikely, double pessimistic, RandomGenerator random) {
		check(optimistic, mostLikely, pessimistic);
		double span = pessimistic - optimistic;
		if (span == 0) {
			return mostLikely;
		}
		return optimistic + span * standard((mostLikely - optimistic) / span, random);
	}

	/** A draw on [0, 1] for a mode at {@code mode} ∈ [0, 1]. */
	abstract double standard(double mode, RandomGenerator random);

	/** The inverse distribution function of the triangle on [0, 1] peaking at {@code mode}. */
	static double triangular(double mode, double u) {
		return u < mode ? Math.sqrt(u * mode) : 1 - Math.sqrt((1 - u) * (1 - mode));
	}

	/** Beta(a, b) from two gamma variates, the shapes given as {@link #shapeD} and {@link #shapeC}. */
	static double beta(double dA, double cA, double dB, double cB, RandomGenerator random) {
		double x = gamma(dA, cA, random);
		double y = gamma(dB, cB, random);
		return x / (x + y);
	}

	static double shapeD(double shape) {
		return shape - 1.0 / 3;
	}

	static double shapeC(double shape) {
		return 1 / Math.sqrt(9 * shapeD(shape));
	}

	/**
	 * Marsaglia and Tsang (2000), "A simple method for generating gamma variables", for a shape
	 * of at least 1, given as d = shape − 1/3 and c = 1/√(9d). Accepts over 95 % of tries, most
	 * of them by the squeeze without a logarithm.
	 */
	static double gamma(double d, double c, RandomGenerator random) {
		while (true) {
			double x;
			double v;
			do {
				x = random.nextGaussian();
				v = 1 + c * x;
			}
			while (v <= 0);
			v = v * v * v;
			double u = random.nextDouble();
			double xx = x * x;
			if (u < 1 - 0.0331 * xx * xx || Math.log(u) < 0.5 * xx + d * (1 - v + Math.log(v))) {
				return d * v;
			}
		}
	}

	static void check(double o, double m, double p) {
		if (!Double.isFinite(o) || !Double.isFinite(m) || !Double.isFinite(p)) {
			throw new IllegalArgumentException("A three-point estimate needs three finite numbers of days, got "
					+ o + " / " + m + " / " + p);
		}
		if (o < 0) {
			throw new IllegalArgumentException("An optimistic estimate cannot be negative: " + o + " days");
		}
		if (o > m || m > p) {
			throw new IllegalArgumentException("A three-point estimate must run optimistic ≤ most likely ≤ pessimistic, got "
					+ o + " / " + m + " / " + p + " days");
		}
	}

}
