package dev.milepost.approval.internal;

import java.util.Optional;
import java.util.UUID;

import dev.milepost.approval.Decision;
import dev.milepost.common.ConflictException;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.plan.ApprovalGiven;
import dev.milepost.plan.PlanGovernance;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPeople;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.TargetRevision;
import org.springframework.stereotype.Component;

/**
 * What an approved request does to its subject: achieves the milestone whose criterion is this
 * approval, or moves the target of the milestone it re-plans. The plan checks its own rules;
 * a milestone deleted since the request was made is left alone.
 */
@Component
class ApprovalOutcomes {

	private final PlanGovernance plan;

	private final ProjectPeople people;

	private final Users users;

	ApprovalOutcomes(PlanGovernance plan, ProjectPeople people, Users users) {
		this.plan = plan;
		this.people = people;
		this.users = users;
	}

	void approved(ProjectContext context, ApprovalRequest request) {
		switch (request.subject().kind()) {
			case MILESTONE -> achieve(context, request);
			case REPLAN -> replan(context, request);
			case DELIVERABLE, FREE -> {
				// on the record only: accepting a deliverable stays its acceptor's act
			}
		}
	}

	/**
	 * The first approving turn that meets the criterion is the evidence: the named approver's (or
	 * their delegate's, on their behalf), or that of someone holding the named role.
	 */
	private void achieve(ProjectContext context, ApprovalRequest request) {
		Optional<ProjectPlan.Milestone> found = plan.milestone(context, request.subject().id());
		if (found.isEmpty() || found.get().achieved()) {
			return;
		}
		ProjectPlan.Milestone milestone = found.get();
		for (ApprovalStep step : request.steps()) {
			if (step.decision() != Decision.APPROVE) {
				continue;
			}
			UUID principal = step.onBehalfOf() != null ? step.onBehalfOf() : step.decidedBy();
			if (meets(context, milestone, principal)) {
				plan.achieveByApproval(context, milestone.id(), new ApprovalGiven(request.id(), request.number(),
						step.decidedBy(), step.onBehalfOf(), step.comment(), step.decidedAt()));
				return;
			}
		}
	}

	private boolean meets(ProjectContext context, ProjectPlan.Milestone milestone, UUID principal) {
		return switch (milestone.criterionKind()) {
			case "APPROVAL_BY_PERSON" -> users.findById(principal)
				.map(UserSummary::username)
				.filter(name -> name.equals(milestone.approver()))
				.isPresent();
			case "APPROVAL_BY_ROLE" -> people.roleOf(context, principal)
				.filter(role -> role == ProjectRole.valueOf(milestone.role()))
				.isPresent();
			default -> false;
		};
	}

	private void replan(ProjectContext context, ApprovalRequest request) {
		Optional<ProjectPlan.Milestone> found = plan.milestone(context, request.subject().id());
		if (found.isEmpty()) {
			return;
		}
		if (found.get().achieved()) {
			throw new ConflictException("'" + found.get().name() + "' was achieved on " + found.get().achievedAt()
					+ ", so its target no longer moves; reject this re-plan instead.");
		}
		ApprovalStep agreed = request.steps()
			.stream()
			.filter(step -> step.decision() == Decision.APPROVE)
			.findFirst()
			.orElseThrow();
		ApprovalRequest.Replan replan = request.subject().replan();
		plan.replan(context, request.subject().id(), new TargetRevision(replan.to(), replan.reason(),
				request.requestedBy(), request.requestedAt(), agreed.decidedBy(), agreed.onBehalfOf(),
				agreed.decidedAt(), request.id()));
	}

}
