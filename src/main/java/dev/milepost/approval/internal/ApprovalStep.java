package dev.milepost.approval.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.Decision;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.WorkItem;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One approver's turn in a request: a named person, or whoever holds a project role; handed to a
 * delegate or not; decided or not. Immutable: each change makes a new turn.
 *
 * @param delegatedBy who handed the turn to the delegate: the named approver, or the role holder
 * @param openWork the work upstream of the request's milestone that was still open when the turn
 *        was decided, one line each, as the decider was shown it; null when there was none
 */
@Table("approval_step")
record ApprovalStep(UUID approverId, ProjectRole approverRole, UUID delegateId, UUID delegatedBy, Instant delegatedAt,
		String delegationNote, Decision decision, UUID decidedBy, Instant decidedAt,
		@Column("decision_comment") String comment, @Column("decision_open_work") String openWork) {

	static ApprovalStep person(UUID approverId) {
		return new ApprovalStep(approverId, null, null, null, null, null, null, null, null, null, null);
	}

	static ApprovalStep role(ProjectRole role) {
		return new ApprovalStep(null, role, null, null, null, null, null, null, null, null, null);
	}

	/** The open work the decider was shown, as recorded with the decision. */
	List<String> openWorkShown() {
		return WorkItem.fromRecord(openWork);
	}

	boolean decided() {
		return decision != null;
	}

	boolean delegated() {
		return delegateId != null;
	}

	/** Whether this person, holding this role in the project, may decide the turn now. */
	boolean heldBy(UUID user, ProjectRole role) {
		if (delegated()) {
			return delegateId.equals(user);
		}
		return approverId != null ? approverId.equals(user) : role != null && role == approverRole;
	}

	/** Whether this person may hand the turn to someone else: whoever holds it, unless it is a delegate. */
	boolean delegableBy(UUID user, ProjectRole role) {
		if (decided()) {
			return false;
		}
		return delegated() ? delegatedBy.equals(user) : heldBy(user, role);
	}

	/** Whether the person has any part in this turn: named, delegated to, handed it over, or decided it. */
	boolean involves(UUID user) {
		return user.equals(approverId) || user.equals(delegateId) || user.equals(delegatedBy)
				|| user.equals(decidedBy);
	}

	/** The approver a delegate decides for; null when the turn is not delegated. */
	UUID onBehalfOf() {
		if (!delegated()) {
			return null;
		}
		return approverId != null ? approverId : delegatedBy;
	}

	ApprovalStep delegatedTo(UUID delegate, UUID by, String note, Instant at) {
		return new ApprovalStep(approverId, approverRole, delegate, by, at, note, null, null, null, null, null);
	}

	ApprovalStep takenBack() {
		return new ApprovalStep(approverId, approverRole, null, null, null, null, null, null, null, null, null);
	}

	ApprovalStep decide(Decision decision, UUID by, String comment, Instant at, List<WorkItem> openWork) {
		return new ApprovalStep(approverId, approverRole, delegateId, delegatedBy, delegatedAt, delegationNote,
				decision, by, at, comment, WorkItem.asRecord(openWork));
	}

}
