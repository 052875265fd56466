package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * A plan as it stood at the start of a past day, rebuilt from the progress recorded since: work
 * that finished later was still under way (its percent complete grown evenly over the working
 * days it took, or at the pace that reached its percent complete by {@code today}), work that
 * started later had not started, and milestones achieved later were open. Targets, durations and
 * links are as they are now. Plain Java.
 */
final class PlanAsOf {

	private PlanAsOf() {
	}

	static ProjectPlan of(ProjectPlan plan, LocalDate day, LocalDate today) {
		WorkingCalendar calendar = new WorkingCalendar(plan.start(), plan.workingDays(), plan.holidays());
		int at = calendar.dayIndex(day);
		int now = calendar.dayIndex(today);
		List<ProjectPlan.Task> tasks = plan.tasks().stream().map(task -> task(task, calendar, at, now)).toList();
		List<ProjectPlan.Milestone> milestones = plan.milestones()
			.stream()
			.map(m -> m.achieved() && !LocalDate.ofInstant(m.achievedAt(), ZoneOffset.UTC).isBefore(day)
					? new ProjectPlan.Milestone(m.id(), m.name(), m.targetDate(), m.owner(), m.criterionKind(),
							m.criterionText(), m.approver(), m.role(), m.tags(), null, null)
					: m)
			.toList();
		return new ProjectPlan(plan.projectId(), plan.key(), plan.name(), plan.sponsor(), plan.manager(), plan.start(),
				plan.targetFinish(), plan.status(), plan.workingDays(), plan.holidays(), plan.goals(), tasks, milestones,
				plan.deliverables(), plan.links());
	}

	private static ProjectPlan.Task task(ProjectPlan.Task task, WorkingCalendar calendar, int day, int today) {
		if (task.actualStart() == null) {
			return task;
		}
		int start = calendar.dayIndex(task.actualStart());
		if (start >= day) {
			return with(task, 0, null, null);
		}
		if (task.actualFinish() != null && calendar.endOf(task.actualFinish()) <= day) {
			return task;
		}
		int worked = day - start;
		int percent;
		if (task.actualFinish() != null) {
			int took = Math.max(1, calendar.endOf(task.actualFinish()) - start);
			percent = 100 * worked / took;
		}
		else {
			// the pace that reached today's percent, applied to the days worked by then
			int sinceStart = Math.max(worked, today - start);
			percent = task.percentComplete() * worked / Math.max(1, sinceStart);
		}
		return with(task, Math.min(99, percent), task.actualStart(), null);
	}

	private static ProjectPlan.Task with(ProjectPlan.Task task, int percent, LocalDate actualStart,
			LocalDate actualFinish) {
		return new ProjectPlan.Task(task.id(), task.name(), task.durationDays(), percent, task.plannedStart(),
				actualStart, actualFinish, task.optimistic(), task.mostLikely(), task.pessimistic(), task.assignees());
	}

}
