package dev.milepost.approval.internal;

import java.util.List;
import java.util.Optional;

import dev.milepost.approval.Decision;
import dev.milepost.common.ConflictException;
import dev.milepost.plan.ApprovalGiven;
import dev.milepost.plan.PlanGovernance;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.TargetRevision;
import org.springframework.stereotype.Component;

/**
 * What an approved request does to its subject: achieves the milestone whose criterion is this
 * approval, or moves the target of the milestone it re-plans. The plan decides with its own
 * rules ({@code MilestoneAchievement}); a milestone deleted since the request was made is left alone.
 */
@Component
class ApprovalOutcomes {

	private final PlanGovernance plan;

	ApprovalOutcomes(PlanGovernance plan) {
		this.plan = plan;
	}

	/** {@code openWorkAcknowledged}: the decision that approved it was taken seeing the open work, and said so. */
	void approved(ProjectContext context, ApprovalRequest request, boolean openWorkAcknowledged) {
		switch (request.subject().kind()) {
			case MILESTONE -> achieve(context, request, openWorkAcknowledged);
			case REPLAN -> replan(context, request);
			case DELIVERABLE, FREE -> {
				// on the record only: accepting a deliverable stays its acceptor's act
			}
		}
	}

	/**
	 * The approving turns, in order, are presented to the plan, whose {@code MilestoneAchievement}
	 * takes the first that meets the criterion as the evidence: the named approver's (or their
	 * delegate's, on their behalf), or that of someone holding the named role.
	 */
	private void achieve(ProjectContext context, ApprovalRequest request, boolean openWorkAcknowledged) {
		List<ApprovalGiven> approvals = request.steps()
			.stream()
			.filter(step -> step.decision() == Decision.APPROVE)
			.map(step -> new ApprovalGiven(request.id(), request.number(), step.decidedBy(), step.onBehalfOf(),
					step.comment(), step.decidedAt(), openWorkAcknowledged))
			.toList();
		plan.achieveByApproval(context, request.subject().id(), approvals);
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
