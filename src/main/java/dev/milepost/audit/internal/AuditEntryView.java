package dev.milepost.audit.internal;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An audit entry as the API shows it, with its JSON columns as objects rather than strings. */
record AuditEntryView(UUID id, long seq, Instant recordedAt, String actor, String entityType, String entityId,
		String action, JsonNode changes, JsonNode before, JsonNode after, String hash, String prevHash) {

	static AuditEntryView of(AuditEntry entry, JsonMapper json) {
		return new AuditEntryView(entry.id(), entry.seq(), entry.recordedAt(), entry.actor(), entry.entityType(),
				entry.entityId(), entry.action(), json.readTree(entry.changes()), json.readTree(entry.before()),
				json.readTree(entry.after()), entry.hash(), entry.prevHash());
	}

}
