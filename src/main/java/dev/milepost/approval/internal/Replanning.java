package dev.milepost.approval.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.SubjectKind;
import dev.milepost.common.ConflictException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.PlanGovernance;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPeople;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectRole;
import dev.milepost.schedule.MilestoneStatusLookup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager proposes a new target for a missed or at-risk milestone, with the reason; the
 * proposal goes to the project's sponsor as an approval request, and the target moves only when
 * the sponsor (or their delegate) approves.
 */
@Service
class Replanning {

	/** How long the sponsor is given when the proposal names no due date. */
	static final int DEFAULT_DAYS_TO_DECIDE = 7;

	private final Approvals approvals;

	private final ApprovalRequestRepository requests;

	private final PlanGovernance plan;

	private final ProjectPeople people;

	private final MilestoneStatusLookup statuses;

	private final Clock clock;

	Replanning(Approvals approvals, ApprovalRequestRepository requests, PlanGovernance plan, ProjectPeople people,
			MilestoneStatusLookup statuses, Clock clock) {
		this.approvals = approvals;
		this.requests = requests;
		this.plan = plan;
		this.people = people;
		this.statuses = statuses;
		this.clock = clock;
	}

	@Transactional
	Approvals.Versioned propose(ProjectContext context, UUID milestoneId, ApprovalBodies.ReplanBody body) {
		ProjectPlan.Milestone milestone = plan.milestone(context, milestoneId)
			.orElseThrow(() -> NotFoundException.of("milestone", milestoneId));
		LocalDate today = LocalDate.now(clock);
		ReplanPolicy.refusal(milestone, statuses.current(milestoneId), today).ifPresent(reason -> {
			throw new ConflictException(reason);
		});
		if (!body.targetDate().isAfter(today)) {
			throw new RuleViolationException("targetDate",
					"A re-plan sets a new target after today (" + today + "); " + body.targetDate() + " is not.");
		}
		requests.findBySubjectKindAndSubjectIdAndStatus(SubjectKind.REPLAN, milestoneId, ApprovalStatus.PENDING)
			.stream()
			.findFirst()
			.ifPresent(open -> {
				throw new ConflictException("A re-plan of '" + milestone.name() + "' is waiting for the sponsor already"
						+ " (request #" + open.number() + "); it must be decided first.");
			});
		ProjectPeople.Person sponsor = people.sponsor(context);
		if (sponsor.role() == null || sponsor.role() == ProjectRole.STAKEHOLDER) {
			throw new ConflictException("The sponsor, " + sponsor.username() + ", "
					+ (sponsor.role() == null ? "is not a member of " : "is only a stakeholder in ")
					+ context.projectKey() + " and cannot agree to a re-plan; make them an approver of the project first.");
		}
		ApprovalRequest.Subject subject = new ApprovalRequest.Subject(SubjectKind.REPLAN, milestoneId,
				milestone.name(),
				new ApprovalRequest.Replan(milestone.targetDate(), body.targetDate(), body.reason().strip()));
		String title = "Re-plan '" + milestone.name() + "': target " + milestone.targetDate() + " → " + body.targetDate();
		return approvals.open(context, title.length() > 200 ? title.substring(0, 199) + "…" : title, body.reason().strip(),
				subject, ApprovalMode.ALL,
				body.dueDate() != null ? body.dueDate() : today.plusDays(DEFAULT_DAYS_TO_DECIDE),
				List.of(ApprovalStep.person(sponsor.id())), List.of());
	}

}
