package dev.milepost.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One milestone as a person reads it: what it marks, who answers for it, how it is checked and,
 * once achieved, who achieved it, when and on what evidence. People are given by username.
 *
 * @param criterion the kind of check in words, e.g. "approval by a named person"
 * @param achievedOpenWork the work upstream still open when it was achieved, as the achiever saw it
 * @param achievementRecordedAt when an achievement recorded after the day it happened (back-dated)
 *        was put on the record; null when it was recorded as it happened
 */
public record MilestoneDetails(UUID id, String name, String description, LocalDate targetDate, String owner,
		CriterionKind criterionKind, String criterion, String criterionText, String approver, ProjectRole role,
		List<String> tags, Instant achievedAt, String achievedBy, String evidence, List<String> achievedOpenWork,
		Instant achievementRecordedAt) {

	public boolean achieved() {
		return achievedAt != null;
	}

}
