package dev.milepost.audit.internal;

/**
 * The checks on one chain, entry by entry in seq order: numbered without gaps from 1, contents
 * matching the hash, linked to the entry before, and ending where the chain's head says.
 */
final class ChainLinks {

	private final String scope;

	private long lastSeq;

	private String lastHash = AuditHash.GENESIS;

	private AuditEntry last;

	private long checked;

	ChainLinks(String scope) {
		this.scope = scope;
	}

	/** Checks the next entry; returns where the chain breaks, or {@code null} if it holds. */
	Verification.Break follow(AuditEntry entry) {
		checked++;
		if (entry.seq() != lastSeq + 1) {
			return broken(entry, Verification.gapBefore(entry.seq()));
		}
		if (!entry.recomputeHash().equals(entry.hash())) {
			return broken(entry, Verification.HASH_MISMATCH);
		}
		if (!entry.prevHash().equals(lastHash)) {
			return broken(entry, Verification.LINK_BROKEN);
		}
		lastSeq = entry.seq();
		lastHash = entry.hash();
		last = entry;
		return null;
	}

	/** Checks the chain's stored head against the last entry; {@code head} is null when there is none. */
	Verification.Break endsAt(ChainHead head) {
		boolean matches = head == null ? last == null
				: head.lastSeq() == lastSeq && head.lastHash().equals(lastHash);
		if (matches) {
			return null;
		}
		return new Verification.Break(scope, last == null ? null : last.seq(), last == null ? null : last.id(),
				Verification.HEAD_MISMATCH);
	}

	long lastSeq() {
		return lastSeq;
	}

	long checked() {
		return checked;
	}

	private Verification.Break broken(AuditEntry entry, String reason) {
		return new Verification.Break(scope, entry.seq(), entry.id(), reason);
	}

}
