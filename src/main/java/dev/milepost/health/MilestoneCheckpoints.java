package dev.milepost.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.ProjectPlan;

/**
 * “Milestones that are too close together, weekly or more frequent, function as task
 * checkpoints rather than phase markers. They generate reporting overhead without producing
 * strategic insight.” Judged on projects over three months, where the brief's rhythm applies.
 */
final class MilestoneCheckpoints implements PlanCheck {

	static final String CODE = "MILESTONES_TOO_CLOSE";

	/** Weekly or more often. */
	static final int CHECKPOINT_DAYS = 7;

	/** Two close milestones may be parallel tracks ending together; three in a row are a weekly cadence. */
	static final int CADENCE_RUN = 3;

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		Timeline timeline = Timeline.of(plan);
		if (!timeline.isLong()) {
			return List.of();
		}
		List<ProjectPlan.Milestone> ordered = timeline.points()
			.stream()
			.filter(point -> point.milestone() != null)
			.map(Timeline.Point::milestone)
			.toList();
		List<Finding> findings = new ArrayList<>();
		List<ProjectPlan.Milestone> run = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : ordered) {
			if (!run.isEmpty() && ChronoUnit.DAYS.between(run.get(run.size() - 1).targetDate(),
					milestone.targetDate()) > CHECKPOINT_DAYS) {
				report(run, timeline, today, findings);
				run.clear();
			}
			run.add(milestone);
		}
		report(run, timeline, today, findings);
		return findings;
	}

	private static void report(List<ProjectPlan.Milestone> run, Timeline timeline, LocalDate today,
			List<Finding> findings) {
		if (run.size() < 2 || run.get(run.size() - 1).targetDate().isBefore(today)) {
			return;
		}
		ProjectPlan.Milestone first = run.get(0);
		ProjectPlan.Milestone last = run.get(run.size() - 1);
		String project = "on this " + timeline.months() + "-month project";
		String message = run.size() >= CADENCE_RUN
				? run.size() + " milestones from " + describe(first) + " to " + describe(last) + " follow each other "
						+ CHECKPOINT_DAYS + " days apart or less " + project
						+ ": weekly milestones are task checkpoints, not phase markers, and add reporting without insight."
				: describe(first) + " and " + describe(last) + " are "
						+ Timeline.span(ChronoUnit.DAYS.between(first.targetDate(), last.targetDate())) + " apart "
						+ project + ": milestones this close are task checkpoints rather than phase markers, unless "
						+ "they close separate tracks.";
		findings.add(new Finding(CODE, run.size() >= CADENCE_RUN ? Severity.WARNING : Severity.INFO, message,
				"Keep as a milestone the one that marks a phase completion, an approval or a go-live, and model the "
						+ "others as tasks feeding it; a task's finish is checkpoint enough.",
				run.stream().map(Finding.Subject::milestone).toList()));
	}

	private static String describe(ProjectPlan.Milestone milestone) {
		return "'" + milestone.name() + "' (" + milestone.targetDate() + ")";
	}

}
