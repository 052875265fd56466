package dev.milepost.automation.definition;

import java.time.Instant;
import java.util.UUID;

/** One saved version of a blueprint; never changed once written. */
record StoredVersion(UUID id, UUID blueprintId, int number, String yaml, String author, Instant createdAt,
		boolean valid, String note) {
}
