package dev.milepost.health;

import java.time.LocalDate;
import java.util.List;

import dev.milepost.plan.ProjectPlan;

/**
 * “Every milestone should have a named owner ... accountability without a named owner defaults
 * to no accountability.” The plan requires an owner, so a milestone without one is one whose
 * owner is no longer in the project.
 */
final class NamedOwners implements PlanCheck {

	static final String CODE = "MILESTONE_WITHOUT_OWNER";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		return plan.milestones()
			.stream()
			.filter(m -> !m.achieved() && (m.owner() == null || m.owner().isBlank()))
			.map(m -> new Finding(CODE, Severity.PROBLEM,
					"'" + m.name() + "' (" + m.targetDate() + ") has no owner in the project: nobody answers for it "
							+ "or raises the flag when it is at risk.",
					"Name a project member as the owner of '" + m.name()
							+ "': the person who makes sure it is achieved and warns early when it is at risk.",
					List.of(Finding.Subject.milestone(m))))
			.toList();
	}

}
