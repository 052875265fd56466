package dev.milepost.approval;

import java.time.Instant;
import java.util.UUID;

/**
 * An approver decided their turn of a request.
 *
 * @param title the request's title, as it reads when the decision is made
 * @param onBehalfOf the approver who delegated their turn to {@code decidedBy}, or null
 * @param status the request's status after this decision: still pending, or approved or rejected
 */
public record ApprovalDecided(String projectKey, UUID requestId, long number, String title,
		SubjectKind subjectKind, UUID subjectId, Decision decision, String decidedBy, String onBehalfOf, String comment,
		Instant decidedAt, ApprovalStatus status) {
}
