package dev.milepost.approval.internal;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A step a request follows and waits for: a task that must be done, or another request that must
 * be approved, before anyone decides this one (a process's approval step after its tasks).
 * {@code name} is the step's name when the request was opened.
 */
@Table("approval_prerequisite")
record ApprovalPrerequisite(Kind kind, UUID stepId, String name) {

	enum Kind {
		TASK, APPROVAL
	}

	static ApprovalPrerequisite task(UUID id, String name) {
		return new ApprovalPrerequisite(Kind.TASK, id, name);
	}

	static ApprovalPrerequisite approval(UUID id, String name) {
		return new ApprovalPrerequisite(Kind.APPROVAL, id, name);
	}

}
