package dev.milepost.audit.internal;

/** The last entry of a scope's chain, as {@code audit_chain} remembers it. */
record ChainHead(String scope, long lastSeq, String lastHash) {

	static ChainHead empty(String scope) {
		return new ChainHead(scope, 0, AuditHash.GENESIS);
	}

}
