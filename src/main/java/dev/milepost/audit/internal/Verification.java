package dev.milepost.audit.internal;

import java.util.UUID;

/**
 * The outcome of checking the audit chains.
 *
 * @param firstBroken where the first chain found broken breaks, or {@code null} when all are intact
 */
record Verification(boolean intact, long chainsChecked, long entriesChecked, Break firstBroken) {

	static final String HASH_MISMATCH = "hash does not match the entry's contents";

	static final String LINK_BROKEN = "link to the previous entry is broken";

	static final String HEAD_MISMATCH = "chain head does not match the last entry";

	static String gapBefore(long seq) {
		return "entry missing (gap before seq " + seq + ")";
	}

	/** Where a chain breaks; {@code seq} and {@code entryId} name the first entry that fails a check. */
	record Break(String scope, Long seq, UUID entryId, String reason) {
	}

}
