package dev.milepost.plan;

import java.time.Instant;
import java.util.UUID;

/** A milestone's completion criterion was met and recorded. */
public record MilestoneAchieved(String projectKey, UUID milestoneId, String name, String achievedBy,
		Instant achievedAt, String evidenceKind, String evidence) {
}
