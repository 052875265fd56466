package dev.milepost.schedule.realdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;

/**
 * A {@link RealPlan} put through the engine, with its results looked up by the file's ids.
 * <p>
 * The engine has no summary tasks, so each summary becomes two milestones: a start that every
 * child starts no earlier than, and a finish that comes after every child. A finish-to-start or
 * finish-to-finish link from a summary leaves its finish milestone, which falls exactly at the
 * latest child finish; a finish-to-start or start-to-start link to a summary enters its start
 * milestone, so it holds back every child, as MS Project and GanttProject do. Links that would
 * need a summary's actual start (the earliest child start: a minimum, which links cannot express)
 * or that drive a summary's finish are refused; none of the files here has one.
 */
final class ScheduledPlan {

	private final RealPlan plan;

	private final Schedule schedule;

	// engine index of each leaf, and of each summary's start and finish milestones
	private final Map<String, Integer> start = new HashMap<>();

	private final Map<String, Integer> finish = new HashMap<>();

	// the id behind each engine index; a summary's milestones are "id start" and "id finish"
	private final String[] ids;

	private ScheduledPlan(RealPlan plan, Map<String, Integer> start, Map<String, Integer> finish, Schedule schedule) {
		this.plan = plan;
		this.start.putAll(start);
		this.finish.putAll(finish);
		this.schedule = schedule;
		this.ids = new String[schedule.size()];
		for (RealPlan.Activity activity : plan.activities()) {
			boolean summary = activity.summary();
			ids[start.get(activity.id())] = summary ? activity.id() + " start" : activity.id();
			ids[finish.get(activity.id())] = summary ? activity.id() + " finish" : activity.id();
		}
	}

	static ScheduledPlan of(RealPlan plan) {
		return of(plan, Map.of());
	}

	/** Schedules the plan with the days of some activities, by id, replaced. */
	static ScheduledPlan of(RealPlan plan, Map<String, Integer> durations) {
		Network.Builder builder = Network.builder(plan.activities().size() * 2, plan.links().size() * 2);
		Map<String, Integer> start = new HashMap<>();
		Map<String, Integer> finish = new HashMap<>();
		for (RealPlan.Activity activity : plan.activities()) {
			if (activity.summary()) {
				int first = builder.milestone();
				int last = builder.milestone();
				builder.link(first, last, LinkKind.FS, 0);
				start.put(activity.id(), first);
				finish.put(activity.id(), last);
			}
			else {
				int days = durations.getOrDefault(activity.id(), activity.days());
				int index = activity.milestone() ? builder.milestone() : builder.task(days);
				start.put(activity.id(), index);
				finish.put(activity.id(), index);
			}
		}
		for (RealPlan.Activity activity : plan.activities()) {
			if (activity.parent() != null) {
				builder.link(start.get(activity.parent()), start.get(activity.id()), LinkKind.SS, 0);
				builder.link(finish.get(activity.id()), finish.get(activity.parent()), LinkKind.FS, 0);
			}
		}
		for (RealPlan.Link link : plan.links()) {
			builder.link(predecessorEnd(plan, link, start, finish), successorEnd(plan, link, start), link.kind(),
					link.lagDays());
		}
		Network network = builder.build();
		Scenario scenario = Scenario.of(network);
		for (RealPlan.Activity activity : plan.activities()) {
			if (activity.startNoEarlierThan() != null) {
				scenario.startNoEarlierThan(start.get(activity.id()), activity.startNoEarlierThan());
			}
		}
		if (plan.statusDate() != null) {
			scenario.statusDate(plan.statusDate());
		}
		return new ScheduledPlan(plan, start, finish, Scheduler.schedule(network, scenario));
	}

	private static int predecessorEnd(RealPlan plan, RealPlan.Link link, Map<String, Integer> start,
			Map<String, Integer> finish) {
		if (!plan.activity(link.predecessor()).summary()) {
			return start.get(link.predecessor());
		}
		if (link.kind() == LinkKind.SS || link.kind() == LinkKind.SF) {
			throw new UnsupportedOperationException(plan.source() + ": a " + link.kind() + " link from summary "
					+ link.predecessor() + " needs its earliest child start, which links cannot express");
		}
		return finish.get(link.predecessor());
	}

	private static int successorEnd(RealPlan plan, RealPlan.Link link, Map<String, Integer> start) {
		if (plan.activity(link.successor()).summary() && (link.kind() == LinkKind.FF || link.kind() == LinkKind.SF)) {
			throw new UnsupportedOperationException(plan.source() + ": a " + link.kind() + " link to summary "
					+ link.successor() + " would drive a finish that only its children set");
		}
		return start.get(link.successor());
	}

	RealPlan plan() {
		return plan;
	}

	Schedule schedule() {
		return schedule;
	}

	/** The project finish, a boundary. */
	int finish() {
		return schedule.finish();
	}

	/** Early start: a day index; for a summary, the earliest start among its children. */
	int earlyStart(String id) {
		if (!plan.activity(id).summary()) {
			return schedule.earlyStart(start.get(id));
		}
		return children(id).stream().mapToInt(this::earlyStart).min().orElse(schedule.earlyStart(start.get(id)));
	}

	/** Early finish: a boundary; for a summary, its latest child finish. */
	int earlyFinish(String id) {
		return schedule.earlyFinish(finish.get(id));
	}

	int totalFloat(String id) {
		return schedule.totalFloat(finish.get(id));
	}

	int freeFloat(String id) {
		return schedule.freeFloat(finish.get(id));
	}

	/** The activities, first to last, whose links set this one's early start (see {@link Schedule#drivingPath}). */
	List<String> drivingPath(String id) {
		return schedule.drivingPath(start.get(id)).stream().map(index -> ids[index]).toList();
	}

	/**
	 * Where the engine disagrees with what the file's tool computed (early start, early finish,
	 * total and free float), one line per value, dates shown as the calendar reads them; empty when it
	 * agrees everywhere the file has a value.
	 */
	List<String> disagreements() {
		List<String> found = new ArrayList<>();
		for (RealPlan.Activity activity : plan.activities()) {
			RealPlan.Reported reported = activity.reported();
			String id = activity.id();
			String name = activity.name() + " (" + id + ")";
			if (reported.start() != null && reported.start() != earlyStart(id)) {
				found.add(name + ": start " + day(earlyStart(id)) + " ≠ file's " + day(reported.start()));
			}
			if (reported.finish() != null && reported.finish() != earlyFinish(id)) {
				found.add(name + ": finish " + end(earlyFinish(id)) + " ≠ file's " + end(reported.finish()));
			}
			if (reported.totalFloat() != null && reported.totalFloat() != totalFloat(id)) {
				found.add(name + ": total float " + totalFloat(id) + " d ≠ file's " + reported.totalFloat() + " d");
			}
			// inside a summary the engine's free float runs to the summary's finish milestone, an
			// artefact of how summaries are modelled, so it is compared only at the top level
			boolean topLevelLeaf = activity.parent() == null && !activity.summary();
			if (topLevelLeaf && reported.freeFloat() != null && reported.freeFloat() != freeFloat(id)) {
				found.add(name + ": free float " + freeFloat(id) + " d ≠ file's " + reported.freeFloat() + " d");
			}
		}
		return found;
	}

	private String day(int index) {
		return index + " (" + plan.calendar().dateOf(index) + ")";
	}

	private String end(int boundary) {
		return boundary + " (end of " + plan.calendar().finishDate(boundary) + ")";
	}

	/** Leaf activities without float, in file order. */
	List<String> zeroFloatActivities() {
		return plan.leaves().stream().map(RealPlan.Activity::id).filter(id -> totalFloat(id) == 0).toList();
	}

	private List<String> children(String id) {
		return plan.activities().stream().filter(a -> id.equals(a.parent())).map(RealPlan.Activity::id).toList();
	}

}
