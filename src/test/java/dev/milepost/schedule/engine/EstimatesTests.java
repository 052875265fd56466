package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Three-point estimates, the default spread for tasks without one, and what is refused. */
class EstimatesTests {

	private final Network.Builder plan = Network.builder();

	private final int build = plan.task(10);

	private final int test = plan.task(4);

	private final int goLive = plan.milestone();

	private final Network network = plan.build();

	@Test
	void aTaskWithoutAnEstimateGetsTenPercentUnderAndTwentyFivePercentOverItsDuration() {
		Estimates estimates = Estimates.defaults(network);
		assertThat(estimates.hasEstimate(build)).isFalse();
		assertThat(estimates.optimistic(build, 10)).isEqualTo(9);
		assertThat(estimates.mostLikely(build, 10)).isEqualTo(10);
		assertThat(estimates.pessimistic(build, 10)).isEqualTo(12.5);
	}

	@Test
	void theDefaultSpreadCanBeChangedOrSetToNone() {
		Estimates wide = Estimates.builder(network).spread(0.2, 1.0).build();
		assertThat(wide.optimistic(build, 10)).isEqualTo(8);
		assertThat(wide.pessimistic(build, 10)).isEqualTo(20);
		Estimates none = Estimates.none(network);
		assertThat(none.optimistic(build, 10)).isEqualTo(10);
		assertThat(none.pessimistic(build, 10)).isEqualTo(10);
	}

	@Test
	void aTasksOwnEstimateReplacesTheDefaultSpreadAndALaterOneTheEarlier() {
		Estimates estimates = Estimates.builder(network).estimate(test, 1, 2, 3).estimate(test, 2, 4, 12).build();
		assertThat(estimates.hasEstimate(test)).isTrue();
		assertThat(estimates.optimistic(test, 4)).isEqualTo(2);
		assertThat(estimates.mostLikely(test, 4)).isEqualTo(4);
		assertThat(estimates.pessimistic(test, 4)).isEqualTo(12);
		assertThat(estimates.hasEstimate(build)).isFalse();
	}

	@Test
	void aMilestoneTakesNoEstimate() {
		assertThatThrownBy(() -> Estimates.builder(network).estimate(goLive, 0, 1, 2))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("milestone")
			.hasMessageContaining("estimate the tasks that feed it");
	}

	@Test
	void anEstimateOutOfOrderBelowZeroOrForAnUnknownActivityIsRefusedNamingTheActivity() {
		Estimates.Builder estimates = Estimates.builder(network);
		assertThatThrownBy(() -> estimates.estimate(build, 8, 6, 12)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Activity " + build)
			.hasMessageContaining("optimistic ≤ most likely ≤ pessimistic");
		assertThatThrownBy(() -> estimates.estimate(build, 8, 13, 12)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("optimistic ≤ most likely ≤ pessimistic");
		assertThatThrownBy(() -> estimates.estimate(build, -2, 6, 12)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot be negative");
		assertThatThrownBy(() -> estimates.estimate(build, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("finite");
		assertThatThrownBy(() -> estimates.estimate(7, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Unknown activity 7");
	}

	@Test
	void aSpreadBelowZeroOrMoreThanTheWholeDurationUnderIsRefused() {
		Estimates.Builder estimates = Estimates.builder(network);
		assertThatThrownBy(() -> estimates.spread(-0.1, 0.25)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("from 0 to 1");
		assertThatThrownBy(() -> estimates.spread(1.5, 0.25)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("from 0 to 1");
		assertThatThrownBy(() -> estimates.spread(0.1, -1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least 0");
		assertThatThrownBy(() -> estimates.spread(0.1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
	}

}
