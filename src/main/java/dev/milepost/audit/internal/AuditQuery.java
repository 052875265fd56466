package dev.milepost.audit.internal;

import java.time.Instant;

/**
 * Which entries of one scope to list; every filter is optional.
 *
 * @param from recorded at or after
 * @param scope one chain, or null for every chain (the administrators' page)
 * @param to recorded before
 * @param entityIdContains part of the entity id, any case (the pages' free-text search)
 */
record AuditQuery(String scope, String entityType, String entityId, String actor, String action, Instant from,
		Instant to, String entityIdContains) {

	AuditQuery(String scope, String entityType, String entityId, String actor, String action, Instant from,
			Instant to) {
		this(scope, entityType, entityId, actor, action, from, to, null);
	}

}
