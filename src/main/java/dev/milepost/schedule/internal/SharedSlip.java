package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.engine.Estimates;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * The slip the status's Monte Carlo run shares among all the work of an iteration (see
 * {@link Estimates.Builder#shared}): its spread is a setting, its centre is fitted from the
 * project's own history, the finished tasks' actual working days against what their estimates
 * expected (the PERT mean), summed over the tasks (a ratio of means, not a mean of ratios: the draws
 * are skewed already), its log shrunk towards no slip while few tasks are finished. Plain Java.
 *
 * @param shift the log of the median factor all remaining work is drawn with
 * @param spread the spread of the factor's log
 * @param finished how many finished tasks the shift was fitted from
 */
record SharedSlip(double shift, double spread, int finished) {

	static final SharedSlip NONE = new SharedSlip(0, 0, 0);

	/** How many finished tasks' worth of "no slip" the fit starts from. */
	static final int PRIOR_TASKS = 5;

	static SharedSlip fit(ProjectPlan plan, WorkingCalendar calendar, double spread) {
		if (spread <= 0) {
			return NONE;
		}
		double took = 0;
		double expected = 0;
		int n = 0;
		Map<UUID, LocalDate> finished = new HashMap<>();
		plan.tasks().forEach(task -> finished.put(task.id(), task.actualFinish()));
		plan.milestones()
			.forEach(m -> finished.put(m.id(), m.achieved() ? LocalDate.ofInstant(m.achievedAt(), ZoneOffset.UTC) : null));
		Map<UUID, List<ProjectPlan.Link>> into = new HashMap<>();
		plan.links().forEach(link -> into.computeIfAbsent(link.successor(), k -> new ArrayList<>()).add(link));
		for (ProjectPlan.Task task : plan.tasks()) {
			if (task.actualStart() == null || task.actualFinish() == null || task.durationDays() <= 0) {
				continue;
			}
			int start = calendar.dayIndex(task.actualStart());
			int ready = ready(into.getOrDefault(task.id(), List.of()), finished, task, calendar);
			// a late start is part of the slip: counted from the day it could have started
			int days = calendar.endOf(task.actualFinish()) - Math.min(start, ready);
			if (days <= 0) {
				continue;
			}
			took += days;
			expected += expected(task);
			n++;
		}
		if (n == 0) {
			return new SharedSlip(0, spread, 0);
		}
		// the ratio of the sums, not the mean of the logs: the draws are already skewed (a PERT draw's
		// median is below its mean), so the factor must bring their mean, not their median, to the history
		return new SharedSlip(Math.log(took / expected) * n / (n + PRIOR_TASKS), spread, n);
	}

	/**
	 * The first day the task could have started: its planned start, after the actual finish (plus
	 * lag) of the tasks and the achievement of the milestones it follows finish-to-start;
	 * {@code Integer.MAX_VALUE} when one of them is not finished (then only the task's own days count).
	 */
	private static int ready(List<ProjectPlan.Link> into, Map<UUID, LocalDate> finished, ProjectPlan.Task task,
			WorkingCalendar calendar) {
		int ready = task.plannedStart() == null ? 0 : calendar.dayIndex(task.plannedStart());
		for (ProjectPlan.Link link : into) {
			if (link.type() != LinkType.FS) {
				continue;
			}
			LocalDate before = finished.get(link.predecessor());
			if (before == null) {
				return Integer.MAX_VALUE;
			}
			ready = Math.max(ready, calendar.endOf(before) + link.lagDays());
		}
		return ready;
	}

	/** The days the estimate expects: its PERT mean, or the default spread's around the duration. */
	private static double expected(ProjectPlan.Task task) {
		if (task.optimistic() != null && task.mostLikely() != null && task.pessimistic() != null) {
			return Math.max(0.5, (task.optimistic() + 4.0 * task.mostLikely() + task.pessimistic()) / 6);
		}
		double d = task.durationDays();
		return (d * (1 - Estimates.DEFAULT_UNDER) + 4 * d + d * (1 + Estimates.DEFAULT_OVER)) / 6;
	}

}
