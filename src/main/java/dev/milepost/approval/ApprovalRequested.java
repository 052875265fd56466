package dev.milepost.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An approval was requested.
 *
 * @param approvers the approvers in the order named: a username, or {@code role:APPROVER} for
 *        whoever holds a project role
 * @param subjectId the milestone or deliverable it is about, null for a free question
 */
public record ApprovalRequested(String projectKey, UUID requestId, long number, String title,
		SubjectKind subjectKind, UUID subjectId, ApprovalMode mode, List<String> approvers, LocalDate dueDate,
		String requestedBy, Instant requestedAt) {
}
