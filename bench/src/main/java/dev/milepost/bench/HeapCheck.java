package dev.milepost.bench;

import java.util.concurrent.TimeUnit;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A 1M-activity plan scheduled in a JVM of 2 GB heap: the generated input stays live the whole
 * time, and each operation builds and schedules it anew. If it does not fit, the fork fails with
 * an OutOfMemoryError and the run reports no score for it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class HeapCheck {

	static final int ACTIVITIES = 1_000_000;

	@State(Scope.Benchmark)
	public static class Arrays {

		GeneratedPlan plan;

		int[][] deadlines;

		@Setup(Level.Trial)
		public void generate() {
			plan = PlanGenerator.generate(ACTIVITIES, GeneratedPlan.SEED);
			deadlines = plan.deadlines();
		}

	}

	@State(Scope.Benchmark)
	public static class Plans {

		ProjectPlan plan;

		@Setup(Level.Trial)
		public void generate() {
			plan = PlanGenerator.generate(ACTIVITIES, GeneratedPlan.SEED).projectPlan();
		}

	}

	@Benchmark
	public Schedule engineFullSchedule1MIn2g(Arrays input) {
		Network network = EngineInput.network(input.plan);
		return Scheduler.schedule(network, EngineInput.scenario(network, input.deadlines));
	}

	/** The application's plan of 1M activities (about 3M links, records with UUIDs and activity numbers) mapped, scheduled and dated. */
	@Benchmark
	public void planMappingRoundTrip1MIn2g(Plans input, Blackhole blackhole) {
		PlanMapping mapping = PlanMapping.of(input.plan, null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		for (int i = 0, size = schedule.size(); i < size; i++) {
			blackhole.consume(mapping.dates(schedule, i));
		}
	}

}
