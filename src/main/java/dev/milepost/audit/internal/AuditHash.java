package dev.milepost.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of an entry. The fields are hashed as a canonical JSON array, whose string quoting
 * keeps field boundaries unambiguous ({@code "ab","c"} never reads as {@code "a","bc"}); the JSON
 * columns go in as strings, so the hash covers exactly the text that is stored.
 */
final class AuditHash {

	/** What the first entry of every chain links to. */
	static final String GENESIS = "0".repeat(64);

	// names the layout, so a future change of it can be told apart from tampering
	private static final String FORMAT = "milepost-audit-1";

	private AuditHash() {
	}

	static String of(String scope, long seq, Instant recordedAt, String actor, String entityType, String entityId,
			String action, String changes, String before, String after, String prevHash) {
		return sha256(canonical(scope, seq, recordedAt, actor, entityType, entityId, action, changes, before, after,
				prevHash));
	}

	static String canonical(String scope, long seq, Instant recordedAt, String actor, String entityType,
			String entityId, String action, String changes, String before, String after, String prevHash) {
		return CanonicalJson.write(Arrays.asList(FORMAT, scope, seq, recordedAt == null ? null : recordedAt.toString(),
				actor, entityType, entityId, action, changes, before, after, prevHash));
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is always available", e);
		}
	}

}
