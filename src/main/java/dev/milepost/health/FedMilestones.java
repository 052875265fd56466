package dev.milepost.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.ProjectPlan;

/**
 * “A task that is running late affects its milestone”: only when the task is linked to it.
 * Milestones are the trip wires of the plan; one that no work feeds can never be put at risk, so
 * its status gives no early warning.
 */
final class FedMilestones implements PlanCheck {

	static final String CODE = "MILESTONE_NOT_FED";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			// achieved is history; a milestone on the start date marks the start, and no work precedes it
			if (milestone.achieved() || !milestone.targetDate().isAfter(plan.start())) {
				continue;
			}
			List<ProjectPlan.Link> into = plan.links().stream().filter(l -> milestone.id().equals(l.successor())).toList();
			// the feeding tasks are the whole network upstream, through other milestones too
			boolean fedByTask = !plan.upstreamTasks(milestone.id()).isEmpty();
			String name = "'" + milestone.name() + "'";
			if (milestone.criterionKind() == CriterionKind.ALL_FEEDING_TASKS_DONE && !fedByTask) {
				findings.add(new Finding(CODE, Severity.PROBLEM,
						name + " is achieved when all its feeding tasks are done, but no task feeds it: it can never be achieved.",
						"Link the tasks that must be done into " + name
								+ " (finish-to-start), or give it a criterion that does not rest on feeding tasks.",
						List.of(Finding.Subject.milestone(milestone))));
			}
			else if (into.isEmpty()) {
				findings.add(new Finding(CODE, Severity.WARNING,
						"Nothing feeds " + name + " (" + milestone.targetDate()
								+ "): no task or milestone is linked into it, so no late work can put it at risk and "
								+ "its status gives no early warning.",
						"Link the tasks whose completion reaches " + name + " into it (finish-to-start).",
						List.of(Finding.Subject.milestone(milestone))));
			}
		}
		return findings;
	}

}
