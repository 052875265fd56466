package dev.milepost.approval.internal;

import java.time.Clock;
import java.util.UUID;

import dev.milepost.approval.ApprovalDecided;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.common.ETags;
import dev.milepost.identity.Users;
import dev.milepost.plan.MilestoneAchievement;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPeople;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvers deciding their turns and handing them to delegates. A decision that approves a request
 * takes effect on its subject in the same transaction; each change is on the audit record.
 */
@Service
class ApprovalDecisions {

	private final Approvals approvals;

	private final ApprovalRequestRepository requests;

	private final ApprovalViews views;

	private final ApprovalRecord record;

	private final ApprovalOutcomes outcomes;

	private final Readiness readiness;

	private final ProjectPeople people;

	private final Users users;

	private final Clock clock;

	ApprovalDecisions(Approvals approvals, ApprovalRequestRepository requests, ApprovalViews views,
			ApprovalRecord record, ApprovalOutcomes outcomes, Readiness readiness, ProjectPeople people, Users users,
			Clock clock) {
		this.approvals = approvals;
		this.requests = requests;
		this.views = views;
		this.record = record;
		this.outcomes = outcomes;
		this.readiness = readiness;
		this.people = people;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * If-Match is optional here: a decision is final anyway; when sent, it must be current. A
	 * request waits for the steps it follows; approving a milestone whose upstream work is open
	 * needs the approver to say they saw it ({@link MilestoneAchievement#approving}), and the
	 * decision keeps what they were shown.
	 */
	@Transactional
	Approvals.Versioned decide(ProjectContext context, UUID id, String ifMatch, ApprovalBodies.DecisionBody body) {
		ApprovalRequest request = approvals.loadForUpdate(context, id);
		requireCurrentIfSent(ifMatch, request);
		ApprovalView before = views.of(request);
		Readiness.Of around = readiness.of(request);
		boolean acknowledged = Boolean.TRUE.equals(body.acknowledgeOpenWork());
		MilestoneAchievement.Answer seen = MilestoneAchievement.approving(request.subject().id(),
				request.subject().name(), around.openWork(), acknowledged);
		ApprovalRequest.Decided decided = request.decide(context.user().id(), context.role(), body.decision(),
				body.comment(), clock.instant(), new ApprovalRequest.Around(around.waitingDescribed(),
						around.openWork(), seen instanceof MilestoneAchievement.Refused refused ? refused : null));
		request = requests.save(request);
		ApprovalView after = views.of(request);
		record.changed(context, before, "decided", after);
		ApprovalStep step = decided.step();
		record.publish(new ApprovalDecided(context.projectKey(), request.id(), request.number(), request.title(),
				request.subject().kind(), request.subject().id(), step.decision(), context.actor(),
				step.onBehalfOf() == null ? null
						: users.findById(step.onBehalfOf()).map(u -> u.username()).orElse(null),
				step.comment(), step.decidedAt(), request.status()));
		if (request.status() == ApprovalStatus.APPROVED) {
			outcomes.approved(context, request, acknowledged);
		}
		return new Approvals.Versioned(after, request.version());
	}

	@Transactional
	Approvals.Versioned delegate(ProjectContext context, UUID id, String ifMatch,
			ApprovalBodies.DelegationBody body) {
		ApprovalRequest request = approvals.loadForUpdate(context, id);
		requireCurrentIfSent(ifMatch, request);
		ProjectPeople.Person to = people.member(context, "to", body.to());
		ApprovalView before = views.of(request);
		request.delegate(context.user().id(), context.role(), to.id(), to.role(), body.note(), clock.instant());
		request = requests.save(request);
		ApprovalView after = views.of(request);
		record.changed(context, before, "delegated", after);
		return new Approvals.Versioned(after, request.version());
	}

	private static void requireCurrentIfSent(String ifMatch, ApprovalRequest request) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			ETags.requireCurrent(ifMatch, request.version());
		}
	}

}
