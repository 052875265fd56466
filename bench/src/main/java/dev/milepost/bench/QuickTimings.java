package dev.milepost.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import dev.milepost.plan.ActivityIndex;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;

/**
 * A rough stopwatch over the phases of a full schedule, for tuning between JMH runs (which remain
 * the figures of record): {@code java -Xmx6g -cp benchmarks.jar dev.milepost.bench.QuickTimings 1000000}.
 */
public final class QuickTimings {

	private QuickTimings() {
	}

	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
		boolean mapping = args.length <= 2 || Boolean.parseBoolean(args[2]);
		GeneratedPlan plan = PlanGenerator.generate(size, GeneratedPlan.SEED);
		System.out.println(plan.describe());
		int[][] deadlines = plan.deadlines();
		GeneratedPlan.Rows rows = mapping ? plan.rows() : null;
		ProjectPlan projectPlan = mapping ? plan.projectPlan(rows) : null;
		Network network = EngineInput.networkLinkByLink(plan);
		Scenario scenario = EngineInput.scenario(network, deadlines);
		for (int pass = 0; pass < 2; pass++) {
		System.out.println(pass == 0 ? "-- warming up" : "-- measured");
		time("bare Kahn + forward", rounds,
				() -> BarePass.earlyStarts(size, plan.duration(), plan.links(), plan.from(), plan.to(), plan.lag()));
		time("network from arrays", rounds, () -> EngineInput.network(plan));
		time("network, link by link", rounds, () -> EngineInput.networkLinkByLink(plan));
		time("schedule only", rounds, () -> Scheduler.schedule(network, scenario));
		time("full schedule", rounds, () -> {
			Network built = EngineInput.network(plan);
			return Scheduler.schedule(built, EngineInput.scenario(built, deadlines));
		});
		if (mapping) {
			time("plan from rows (load)", rounds, () -> plan.projectPlan(rows));
			time("  index of the ids", rounds, () -> ActivityIndex.of(rows.tasks(), rows.milestones()));
			ActivityIndex numbers = ActivityIndex.of(rows.tasks(), rows.milestones());
			time("  look-ups alone", rounds, () -> {
				long sum = 0;
				for (ProjectPlan.Link link : rows.links()) {
					sum += numbers.indexOf(link.predecessor()) + numbers.indexOf(link.successor());
				}
				return sum;
			});
			time("  records alone (as read)", rounds, () -> {
				List<ProjectPlan.Link> copies = new ArrayList<>(rows.links().size());
				for (ProjectPlan.Link l : rows.links()) {
					copies.add(new ProjectPlan.Link(l.id(), l.predecessor(), l.predecessorKind(), l.successor(),
							l.successorKind(), l.type(), l.lagDays()));
				}
				return copies;
			});
			List<ProjectPlan.Link> numbered = new ArrayList<>(projectPlan.links());
			time("  plan of numbered links (checked)", rounds, () -> new ProjectPlan(projectPlan.projectId(), "BENCH", "", "",
					"", projectPlan.start(), null, "ACTIVE", projectPlan.workingDays(), projectPlan.holidays(),
					List.of(), rows.tasks(), rows.milestones(), List.of(), numbered));
			time("PlanMapping.of", rounds, () -> PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE));
			PlanMapping mapped = PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE);
			Schedule schedule = mapped.schedule();
			time("dates of every activity", rounds, () -> {
				Object[] dates = new Object[size];
				for (int i = 0; i < size; i++) {
					dates[i] = mapped.dates(schedule, i);
				}
				return dates;
			});
			time("mapping round trip", rounds, () -> {
				PlanMapping m = PlanMapping.of(projectPlan, null, ForecastMethod.PLANNED_RATE);
				Schedule s = m.schedule();
				Object[] dates = new Object[size];
				for (int i = 0; i < size; i++) {
					dates[i] = m.dates(s, i);
				}
				return dates;
			});
		}
		}
	}

	static Object sink;

	private static void time(String what, int rounds, Supplier<Object> work) {
		long[] nanos = new long[rounds];
		for (int r = 0; r < rounds; r++) {
			long t0 = System.nanoTime();
			sink = work.get();
			nanos[r] = System.nanoTime() - t0;
		}
		Arrays.sort(nanos);
		System.out.printf("%-28s min %8.2f ms  median %8.2f ms%n", what, nanos[0] / 1e6, nanos[rounds / 2] / 1e6);
	}

}
