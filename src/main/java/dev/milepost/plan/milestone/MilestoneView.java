package dev.milepost.plan.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.ProjectRole;

/**
 * A milestone as the API shows it; {@code achievement} is null until it is achieved.
 * {@code originalTarget} is the target it was created with; {@code revisions} are the moves of its
 * target since, oldest first.
 */
public record MilestoneView(UUID id, String name, String description, LocalDate targetDate, LocalDate originalTarget,
		String owner, CriterionView criterion, List<String> tags, boolean achieved, Achievement achievement,
		List<Revision> revisions, Instant createdAt) {

	public record CriterionView(CriterionKind kind, String text, String approver, ProjectRole role) {
	}

	/**
	 * Who achieved it, when and on what evidence; {@code openWork} is the work upstream that was
	 * still open then, as the person who achieved it was shown it (and acknowledged, for an
	 * approval or the owner's confirmation). {@code backDated} is set when it was recorded after the
	 * day it happened, null otherwise.
	 */
	public record Achievement(Instant at, String by, CriterionKind evidenceKind, String evidence,
			List<String> openWork, BackDated backDated) {
	}

	/**
	 * An achievement recorded after the day it happened: {@code on} the day it happened,
	 * {@code recordedAt} when it was put on the record, {@code recordedBy} who put it there.
	 */
	public record BackDated(LocalDate on, Instant recordedAt, String recordedBy) {
	}

	/**
	 * One move of the target. A re-plan names who agreed (and for whom, when a delegate decided)
	 * and the approval request; a manager's edit of an on-track milestone names nobody.
	 */
	public record Revision(LocalDate from, LocalDate to, String reason, String proposedBy, Instant proposedAt,
			String agreedBy, String onBehalfOf, Instant agreedAt, UUID approvalRequest) {
	}

}
