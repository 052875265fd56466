package dev.milepost.approval.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.Decision;
import dev.milepost.approval.SubjectKind;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.WorkItem;

/**
 * An approval request as the API shows it, the same for everyone who may read it. Each approver's
 * {@code state} says whether they may decide now ({@code WAITING}), wait for an earlier approver
 * in a sequence ({@code QUEUED}) or for the steps the request follows ({@code AWAITING_STEPS}),
 * have decided, or are no longer needed because the request closed. While it is pending,
 * {@code waitingFor} lists the steps it follows that are not done yet, and {@code openWork} the
 * unfinished tasks upstream of its milestone: what an approver sees before deciding.
 */
record ApprovalView(UUID id, long number, String project, String title, String description, SubjectView subject,
		ApprovalMode mode, LocalDate dueDate, boolean overdue, ApprovalStatus status, String requestedBy,
		Instant requestedAt, Instant closedAt, List<ApproverView> approvers, List<WaitedOnView> waitingFor,
		List<WorkItem> openWork) {

	/** {@code name} is the milestone's or deliverable's name when the request was made. */
	record SubjectView(SubjectKind kind, UUID id, String name, ReplanView replan) {
	}

	record ReplanView(LocalDate from, LocalDate to, String reason) {
	}

	/** One turn: a named person ({@code username}) or whoever holds {@code role}. */
	record ApproverView(String username, ProjectRole role, State state, DelegationView delegation,
			DecisionView decision) {
	}

	enum State {
		WAITING, QUEUED, AWAITING_STEPS, APPROVED, REJECTED, NOT_NEEDED
	}

	/** A step the request follows that is not done yet: a task ({@code state} its progress) or a request. */
	record WaitedOnView(String kind, UUID id, String name, String state) {
	}

	record DelegationView(String to, String by, Instant at, String note) {
	}

	/** {@code openWork}: the unfinished work upstream of the milestone the decider was shown, as recorded. */
	record DecisionView(Decision decision, String by, String onBehalfOf, Instant at, String comment,
			List<String> openWork) {
	}

}
