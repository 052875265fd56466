package dev.milepost.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an audit chain, exactly as stored. {@code changes}, {@code before} and
 * {@code after} are the canonical JSON text that was hashed, so the hash can be recomputed from
 * the stored columns alone.
 */
record AuditEntry(UUID id, String scope, long seq, Instant recordedAt, String actor, String entityType,
		String entityId, String action, String changes, String before, String after, String prevHash, String hash) {

	/** The next entry of a chain: numbered after its head and linked to the head's hash. */
	static AuditEntry next(ChainHead head, UUID id, Instant recordedAt, String actor, String entityType,
			String entityId, String action, String changes, String before, String after) {
		long seq = head.lastSeq() + 1;
		String hash = AuditHash.of(head.scope(), seq, recordedAt, actor, entityType, entityId, action, changes, before,
				after, head.lastHash());
		return new AuditEntry(id, head.scope(), seq, recordedAt, actor, entityType, entityId, action, changes, before,
				after, head.lastHash(), hash);
	}

	/** The hash these contents should have; differs from {@link #hash()} if a column was altered. */
	String recomputeHash() {
		return AuditHash.of(scope, seq, recordedAt, actor, entityType, entityId, action, changes, before, after,
				prevHash);
	}

}
