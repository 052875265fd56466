package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Feedability;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneFacts;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.Reason;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Gathers a milestone's {@link MilestoneFacts} from a schedule as of its status date, the latest
 * baseline's dates and the Monte Carlo run of the same plan. Plain Java.
 */
final class StatusFacts {

	private StatusFacts() {
	}

	/**
	 * The facts of milestone {@code activity}, whose driving path ({@link Schedule#drivingPath}, walked
	 * once by the caller) is {@code path} and whose feedability is {@code feedability} (from
	 * {@link Feedability#all}, one pass for every milestone). {@code risk} is its simulated outcome,
	 * or null when the plan could not be simulated; the chance it gives is left out for a milestone
	 * that nothing feeds or that cannot be achieved, where it says nothing.
	 */
	static MilestoneFacts of(PlanMapping mapping, Schedule schedule, int activity, List<Integer> path,
			Feedability feedability, LocalDate statusDate, String baselineName, Map<UUID, BaselineDates> baseline,
			Forecasts.Risk risk) {
		ProjectPlan plan = mapping.plan();
		ProjectPlan.Milestone milestone = plan.milestones().get(activity - plan.tasks().size());
		List<UUID> work = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int step : path) {
			if (step != activity) {
				work.add(mapping.idOf(step));
				names.add(mapping.nameOf(step));
			}
		}
		boolean chanceMeansSomething = risk != null && risk.chanceOfMeetingTarget() != null && feedability.fed()
				&& feedability.achievable();
		return new MilestoneFacts(milestone, statusDate, mapping.dates(schedule, activity).earlyFinish(),
				mapping.slackToTarget(schedule, activity), chanceMeansSomething ? risk.chanceOfMeetingTarget() : null,
				chanceMeansSomething ? risk.iterations() : 0, feedability, work, names,
				milestone.achieved() ? List.of()
						: folded(lateWorkOnPath(mapping, schedule, activity, path, statusDate, baselineName, baseline),
								baselineName));
	}

	/** How many reasons of one kind are given one by one; the rest are counted in one more. */
	static final int REASONS_PER_KIND = 3;

	/**
	 * The first {@value #REASONS_PER_KIND} reasons of each kind as they are, the rest of that kind
	 * folded into one that counts them, names every activity and gives the most days: fifty tasks
	 * that have not started are one line to act on, not fifty (and a status page of a large plan
	 * does not carry them all).
	 */
	static List<Reason> folded(List<Reason> reasons, String baselineName) {
		Map<String, List<Reason>> byKind = new java.util.LinkedHashMap<>();
		reasons.forEach(reason -> byKind.computeIfAbsent(reason.code(), code -> new ArrayList<>()).add(reason));
		if (byKind.values().stream().allMatch(kind -> kind.size() <= REASONS_PER_KIND + 1)) {
			return reasons;
		}
		List<Reason> folded = new ArrayList<>();
		byKind.forEach((code, kind) -> {
			if (kind.size() <= REASONS_PER_KIND + 1) {
				folded.addAll(kind);
				return;
			}
			folded.addAll(kind.subList(0, REASONS_PER_KIND));
			List<Reason> rest = kind.subList(REASONS_PER_KIND, kind.size());
			List<UUID> activities = rest.stream().flatMap(reason -> reason.activities().stream()).toList();
			int most = rest.stream().mapToInt(reason -> reason.days() == null ? 0 : reason.days()).max().orElse(0);
			folded.add(new Reason(code, rest.size() + " more " + switch (code) {
				case "LATE_START" -> "tasks on the driving path have not started as planned, by up to " + days(most)
						+ ".";
				case "LATE_TASK" -> "tasks on the driving path are forecast to finish after their planned finish, by up to "
						+ days(most) + ".";
				default -> "activities on the driving path now finish after baseline '" + baselineName + "', by up to "
						+ days(most) + ", and push this milestone.";
			}, activities, most));
		});
		return folded;
	}

	/**
	 * Work on the driving path that is behind: a task that should have started and has not, a
	 * task forecast to finish after its planned finish, or an activity that now finishes after
	 * its baseline and so pushes the milestone (a shifted dependency).
	 */
	private static List<Reason> lateWorkOnPath(PlanMapping mapping, Schedule schedule, int milestone,
			List<Integer> path, LocalDate today, String baselineName, Map<UUID, BaselineDates> baseline) {
		List<Reason> reasons = new ArrayList<>();
		WorkingCalendar calendar = mapping.calendar();
		int tasks = mapping.plan().tasks().size();
		for (int step : path) {
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
									+ task.plannedStart() + " and has not started: " + days(late) + " late.", List.of(id),
									late));
							continue;
						}
					}
					int behind = calendar.endOf(finish) - calendar.endOf(plannedFinish);
					if (behind > 0) {
						reasons.add(new Reason("LATE_TASK", "'" + name + "' is forecast to finish on " + finish + ", "
								+ days(behind) + " after its planned finish " + plannedFinish + ".", List.of(id),
								behind));
						continue;
					}
				}
			}
			if (base != null) {
				int shifted = calendar.endOf(finish) - calendar.endOf(base.finish());
				if (shifted > 0) {
					reasons.add(new Reason("SHIFTED_DEPENDENCY", "'" + name + "' now finishes on " + finish + ", "
							+ days(shifted) + " after baseline '" + baselineName + "' (" + base.finish()
							+ "), and pushes this milestone.", List.of(id), shifted));
				}
			}
		}
		return reasons;
	}

	private static String days(int n) {
		return n + " working day" + (n == 1 ? "" : "s");
	}

}
