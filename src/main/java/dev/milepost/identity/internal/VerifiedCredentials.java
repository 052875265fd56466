package dev.milepost.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Username-and-password pairs bcrypt has recently accepted, so that repeated HTTP Basic requests
 * do not pay a bcrypt each. Only a pair that matched is remembered, and never as itself: the key is
 * an HMAC of username and password under a random key made when the process starts (a heap dump
 * shows no passwords, and the keys are useless to another process). Each entry holds the stored
 * hash it was checked against, the credential's version stamp: once the password changes the
 * stored hash differs and the entry is worthless. Entries live {@code ttl} at most, the oldest
 * go first beyond {@code capacity}, and changes to a person drop theirs at once.
 */
final class VerifiedCredentials {

	private record Entry(String username, String storedHash, Instant expires) {
	}

	private final byte[] key = new byte[32];

	private final int capacity;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> entries;

	VerifiedCredentials(int capacity, Duration ttl, Clock clock) {
		if (capacity < 1 || ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("The credential cache needs a capacity ≥ 1 and a positive time to live.");
		}
		new SecureRandom().nextBytes(key);
		this.capacity = capacity;
		this.ttl = ttl;
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > VerifiedCredentials.this.capacity;
			}

		};
	}

	/** Whether this pair was accepted against exactly this stored hash recently. */
	boolean recentlyVerified(String username, String password, String storedHash) {
		String id = idOf(username, password);
		synchronized (entries) {
			Entry entry = entries.get(id);
			if (entry == null) {
				return false;
			}
			if (!entry.storedHash().equals(storedHash) || !clock.instant().isBefore(entry.expires())) {
				entries.remove(id);
				return false;
			}
			return true;
		}
	}

	/** Remembers a pair that bcrypt just accepted against the stored hash. */
	void verified(String username, String password, String storedHash) {
		String id = idOf(username, password);
		Entry entry = new Entry(username, storedHash, clock.instant().plus(ttl));
		synchronized (entries) {
			entries.put(id, entry);
		}
	}

	/** Drops everything remembered for a person: their password or standing changed. */
	void forget(String username) {
		synchronized (entries) {
			entries.values().removeIf(entry -> entry.username().equals(username));
		}
	}

	int size() {
		synchronized (entries) {
			return entries.size();
		}
	}

	private String idOf(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			// a separator no username contains, so ("ab", "c") and ("a", "bc") differ
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is always available", e);
		}
	}

}
