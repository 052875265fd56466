package dev.milepost.bench;

import java.util.concurrent.TimeUnit;

import dev.milepost.schedule.engine.Estimates;
import dev.milepost.schedule.engine.MonteCarlo;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.SimulationOptions;
import dev.milepost.schedule.engine.SimulationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monte Carlo on a 10,000-activity plan: 10,000 iterations, PERT durations (default spread), every
 * milestone tracked with percentiles and the chance of meeting its target, criticality of every
 * activity. Run at 1 thread and at all cores to show the scaling. The limit: ≤ 6 s on this
 * two-core machine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class MonteCarloBenchmarks {

	/** A generated plan as the engine takes it, with simulation options. */
	abstract static class Inputs {

		Network network;

		Scenario scenario;

		Estimates estimates;

		SimulationOptions options;

		void prepare(int activities, int iterations, int threads) {
			GeneratedPlan plan = PlanGenerator.generate(activities, GeneratedPlan.SEED);
			network = EngineInput.network(plan);
			scenario = EngineInput.scenario(network, plan.deadlines());
			estimates = Estimates.defaults(network);
			options = SimulationOptions.builder()
				.iterations(iterations)
				.seed(42)
				.threads(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)
				.build();
		}

	}

	@State(Scope.Benchmark)
	public static class Plan extends Inputs {

		@Param({ "10000" })
		int activities;

		@Param({ "1", "0" })
		int threads;

		@Setup(Level.Trial)
		public void generate() {
			prepare(activities, 10_000, threads);
		}

	}

	/**
	 * The simulation a page or {@code POST …/simulation} asks of a large plan: 1,000 iterations on a
	 * 50,000-activity plan, sampled on the engine's arrays (the limit: ≤ 3 s).
	 */
	@State(Scope.Benchmark)
	public static class LargePlan extends Inputs {

		@Param({ "50000" })
		int largeActivities;

		@Param({ "1", "0" })
		int threads;

		@Setup(Level.Trial)
		public void generate() {
			prepare(largeActivities, 1_000, threads);
		}

	}

	@Benchmark
	public int thousandIterationsOnFiftyThousand(LargePlan plan) {
		SimulationResult result = MonteCarlo.simulate(plan.network, plan.scenario, plan.estimates, plan.options);
		return result.projectFinish().p95();
	}

	@Benchmark
	public int tenThousandIterations(Plan plan) {
		SimulationResult result = MonteCarlo.simulate(plan.network, plan.scenario, plan.estimates, plan.options);
		return result.projectFinish().p95();
	}

}
