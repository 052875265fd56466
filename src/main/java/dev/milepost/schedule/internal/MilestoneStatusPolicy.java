package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.Reason;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Computes a milestone's status from a schedule as of today, with its reasons:
 * <ul>
 * <li>achieved when its criterion was recorded as met;</li>
 * <li>missed when its target day has passed;</li>
 * <li>at risk when it is forecast after its target, has less slack than the threshold, or work
 * on its driving path is late — against its planned dates, or against the baseline (a shifted
 * dependency);</li>
 * <li>approaching when otherwise fine and its target is within the window;</li>
 * <li>on track otherwise.</li>
 * </ul>
 * Plain Java: a pure function of its inputs.
 */
final class MilestoneStatusPolicy {

	private final StatusRules rules;

	MilestoneStatusPolicy(StatusRules rules) {
		this.rules = rules;
	}

	MilestoneEvaluation evaluate(PlanMapping mapping, Schedule schedule, int activity, LocalDate today,
			String baselineName, Map<UUID, BaselineDates> baseline) {
		ProjectPlan plan = mapping.plan();
		ProjectPlan.Milestone milestone = plan.milestones().get(activity - plan.tasks().size());
		LocalDate forecast = mapping.dates(schedule, activity).earlyFinish();
		Integer slack = mapping.slackToTarget(schedule, activity);
		List<UUID> path = mapping.drivingPath(schedule, activity);
		List<Reason> reasons = new ArrayList<>();
		if (milestone.achieved()) {
			LocalDate on = LocalDate.ofInstant(milestone.achievedAt(), ZoneOffset.UTC);
			reasons.add(new Reason("ACHIEVED", "Achieved on " + on + " by " + milestone.achievedBy() + ".",
					List.of(milestone.id()), null));
			return new MilestoneEvaluation(milestone.id(), milestone.name(), milestone.targetDate(), on, slack,
					MilestoneStatus.ACHIEVED, reasons, path);
		}
		LocalDate target = milestone.targetDate();
		List<Reason> lateWork = lateWorkOnPath(mapping, schedule, activity, today, baselineName, baseline);
		if (target.isBefore(today)) {
			long ago = ChronoUnit.DAYS.between(target, today);
			reasons.add(new Reason("TARGET_PASSED", "The target " + target + " passed " + ago + " day"
					+ (ago == 1 ? "" : "s") + " ago without the milestone being achieved; it is now forecast for "
					+ forecast + ".", List.of(milestone.id()), (int) ago));
			reasons.addAll(lateWork);
			return new MilestoneEvaluation(milestone.id(), milestone.name(), target, forecast, slack,
					MilestoneStatus.MISSED, reasons, path);
		}
		if (slack < 0) {
			reasons.add(new Reason("FORECAST_AFTER_TARGET", "Forecast for " + forecast + ", " + -slack
					+ " working day" + (slack == -1 ? "" : "s") + " after the target " + target
					+ "; the work driving it: " + names(mapping, path, activity) + ".", drivingWork(path, milestone.id()),
					-slack));
		}
		else if (slack < rules.atRiskSlackDays()) {
			reasons.add(new Reason("LOW_SLACK", "Only " + slack + " working day" + (slack == 1 ? "" : "s")
					+ " of slack before the target " + target + "; a small slip in " + names(mapping, path, activity)
					+ " misses it.", drivingWork(path, milestone.id()), slack));
		}
		reasons.addAll(lateWork);
		if (!reasons.isEmpty()) {
			return new MilestoneEvaluation(milestone.id(), milestone.name(), target, forecast, slack,
					MilestoneStatus.AT_RISK, reasons, path);
		}
		long daysAway = ChronoUnit.DAYS.between(today, target);
		if (daysAway <= rules.approachingDays()) {
			reasons.add(new Reason("APPROACHING", "The target " + target + " is " + daysAway + " day"
					+ (daysAway == 1 ? "" : "s") + " away; forecast " + forecast + " with " + slack
					+ " working days to spare.", List.of(milestone.id()), (int) daysAway));
			return new MilestoneEvaluation(milestone.id(), milestone.name(), target, forecast, slack,
					MilestoneStatus.APPROACHING, reasons, path);
		}
		reasons.add(new Reason("ON_TRACK", "Forecast for " + forecast + ", " + slack
				+ " working days before the target " + target + ".", List.of(milestone.id()), slack));
		return new MilestoneEvaluation(milestone.id(), milestone.name(), target, forecast, slack,
				MilestoneStatus.ON_TRACK, reasons, path);
	}

	/**
	 * Work on the driving path that is behind: a task that should have started and has not, a
	 * task forecast to finish after its planned finish, or an activity that now finishes after
	 * its baseline and so pushes the milestone (a shifted dependency).
	 */
	private List<Reason> lateWorkOnPath(PlanMapping mapping, Schedule schedule, int milestone, LocalDate today,
			String baselineName, Map<UUID, BaselineDates> baseline) {
		List<Reason> reasons = new ArrayList<>();
		WorkingCalendar calendar = mapping.calendar();
		int tasks = mapping.plan().tasks().size();
		for (int step : schedule.drivingPath(milestone)) {
			if (step == milestone || schedule.isDone(step)) {
				continue;
			}
			UUID id = mapping.idOf(step);
			String name = mapping.nameOf(step);
			LocalDate finish = mapping.dates(schedule, step).earlyFinish();
			BaselineDates base = baseline.get(id);
			if (step < tasks) {
				ProjectPlan.Task task = mapping.plan().tasks().get(step);
				if (task.plannedStart() != null) {
					LocalDate plannedFinish = calendar.finishDate(calendar.dayIndex(task.plannedStart())
							+ Math.max(1, task.durationDays()));
					if (task.actualStart() == null && task.plannedStart().isBefore(today)) {
						int late = calendar.dayIndex(today) - calendar.dayIndex(task.plannedStart());
						if (late > 0) {
							reasons.add(new Reason("LATE_START", "'" + name + "' was planned to start on "
									+ task.plannedStart() + " and has not started: " + late + " working day"
									+ (late == 1 ? "" : "s") + " late.", List.of(id), late));
							continue;
						}
					}
					int behind = calendar.endOf(finish) - calendar.endOf(plannedFinish);
					if (behind > 0) {
						reasons.add(new Reason("LATE_TASK", "'" + name + "' is forecast to finish on " + finish
								+ ", " + behind + " working day" + (behind == 1 ? "" : "s") + " after its planned finish "
								+ plannedFinish + ".", List.of(id), behind));
						continue;
					}
				}
			}
			if (base != null) {
				int shifted = calendar.endOf(finish) - calendar.endOf(base.finish());
				if (shifted > 0) {
					reasons.add(new Reason("SHIFTED_DEPENDENCY", "'" + name + "' now finishes on " + finish + ", "
							+ shifted + " working day" + (shifted == 1 ? "" : "s") + " after baseline '" + baselineName
							+ "' (" + base.finish() + "), and pushes this milestone.", List.of(id), shifted));
				}
			}
		}
		return reasons;
	}

	private static List<UUID> drivingWork(List<UUID> path, UUID milestone) {
		return path.stream().filter(id -> !id.equals(milestone)).toList();
	}

	private static String names(PlanMapping mapping, List<UUID> path, int milestone) {
		List<String> names = new ArrayList<>();
		for (UUID id : path) {
			int at = mapping.indexOf(id);
			if (at != milestone) {
				names.add("'" + mapping.nameOf(at) + "'");
			}
		}
		return names.isEmpty() ? "nothing (it is held by its own constraint)" : String.join(" → ", names);
	}

}
