package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** Small plans simulated with fixed seeds, checked against what probability theory says. */
class MonteCarloTests {

	@Test
	void aSingleTriangularTaskFinishesAsItsRoundedDistributionSays() {
		Network.Builder plan = Network.builder();
		int task = plan.task(4);
		Network network = plan.build();
		Estimates estimates = Estimates.builder(network).estimate(task, 2, 4, 12).build();
		FinishDistribution finish = simulate(network, estimates,
				options(Distribution.TRIANGULAR, 40_000).track(task)).finish(task);
		// a draw x counts as round(x) days: P(finish ≤ b) = F(b + ½)
		for (int boundary = 1; boundary <= 12; boundary++) {
			double x = boundary + 0.5;
			double expected = x <= 2 ? 0 : x < 4 ? (x - 2) * (x - 2) / 20 : x < 12 ? 1 - (12 - x) * (12 - x) / 80 : 1;
			assertThat(finish.probabilityBy(boundary)).as("P(finish ≤ %d)", boundary).isCloseTo(expected, within(0.01));
		}
		// mean (2 + 4 + 12)/3; continuous P50 = 12 − √40 ≈ 5.68 and P80 = 8, P95 = 10
		assertThat(finish.mean()).isCloseTo(6, within(0.05));
		assertThat(finish.p50()).isEqualTo(6);
		assertThat(finish.p80()).isEqualTo(8);
		assertThat(finish.p95()).isEqualTo(10);
		assertThat(finish.min()).isGreaterThanOrEqualTo(2);
		assertThat(finish.max()).isLessThanOrEqualTo(12);
	}

	@Test
	void aSinglePertTaskAveragesTheBetaPertMean() {
		Network.Builder plan = Network.builder();
		int task = plan.task(4);
		Network network = plan.build();
		Estimates estimates = Estimates.builder(network).estimate(task, 2, 4, 12).build();
		FinishDistribution finish = simulate(network, estimates, options(Distribution.PERT, 40_000).track(task))
			.finish(task);
		assertThat(finish.mean()).isCloseTo((2 + 4 * 4 + 12) / 6.0, within(0.05));
		// Beta(1.8, 4.2) on [2, 12]: P(x < 4.5) ≈ 0.443, P(x < 5.5) ≈ 0.644
		assertThat(finish.probabilityBy(4)).isCloseTo(0.443, within(0.01));
		assertThat(finish.p50()).isEqualTo(5);
	}

	@Test
	void theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
		Network network = RandomPlans.generate(new java.util.Random(3), 60).network();
		Estimates estimates = Estimates.defaults(network);
		SimulationResult first = simulate(network, estimates, options(Distribution.PERT, 2_000).seed(7));
		SimulationResult again = simulate(network, estimates, options(Distribution.PERT, 2_000).seed(7));
		SimulationResult other = simulate(network, estimates, options(Distribution.PERT, 2_000).seed(8));
		assertSame(first, again);
		assertThat(other.projectFinish()).isNotEqualTo(first.projectFinish());
	}

	@Test
	void theNumberOfThreadsDoesNotChangeTheResult() {
		Network network = RandomPlans.generate(new java.util.Random(5), 120).network();
		Estimates estimates = Estimates.builder(network).spread(0.3, 0.8).build();
		for (Distribution distribution : Distribution.values()) {
			SimulationResult one = simulate(network, estimates, options(distribution, 3_001).threads(1));
			assertSame(one, simulate(network, estimates, options(distribution, 3_001).threads(4)));
			assertSame(one, simulate(network, estimates, options(distribution, 3_001).threads(3)));
		}
	}

	@Test
	void everyActivityOfTheOnlyPathIsAlwaysCritical() {
		Network.Builder plan = Network.builder();
		int design = plan.task(5);
		int build = plan.task(10);
		int done = plan.milestone();
		plan.link(design, build, LinkKind.FS, 0).link(build, done, LinkKind.FS, 0);
		Network network = plan.build();
		SimulationResult result = simulate(network, Estimates.defaults(network), options(Distribution.PERT, 2_000));
		assertThat(result.criticalities()).containsExactly(1.0, 1.0, 1.0);
	}

	@Test
	void twoEqualParallelPathsShareTheCriticality() {
		Network.Builder plan = Network.builder();
		int kickOff = plan.milestone();
		int left = plan.task(20);
		int right = plan.task(20);
		int handOver = plan.milestone();
		plan.link(kickOff, left, LinkKind.FS, 0).link(kickOff, right, LinkKind.FS, 0);
		plan.link(left, handOver, LinkKind.FS, 0).link(right, handOver, LinkKind.FS, 0);
		Network network = plan.build();
		Estimates estimates = Estimates.builder(network).estimate(left, 10, 20, 40).estimate(right, 10, 20, 40).build();
		SimulationResult result = simulate(network, estimates, options(Distribution.PERT, 20_000));
		assertThat(result.criticality(kickOff)).isEqualTo(1.0);
		assertThat(result.criticality(handOver)).isEqualTo(1.0);
		// each drives the hand-over half the time; when both take the same whole days both are critical
		assertThat(result.criticality(left)).isCloseTo(0.5, within(0.06));
		assertThat(result.criticality(right)).isCloseTo(result.criticality(left), within(0.02));
		assertThat(result.criticality(left) + result.criticality(right)).isGreaterThanOrEqualTo(1.0);
	}

	@Test
	void aMilestoneWhoseTargetIsItsP80HasAboutAnEightyPercentChanceOfMeetingIt() {
		Network.Builder plan = Network.builder();
		int previous = -1;
		for (int n = 0; n < 8; n++) {
			int task = plan.task(10);
			if (previous >= 0) {
				plan.link(previous, task, LinkKind.FS, 0);
			}
			previous = task;
		}
		int release = plan.milestone();
		plan.link(previous, release, LinkKind.FS, 0);
		Network network = plan.build();
		Estimates.Builder estimates = Estimates.builder(network);
		for (int task = 0; task < 8; task++) {
			estimates.estimate(task, 5, 10, 20);
		}
		int p80 = simulate(network, estimates.build(), options(Distribution.PERT, 20_000)).finish(release).p80();
		FinishDistribution withTarget = simulate(network, estimates.build(),
				options(Distribution.PERT, 20_000).target(release, p80)).finish(release);
		assertThat(withTarget.target()).hasValue(p80);
		// at least 80 % by the definition of P80; not much more, as no single day holds much weight
		assertThat(withTarget.probabilityOfMeetingTarget()).isBetween(0.80, 0.85);
		assertThat(withTarget.probabilityBy(p80 - 1)).isLessThan(0.80);
	}

	@Test
	void aDeadlineInTheScenarioIsTheTargetUnlessTheOptionsGiveAnother() {
		Network.Builder plan = Network.builder();
		int work = plan.task(10);
		int goLive = plan.milestone();
		plan.link(work, goLive, LinkKind.FS, 0);
		Network network = plan.build();
		Scenario withDeadline = Scenario.of(network).deadline(goLive, 11);
		Estimates estimates = Estimates.defaults(network);
		SimulationResult byDeadline = MonteCarlo.simulate(network, withDeadline, estimates,
				options(Distribution.TRIANGULAR, 5_000).build());
		assertThat(byDeadline.finish(goLive).target()).hasValue(11);
		assertThat(byDeadline.finish(goLive).probabilityOfMeetingTarget())
			.isEqualTo(byDeadline.finish(goLive).probabilityBy(11))
			.isBetween(0.3, 0.9);
		SimulationResult byOption = MonteCarlo.simulate(network, withDeadline, estimates,
				options(Distribution.TRIANGULAR, 5_000).target(goLive, 20).build());
		assertThat(byOption.finish(goLive).probabilityOfMeetingTarget()).isEqualTo(1.0);
	}

	@Test
	void finishedWorkDoesNotVaryAndWorkUnderWayVariesOnlyWhatRemains() {
		Network.Builder plan = Network.builder();
		int analysis = plan.task(5);
		int migration = plan.task(10);
		int cutOver = plan.milestone();
		plan.link(analysis, migration, LinkKind.FS, 0).link(migration, cutOver, LinkKind.FS, 0);
		Network network = plan.build();
		// analysis done in 3 days; migration started on day 3, 4 of its 10 days left at day 6
		Scenario progress = Scenario.of(network).statusDate(6).done(analysis, 0, 3).inProgress(migration, 3, 4);
		Estimates estimates = Estimates.builder(network).estimate(analysis, 1, 5, 30).estimate(migration, 5, 10, 20)
			.build();
		SimulationResult result = MonteCarlo.simulate(network, progress, estimates,
				options(Distribution.TRIANGULAR, 20_000).track(analysis, migration).build());
		FinishDistribution analysisFinish = result.finish(analysis);
		assertThat(analysisFinish.min()).isEqualTo(3);
		assertThat(analysisFinish.max()).isEqualTo(3);
		assertThat(result.criticality(analysis)).isZero();
		// remaining = 4 × draw / 10 days from the status date: between 6 + 2 and 6 + 8
		FinishDistribution migrationFinish = result.finish(migration);
		assertThat(migrationFinish.min()).isGreaterThanOrEqualTo(8);
		assertThat(migrationFinish.max()).isLessThanOrEqualTo(14);
		// P(6 + round(0.4 x) ≤ 10) = P(x < 11.25) = 1 − 8.75² / 150 for the triangle (5, 10, 20)
		assertThat(migrationFinish.probabilityBy(10)).isCloseTo(1 - 8.75 * 8.75 / 150, within(0.01));
		assertThat(result.criticality(migration)).isEqualTo(1.0);
	}

	@Test
	void theProjectFinishAndEveryMilestoneAreTrackedByDefault() {
		Network.Builder plan = Network.builder();
		int work = plan.task(3);
		int first = plan.milestone();
		int more = plan.task(4);
		int second = plan.milestone();
		plan.link(work, first, LinkKind.FS, 0).link(first, more, LinkKind.FS, 0).link(more, second, LinkKind.FS, 0);
		Network network = plan.build();
		SimulationResult result = MonteCarlo.simulate(network, Scenario.of(network), Estimates.none(network),
				SimulationOptions.builder().iterations(10).build());
		assertThat(result.tracked()).containsExactly(first, second);
		assertThat(result.isTracked(work)).isFalse();
		assertThat(result.finish(second).p95()).isEqualTo(7);
		assertThat(result.projectFinish().p50()).isEqualTo(7);
		assertThat(result.finish(first).target()).isEmpty();
		assertThatThrownBy(() -> result.finish(work)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("was not tracked");
		assertThatThrownBy(() -> result.finish(first).probabilityOfMeetingTarget())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No target");
	}

	@Test
	void anInterruptedSimulationStopsAndSaysSoKeepingTheInterrupt() {
		Network network = RandomPlans.generate(new java.util.Random(9), 200).network();
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(() -> simulate(network, Estimates.defaults(network), options(Distribution.PERT, 100_000)))
				.isInstanceOf(CancellationException.class)
				.hasMessageContaining("interrupted");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void theDefaultsAreTenThousandPertIterationsOnEveryCore() {
		SimulationOptions defaults = SimulationOptions.defaults();
		assertThat(defaults.iterations()).isEqualTo(10_000);
		assertThat(defaults.distribution()).isEqualTo(Distribution.PERT);
		assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(defaults.tracksMilestones()).isTrue();
	}

	@Test
	void badOptionsAreRefusedSayingWhatIsWrong() {
		SimulationOptions.Builder options = SimulationOptions.builder();
		assertThatThrownBy(() -> options.iterations(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least one iteration");
		assertThatThrownBy(() -> options.iterations(-5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> options.threads(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least one thread");
		assertThatThrownBy(() -> options.distribution(null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("PERT or TRIANGULAR");
		assertThatThrownBy(() -> options.track(2, -1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Unknown activity -1");

		Network.Builder plan = Network.builder();
		plan.task(3);
		Network network = plan.build();
		Network larger = RandomPlans.generate(new java.util.Random(1), 5).network();
		Scenario scenario = Scenario.of(network);
		assertThatThrownBy(() -> MonteCarlo.simulate(network, scenario, Estimates.defaults(larger),
				SimulationOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Estimates.builder(network)");
		assertThatThrownBy(() -> MonteCarlo.simulate(network, Scenario.of(larger), Estimates.defaults(network),
				SimulationOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Scenario.of(network)");
		assertThatThrownBy(() -> MonteCarlo.simulate(network, scenario, Estimates.defaults(network),
				SimulationOptions.builder().track(4).build())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Activity 4 is tracked");
		assertThatThrownBy(() -> MonteCarlo.simulate(network, scenario, Estimates.defaults(network),
				SimulationOptions.builder().target(9, 10).build())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Activity 9 is given a target");
		FinishDistribution finish = MonteCarlo.simulate(network, scenario, Estimates.defaults(network),
				SimulationOptions.builder().iterations(5).build()).projectFinish();
		assertThatThrownBy(() -> finish.percentile(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("above 0 and at most 1");
		assertThatThrownBy(() -> finish.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void progressIsToldAfterEachChunkUpToEveryIterationWithoutChangingTheResult() {
		Network.Builder plan = Network.builder();
		int work = plan.task(10);
		int more = plan.task(6);
		int goLive = plan.milestone();
		plan.link(work, more, LinkKind.FS, 0).link(more, goLive, LinkKind.FS, 0);
		Network network = plan.build();
		java.util.List<Integer> reports = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger totals = new java.util.concurrent.atomic.AtomicInteger();
		SimulationResult heard = simulate(network, Estimates.defaults(network),
				options(Distribution.PERT, 3_000).progress((done, total) -> {
					reports.add(done);
					totals.set(total);
				}));
		SimulationResult quiet = simulate(network, Estimates.defaults(network), options(Distribution.PERT, 3_000));
		assertThat(reports).isNotEmpty().hasSizeLessThan(3_000);
		assertThat(reports.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(3_000);
		assertThat(totals.get()).isEqualTo(3_000);
		assertThat(reports).doesNotHaveDuplicates();
		assertThat(heard.finish(goLive)).isEqualTo(quiet.finish(goLive));
		assertThatThrownBy(() -> SimulationOptions.builder().progress(null)).isInstanceOf(IllegalArgumentException.class);
	}

	private static SimulationOptions.Builder options(Distribution distribution, int iterations) {
		return SimulationOptions.builder().distribution(distribution).iterations(iterations).seed(2026).threads(2);
	}

	private static SimulationResult simulate(Network network, Estimates estimates, SimulationOptions.Builder options) {
		return MonteCarlo.simulate(network, Scenario.of(network), estimates, options.build());
	}

	static void assertSame(SimulationResult expected, SimulationResult actual) {
		assertThat(actual.projectFinish()).isEqualTo(expected.projectFinish());
		assertThat(actual.tracked()).containsExactly(expected.tracked());
		for (int activity : expected.tracked()) {
			assertThat(actual.finish(activity)).as("finish of %d", activity).isEqualTo(expected.finish(activity));
		}
		assertThat(actual.criticalities()).containsExactly(expected.criticalities());
	}

}
