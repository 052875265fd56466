package dev.milepost.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An approval decided through an approval request, presented to a milestone as the evidence its
 * approval criterion asks for.
 *
 * @param requestId the approval request it was decided through
 * @param requestNumber the request's number in its project, as people refer to it ("request #3")
 * @param decidedBy who decided
 * @param onBehalfOf the approver who delegated their turn to {@code decidedBy}, or null when the
 *        approver decided themselves
 * @param comment what the approver said, may be null
 * @param decidedAt when
 * @param openWorkAcknowledged whether the decision that approved the request was taken by someone
 *        who saw the work upstream of the milestone still open and said so
 */
public record ApprovalGiven(UUID requestId, long requestNumber, UUID decidedBy, UUID onBehalfOf, String comment,
		Instant decidedAt, boolean openWorkAcknowledged) {

	public ApprovalGiven {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(decidedBy, "decidedBy");
		Objects.requireNonNull(decidedAt, "decidedAt");
	}

}
