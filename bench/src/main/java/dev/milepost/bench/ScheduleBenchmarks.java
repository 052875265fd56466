package dev.milepost.bench;

import java.util.concurrent.TimeUnit;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full schedules of generated plans at 10k, 100k and 1M activities (about three links each),
 * against the bare pass over the same link arrays, which is the limit the engine is held to.
 * Every benchmark starts from the same generated arrays (or, for the mapping, the same plan as
 * the application holds it) and ends with a result a caller could use. Each operation is timed
 * on its own (sample mode), so that the medians can be compared: on a shared two-core machine
 * the means pick up whatever else ran at the time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = { "-Xms6g", "-Xmx6g" })
public class ScheduleBenchmarks {

	/** The generated plan as arrays, and the engine input built from it once. */
	@State(Scope.Benchmark)
	public static class Arrays {

		@Param({ "10000", "100000", "1000000" })
		int activities;

		GeneratedPlan plan;

		int[][] deadlines;

		Network network;

		Scenario scenario;

		@Setup(Level.Trial)
		public void generate() {
			plan = PlanGenerator.generate(activities, GeneratedPlan.SEED);
			deadlines = plan.deadlines();
			network = EngineInput.network(plan);
			scenario = EngineInput.scenario(network, deadlines);
		}

	}

	/** The same plan as the application holds it: records with UUIDs. */
	@State(Scope.Benchmark)
	public static class Plans {

		@Param({ "10000", "100000", "1000000" })
		int activities;

		ProjectPlan plan;

		@Setup(Level.Trial)
		public void generate() {
			plan = PlanGenerator.generate(activities, GeneratedPlan.SEED).projectPlan();
		}

	}

	/** The plan's rows as read from the database, before they make a {@link ProjectPlan}. */
	@State(Scope.Benchmark)
	public static class Rows {

		@Param({ "10000", "100000", "1000000" })
		int activities;

		GeneratedPlan generated;

		GeneratedPlan.Rows rows;

		@Setup(Level.Trial)
		public void generate() {
			generated = PlanGenerator.generate(activities, GeneratedPlan.SEED);
			rows = generated.rows();
		}

	}

	/** The limit: successor rows, Kahn's sort and the forward longest path over the same arrays. */
	@Benchmark
	public int[] bareKahnForward(Arrays input) {
		GeneratedPlan plan = input.plan;
		return BarePass.earlyStarts(plan.size(), plan.duration(), plan.links(), plan.from(), plan.to(), plan.lag());
	}

	/**
	 * The engine end to end: a network built from the same arrays (one call per activity, the
	 * links as arrays), the milestones' deadlines, then early and late dates and both floats.
	 */
	@Benchmark
	public Schedule engineFullSchedule(Arrays input) {
		Network network = EngineInput.network(input.plan);
		return Scheduler.schedule(network, EngineInput.scenario(network, input.deadlines));
	}

	/** As {@link #engineFullSchedule}, with one builder call per link. */
	@Benchmark
	public Schedule engineFullScheduleLinkByLink(Arrays input) {
		Network network = EngineInput.networkLinkByLink(input.plan);
		return Scheduler.schedule(network, EngineInput.scenario(network, input.deadlines));
	}

	/** The passes alone, over a network built once. */
	@Benchmark
	public Schedule engineScheduleOnly(Arrays input) {
		return Scheduler.schedule(input.network, input.scenario);
	}

	/**
	 * Not part of the mapping, but what moved out of it: making the {@link ProjectPlan} from rows
	 * as read (links by ids), as {@code PlanQueries} does: an index of the activities' ids, each
	 * link's ends numbered through it into a record (the application's row mapper makes one
	 * anyway) and array slots, then the plan. The application pays it once per plan read, beside
	 * reading the rows.
	 */
	@Benchmark
	public ProjectPlan planFromRows(Rows input) {
		return input.generated.projectPlan(input.rows);
	}

	/** The application's plan turned into engine input, alone: network built from the plan's link arrays, scenario set. */
	@Benchmark
	public PlanMapping planMappingIn(Plans input) {
		return PlanMapping.of(input.plan, null, ForecastMethod.PLANNED_RATE);
	}

	/** From the application's plan to engine input, a schedule, and the dates of every activity back. */
	@Benchmark
	public void planMappingRoundTrip(Plans input, Blackhole blackhole) {
		PlanMapping mapping = PlanMapping.of(input.plan, null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		for (int i = 0, size = schedule.size(); i < size; i++) {
			blackhole.consume(mapping.dates(schedule, i));
		}
	}

}
