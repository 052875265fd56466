package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/** The two shapes drawn against their analytical mean, variance and distribution function. */
class DistributionTests {

	private static final int DRAWS = 200_000;

	@Test
	void pertDrawsAverageTheBetaPertMeanAndVariance() {
		double[][] estimates = { { 2, 4, 12 }, { 0, 2.5, 10 }, { 1, 1, 5 }, { 3, 9, 9 }, { 10, 11, 30 } };
		for (double[] e : estimates) {
			double[] draws = draws(Distribution.PERT, e[0], e[1], e[2], 11);
			assertThat(Distribution.PERT.mean(e[0], e[1], e[2])).isEqualTo((e[0] + 4 * e[1] + e[2]) / 6);
			assertThat(mean(draws)).as("mean of %s", Arrays.toString(e))
				.isCloseTo(Distribution.PERT.mean(e[0], e[1], e[2]), within(0.01 * (e[2] - e[0])));
			assertThat(variance(draws)).as("variance of %s", Arrays.toString(e))
				.isCloseTo(Distribution.PERT.variance(e[0], e[1], e[2]), within(0.02 * Math.pow(e[2] - e[0], 2) / 7));
		}
	}

	@Test
	void pertFollowsItsBetaDistributionFunction() {
		// mode at 1/4 gives Beta(2, 4), mode at 1/2 gives Beta(3, 3); for whole shapes
		// I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a)
		assertThat(distance(draws(Distribution.PERT, 0, 2.5, 10, 3), x -> betaCdf(2, 4, x / 10))).isLessThan(0.006);
		assertThat(distance(draws(Distribution.PERT, 0, 5, 10, 4), x -> betaCdf(3, 3, x / 10))).isLessThan(0.006);
	}

	@Test
	void triangularFollowsItsDistributionFunctionAndMean() {
		double[] draws = draws(Distribution.TRIANGULAR, 2, 4, 12, 5);
		assertThat(distance(draws, DistributionTests::triangleCdf)).isLessThan(0.006);
		assertThat(mean(draws)).isCloseTo(6, within(0.02));
		assertThat(variance(draws)).isCloseTo(Distribution.TRIANGULAR.variance(2, 4, 12), within(0.05));
		assertThat(Distribution.TRIANGULAR.variance(2, 4, 12)).isCloseTo(84.0 / 18, within(1e-12));
	}

	@Test
	void everyDrawLiesBetweenTheOptimisticAndThePessimistic() {
		for (Distribution distribution : Distribution.values()) {
			double[] draws = draws(distribution, 3, 3.5, 4, 9);
			assertThat(Arrays.stream(draws).min().getAsDouble()).isGreaterThanOrEqualTo(3);
			assertThat(Arrays.stream(draws).max().getAsDouble()).isLessThanOrEqualTo(4);
		}
	}

	@Test
	void anEstimateWithoutSpreadAlwaysDrawsItsMostLikely() {
		for (Distribution distribution : Distribution.values()) {
			assertThat(distribution.sample(7, 7, 7, new SplittableRandom(1))).isEqualTo(7);
		}
	}

	@Test
	void theGammaVariatesUnderPertHaveTheirShapeAsMeanAndVariance() {
		SplitMix64 random = new SplitMix64(42);
		for (double shape : new double[] { 1, 1.8, 5 }) {
			double[] draws = new double[DRAWS];
			for (int i = 0; i < DRAWS; i++) {
				draws[i] = Distribution.gamma(Distribution.shapeD(shape), Distribution.shapeC(shape), random);
			}
			assertThat(mean(draws)).as("mean for shape %s", shape).isCloseTo(shape, within(0.02 * shape));
			assertThat(variance(draws)).as("variance for shape %s", shape).isCloseTo(shape, within(0.04 * shape));
		}
	}

	@Test
	void anEstimateOutOfOrderOrBelowZeroIsRefused() {
		SplittableRandom random = new SplittableRandom(1);
		assertThatThrownBy(() -> Distribution.PERT.sample(5, 4, 6, random))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("optimistic ≤ most likely ≤ pessimistic");
		assertThatThrownBy(() -> Distribution.TRIANGULAR.mean(1, 4, 3))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("optimistic ≤ most likely ≤ pessimistic");
		assertThatThrownBy(() -> Distribution.PERT.sample(-1, 4, 6, random))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot be negative");
		assertThatThrownBy(() -> Distribution.PERT.sample(1, Double.NaN, 6, random))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("finite");
	}

	private static double[] draws(Distribution distribution, double o, double m, double p, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] draws = new double[DRAWS];
		for (int i = 0; i < DRAWS; i++) {
			draws[i] = distribution.sample(o, m, p, random);
		}
		return draws;
	}

	/** Kolmogorov–Smirnov distance between the draws and the distribution function. */
	private static double distance(double[] draws, DoubleUnaryOperator cdf) {
		double[] sorted = draws.clone();
		Arrays.sort(sorted);
		double worst = 0;
		for (int i = 0; i < sorted.length; i++) {
			double f = cdf.applyAsDouble(sorted[i]);
			worst = Math.max(worst, Math.max(Math.abs(f - (double) i / sorted.length),
					Math.abs(f - (double) (i + 1) / sorted.length)));
		}
		return worst;
	}

	private static double triangleCdf(double x) {
		return x < 4 ? (x - 2) * (x - 2) / 20 : 1 - (12 - x) * (12 - x) / 80;
	}

	private static double betaCdf(int a, int b, double x) {
		int n = a + b - 1;
		double sum = 0;
		for (int j = a; j <= n; j++) {
			sum += binomial(n, j) * Math.pow(x, j) * Math.pow(1 - x, n - j);
		}
		return sum;
	}

	private static double binomial(int n, int k) {
		double result = 1;
		for (int i = 1; i <= k; i++) {
			result = result * (n - k + i) / i;
		}
		return result;
	}

	private static double mean(double[] values) {
		return Arrays.stream(values).average().orElseThrow();
	}

	private static double variance(double[] values) {
		double mean = mean(values);
		return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
	}

}
