package dev.milepost.process;

import java.time.Instant;
import java.util.UUID;

/**
 * A process's closing milestone was achieved. Published in the transaction that achieved it.
 *
 * @param template the template's key (built-in) or id (the project's own)
 */
public record ProcessCompleted(String projectKey, UUID processId, String name, String template, String templateName,
		UUID milestoneId, Instant completedAt) {
}
