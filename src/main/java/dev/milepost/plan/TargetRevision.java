package dev.milepost.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An agreed move of a milestone's target: the new date, why, who proposed it and when, and who
 * agreed and when (with the approval request it was agreed through).
 *
 * @param agreedOnBehalfOf the approver who delegated their turn to {@code agreedBy}, or null
 */
public record TargetRevision(LocalDate newTarget, String reason, UUID proposedBy, Instant proposedAt, UUID agreedBy,
		UUID agreedOnBehalfOf, Instant agreedAt, UUID approvalRequest) {

	public TargetRevision {
		Objects.requireNonNull(newTarget, "newTarget");
		Objects.requireNonNull(proposedBy, "proposedBy");
		Objects.requireNonNull(proposedAt, "proposedAt");
		Objects.requireNonNull(agreedBy, "agreedBy");
		Objects.requireNonNull(agreedAt, "agreedAt");
	}

}
