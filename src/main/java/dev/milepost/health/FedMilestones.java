package dev.milepost.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Feedability;

/**
 * “A task that is running late affects its milestone”: only when the task is linked to it.
 * Milestones are the trip wires of the plan; one that no work feeds can never be put at risk, so
 * its status gives no early warning. Whether a milestone is fed, and whether one achieved by its
 * feeding tasks can be achieved at all, is the schedule's {@link Feedability}: the milestone's
 * status asks the same rule.
 */
final class FedMilestones implements PlanCheck {

	static final String CODE = "MILESTONE_NOT_FED";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		var all = Feedability.all(plan);
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			if (milestone.achieved()) {
				continue;
			}
			Feedability feedability = all.get(milestone.id());
			List<Finding.Subject> subject = List.of(Finding.Subject.milestone(milestone));
			if (feedability.blocker() == Feedability.Blocker.NO_FEEDING_TASK) {
				findings.add(new Finding(CODE, Severity.PROBLEM, feedability.problem(milestone).orElseThrow(),
						feedability.fix(milestone).orElseThrow(), subject));
			}
			else {
				feedability.unfed(milestone)
					.ifPresent(unfed -> findings
						.add(new Finding(CODE, Severity.WARNING, unfed, Feedability.feedIt(milestone), subject)));
			}
		}
		return findings;
	}

}
