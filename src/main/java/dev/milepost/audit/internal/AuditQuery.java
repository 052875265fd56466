package dev.milepost.audit.internal;

import java.time.Instant;

/**
 * Which entries of one scope to list; every filter is optional.
 *
 * @param from recorded at or after
 * @param to recorded before
 */
record AuditQuery(String scope, String entityType, String entityId, String actor, String action, Instant from,
		Instant to) {
}
