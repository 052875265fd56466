package dev.milepost.schedule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.LinkTable;
import dev.milepost.plan.ProjectPlan;

/**
 * Whether work feeds a milestone, and whether it can be achieved at all as the plan stands: the
 * one rule that the milestone status and plan health both ask. A milestone that cannot be achieved
 * is never on track; one that nothing feeds has a forecast that is only the status date, so its
 * status gives no early warning.
 *
 * @param fed whether a task or milestone is linked into it, or it marks the project start (on or
 * before it), where no work precedes it
 * @param blocker why it can never be achieved, or {@link Blocker#NONE}
 */
public record Feedability(boolean fed, Blocker blocker) {

	/** What keeps a milestone from ever being achieved as the plan stands. */
	public enum Blocker {

		/** Nothing: its criterion can be met. */
		NONE,
		/** It is achieved when its feeding tasks are done, but no task is linked into it. */
		NO_FEEDING_TASK,
		/** It is achieved when its deliverables are accepted, but no deliverable is linked to it. */
		NO_DELIVERABLE

	}

	/** One milestone's feedability; for every milestone of a plan ask {@link #all}, which reads the plan once. */
	public static Feedability of(ProjectPlan plan, ProjectPlan.Milestone milestone) {
		return all(plan).get(milestone.id());
	}

	/**
	 * Every milestone's feedability, by milestone id, from one pass over the plan's links and
	 * deliverables: a milestone is reached by work when any chain of links leads from a task into it.
	 */
	public static Map<UUID, Feedability> all(ProjectPlan plan) {
		// over the plan's activity numbering (tasks first, then milestones) and its links as arrays:
		// a 50,000-task plan's overview asked this twice, and over ids and hash maps it was most of the page
		LinkTable links = plan.linkTable();
		int tasks = plan.tasks().size();
		int activities = plan.activityCount();
		int[] from = links.predecessors();
		int[] to = links.successors();
		boolean[] linked = new boolean[activities];
		int[] first = new int[activities + 1];
		for (int l = 0; l < from.length; l++) {
			if (to[l] >= 0) {
				linked[to[l]] = true;
				if (from[l] >= 0) {
					first[from[l] + 1]++;
				}
			}
		}
		for (int a = 0; a < activities; a++) {
			first[a + 1] += first[a];
		}
		int[] successors = new int[first[activities]];
		int[] filled = java.util.Arrays.copyOf(first, activities);
		for (int l = 0; l < from.length; l++) {
			if (from[l] >= 0 && to[l] >= 0) {
				successors[filled[from[l]]++] = to[l];
			}
		}
		// everything downstream of a task, through milestones too, as achieving it asks
		// (plan.MilestoneAchievement): one breadth-first walk from all tasks at once
		boolean[] reachedByWork = new boolean[activities];
		int[] queue = new int[tasks + activities];
		int tail = 0;
		for (int t = 0; t < tasks; t++) {
			queue[tail++] = t;
		}
		for (int head = 0; head < tail; head++) {
			int activity = queue[head];
			for (int i = first[activity]; i < first[activity + 1]; i++) {
				if (!reachedByWork[successors[i]]) {
					reachedByWork[successors[i]] = true;
					queue[tail++] = successors[i];
				}
			}
		}
		Set<UUID> withDeliverable = new HashSet<>();
		plan.deliverables().forEach(d -> withDeliverable.add(d.milestoneId()));
		Map<UUID, Feedability> all = new HashMap<>();
		for (int m = 0; m < plan.milestones().size(); m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			boolean isLinked = linked[tasks + m];
			Blocker blocker = Blocker.NONE;
			if (milestone.criterionKind() == CriterionKind.ALL_FEEDING_TASKS_DONE
					&& (!isLinked || !reachedByWork[tasks + m])) {
				blocker = Blocker.NO_FEEDING_TASK;
			}
			else if (milestone.criterionKind() == CriterionKind.DELIVERABLE_ACCEPTED
					&& !withDeliverable.contains(milestone.id())) {
				blocker = Blocker.NO_DELIVERABLE;
			}
			boolean marksStart = milestone.targetDate() != null && !milestone.targetDate().isAfter(plan.start());
			all.put(milestone.id(), new Feedability(isLinked || marksStart, blocker));
		}
		return all;
	}

	public boolean achievable() {
		return blocker == Blocker.NONE;
	}

	/** Why the milestone can never be achieved, in words, or empty when it can. */
	public Optional<String> problem(ProjectPlan.Milestone milestone) {
		String name = "'" + milestone.name() + "'";
		return switch (blocker) {
			case NONE -> Optional.empty();
			case NO_FEEDING_TASK -> Optional.of(name
					+ " is achieved when all its feeding tasks are done, but no task feeds it: it can never be achieved.");
			case NO_DELIVERABLE -> Optional.of(name
					+ " is achieved when its deliverables are accepted, but no deliverable is linked to it: it can never be achieved.");
		};
	}

	/** What makes it achievable, or empty when it is. */
	public Optional<String> fix(ProjectPlan.Milestone milestone) {
		String name = "'" + milestone.name() + "'";
		return switch (blocker) {
			case NONE -> Optional.empty();
			case NO_FEEDING_TASK -> Optional.of("Link the tasks that must be done into " + name
					+ " (finish-to-start), or give it a criterion that does not rest on feeding tasks.");
			case NO_DELIVERABLE -> Optional.of("Link the deliverable whose acceptance achieves " + name
					+ " (set its milestone), or give the milestone another criterion.");
		};
	}

	/** What an unfed milestone's status is worth, in words; empty when work feeds it. */
	public Optional<String> unfed(ProjectPlan.Milestone milestone) {
		return fed ? Optional.empty()
				: Optional.of("Nothing feeds '" + milestone.name() + "' (" + milestone.targetDate()
						+ "): no task or milestone is linked into it, so no late work can put it at risk and "
						+ "its status gives no early warning.");
	}

	/** How to feed an unfed milestone. */
	public static String feedIt(ProjectPlan.Milestone milestone) {
		return "Link the tasks whose completion reaches '" + milestone.name() + "' into it (finish-to-start).";
	}

}
