package dev.milepost.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.ProjectPlan;

/**
 * A milestone is a point on the path to the project's finish: one targeted after the target
 * finish (or before the start) says the plan and the project's dates disagree.
 */
final class MilestonesWithinProject implements PlanCheck {

	static final String AFTER_FINISH = "MILESTONE_AFTER_TARGET_FINISH";

	static final String BEFORE_START = "MILESTONE_BEFORE_START";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			if (milestone.achieved()) {
				continue;
			}
			String name = "'" + milestone.name() + "'";
			if (milestone.targetDate().isAfter(plan.targetFinish())) {
				findings.add(new Finding(AFTER_FINISH, Severity.WARNING, name + " is targeted on "
						+ milestone.targetDate() + ", " + Timeline.span(ChronoUnit.DAYS.between(plan.targetFinish(),
								milestone.targetDate()))
						+ " after the project's target finish (" + plan.targetFinish()
						+ "): the project cannot finish before its own milestone.",
						"Move " + name + " to " + plan.targetFinish() + " or earlier, or, if the project really runs "
								+ "longer, move the target finish with the sponsor's agreement.",
						List.of(Finding.Subject.milestone(milestone))));
			}
			else if (milestone.targetDate().isBefore(plan.start())) {
				findings.add(new Finding(BEFORE_START, Severity.WARNING, name + " is targeted on "
						+ milestone.targetDate() + ", before the project starts (" + plan.start() + ").",
						"Move " + name + " into the project's span, or move the project's start if the work really "
								+ "began earlier.",
						List.of(Finding.Subject.milestone(milestone))));
			}
		}
		return findings;
	}

}
