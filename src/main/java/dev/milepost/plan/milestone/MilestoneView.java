package dev.milepost.plan.milestone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ProjectRole;

/** A milestone as the API shows it; {@code achievement} is null until it is achieved. */
public record MilestoneView(UUID id, String name, String description, LocalDate targetDate, String owner,
		CriterionView criterion, List<String> tags, boolean achieved, Achievement achievement, Instant createdAt) {

	public record CriterionView(CriterionKind kind, String text, String approver, ProjectRole role) {
	}

	public record Achievement(Instant at, String by, CriterionKind evidenceKind, String evidence) {
	}

}
