package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random plans and scenarios (constraints, deadlines, progress, what-if durations) simulated. */
class MonteCarloProperties {

	@Provide
	Arbitrary<RandomPlans.Plan> plans() {
		return RandomPlans.plans();
	}

	@Property(tries = 200)
	void withoutSpreadEveryIterationIsTheDeterministicSchedule(@ForAll("plans") RandomPlans.Plan plan,
			@ForAll long scenarioSeed, @ForAll boolean ownEstimates) {
		Network network = plan.network();
		Scenario scenario = randomScenario(network, new Random(scenarioSeed));
		Schedule schedule = Scheduler.schedule(network, scenario);
		Estimates estimates = ownEstimates ? estimatesAtTheirDurations(network, schedule) : Estimates.none(network);
		SimulationResult result = MonteCarlo.simulate(network, scenario, estimates, SimulationOptions.builder()
			.iterations(16)
			.threads(2)
			.track(IntStream.range(0, network.size()).toArray())
			.build());
		assertThat(result.projectFinish().min()).isEqualTo(schedule.finish());
		assertThat(result.projectFinish().max()).isEqualTo(schedule.finish());
		for (int i = 0; i < network.size(); i++) {
			FinishDistribution finish = result.finish(i);
			int planned = schedule.earlyFinish(i);
			assertThat(new int[] { finish.min(), finish.p50(), finish.p80(), finish.p95(), finish.max() })
				.as("finishes of activity %d", i)
				.containsOnly(planned);
			if (finish.target().isPresent()) {
				assertThat(finish.probabilityOfMeetingTarget()).isEqualTo(planned <= finish.target().getAsInt() ? 1 : 0);
			}
			assertThat(result.criticality(i)).as("criticality of %d", i).isEqualTo(schedule.isCritical(i) ? 1 : 0);
		}
	}

	@Property(tries = 60)
	void theThreadCountNeverChangesTheResult(@ForAll("plans") RandomPlans.Plan plan, @ForAll long scenarioSeed) {
		Network network = plan.network();
		Scenario scenario = randomScenario(network, new Random(scenarioSeed));
		Estimates estimates = Estimates.builder(network).spread(0.5, 1.0).build();
		SimulationOptions.Builder options = SimulationOptions.builder().iterations(300).seed(scenarioSeed);
		SimulationResult one = MonteCarlo.simulate(network, scenario, estimates, options.threads(1).build());
		SimulationResult three = MonteCarlo.simulate(network, scenario, estimates, options.threads(3).build());
		MonteCarloTests.assertSame(one, three);
	}

	@Property(tries = 100)
	void percentilesRiseAndTheProjectFinishesNoEarlierThanAnyActivity(@ForAll("plans") RandomPlans.Plan plan,
			@ForAll long scenarioSeed) {
		Network network = plan.network();
		Scenario scenario = randomScenario(network, new Random(scenarioSeed));
		SimulationResult result = MonteCarlo.simulate(network, scenario, Estimates.builder(network).spread(0.5, 1.0)
			.build(), SimulationOptions.builder().iterations(200).track(IntStream.range(0, network.size()).toArray())
				.build());
		FinishDistribution project = result.projectFinish();
		for (int i = 0; i < network.size(); i++) {
			FinishDistribution finish = result.finish(i);
			assertThat(finish.min()).isLessThanOrEqualTo(finish.p50());
			assertThat(finish.p50()).isLessThanOrEqualTo(finish.p80());
			assertThat(finish.p80()).isLessThanOrEqualTo(finish.p95());
			assertThat(finish.p95()).isLessThanOrEqualTo(finish.max());
			assertThat(project.p50()).isGreaterThanOrEqualTo(finish.p50());
			assertThat(project.p95()).isGreaterThanOrEqualTo(finish.p95());
			assertThat(result.criticality(i)).isBetween(0.0, 1.0);
		}
	}

	/** Each task's own estimate is its duration in the scenario, with no spread. */
	private static Estimates estimatesAtTheirDurations(Network network, Schedule schedule) {
		Estimates.Builder estimates = Estimates.builder(network);
		for (int i = 0; i < network.size(); i++) {
			if (!network.isMilestone(i)) {
				int days = schedule.duration(i);
				estimates.estimate(i, days, days, days);
			}
		}
		return estimates.build();
	}

	private static Scenario randomScenario(Network network, Random random) {
		Scenario scenario = Scenario.of(network);
		if (random.nextBoolean()) {
			scenario.statusDate(random.nextInt(20));
		}
		for (int i = 0; i < network.size(); i++) {
			int days = network.duration(i);
			switch (random.nextInt(20)) {
				case 0, 1 -> {
					int start = random.nextInt(10);
					scenario.done(i, start, start + random.nextInt(days + 1));
				}
				case 2, 3 -> scenario.inProgress(i, random.nextInt(10), random.nextInt(days + 1));
				case 4 -> scenario.startNoEarlierThan(i, random.nextInt(30));
				case 5, 6 -> {
					if (!network.isMilestone(i)) {
						scenario.duration(i, random.nextInt(20));
					}
				}
				default -> {
				}
			}
			if (random.nextInt(6) == 0) {
				scenario.deadline(i, random.nextInt(60));
			}
		}
		return scenario;
	}

}
