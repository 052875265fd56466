package dev.milepost.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.ProjectPlan;

/**
 * “Accountability without a named owner defaults to no accountability”, and a named person who
 * has left is no owner: a deactivated account cannot sign in, confirm, approve or accept. A
 * milestone owned by one has nobody answering for it; one whose criterion names one as its
 * approver, or waits for a deliverable only one may accept, can never be achieved.
 */
final class DeactivatedPeople implements PlanCheck {

	static final String OWNER = "MILESTONE_OWNER_DEACTIVATED";

	static final String APPROVER = "APPROVER_DEACTIVATED";

	static final String ACCEPTOR = "ACCEPTOR_DEACTIVATED";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			if (milestone.achieved()) {
				continue;
			}
			String name = "'" + milestone.name() + "'";
			List<Finding.Subject> about = List.of(Finding.Subject.milestone(milestone));
			if (plan.deactivated(milestone.owner())) {
				findings.add(new Finding(OWNER, Severity.PROBLEM, name + " (" + milestone.targetDate() + ") is owned by "
						+ milestone.owner() + ", whose account is deactivated: nobody answers for it or raises the flag "
						+ "when it is at risk.",
						"Name an active project member as the owner of " + name + "; once " + milestone.owner()
								+ " answers for nothing else, remove them from the project (their tasks are taken off them).",
						about));
			}
			if (milestone.criterionKind() == CriterionKind.APPROVAL_BY_PERSON && plan.deactivated(milestone.approver())) {
				findings.add(new Finding(APPROVER, Severity.PROBLEM, name + " is achieved by the approval of "
						+ milestone.approver() + ", whose account is deactivated: nobody can give that approval, so it "
						+ "can never be achieved.",
						"Change the criterion of " + name + " to name an active approver, or a project role whose "
								+ "holders may approve it.",
						about));
			}
			if (milestone.criterionKind() == CriterionKind.DELIVERABLE_ACCEPTED) {
				plan.deliverables()
					.stream()
					.filter(d -> milestone.id().equals(d.milestoneId()) && !d.accepted() && plan.deactivated(d.acceptor()))
					.forEach(d -> findings.add(new Finding(ACCEPTOR, Severity.PROBLEM, "'" + d.name()
							+ "', whose acceptance achieves " + name + ", is to be accepted by " + d.acceptor()
							+ ", whose account is deactivated: it can never be accepted, so " + name
							+ " can never be achieved.",
							"Name an active project member as the acceptor of '" + d.name() + "'.", about)));
			}
		}
		return findings;
	}

}
