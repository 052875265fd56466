package dev.milepost.notification.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff: the wait after the n-th failed attempt is {@code initial × 2^(n-1)}, at
 * most {@code max}; once {@code retryFor} has passed since the first attempt there is no next
 * attempt, and the delivery becomes an incident.
 */
public record Backoff(Duration initial, Duration max, Duration retryFor) {

	public Backoff {
		if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("The backoff needs 0 < initial <= max, got " + initial + " and " + max);
		}
	}

	/** The wait after the given number of failed attempts (1 for the first failure). */
	public Duration delayAfter(int failedAttempts) {
		int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
		Duration delay = initial;
		for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(max) > 0 ? max : delay;
	}

	/** When to try again after a failure at {@code now}, or empty when the retries have run out. */
	public Optional<Instant> next(int failedAttempts, Instant firstAttempt, Instant now) {
		if (!now.isBefore(firstAttempt.plus(retryFor))) {
			return Optional.empty();
		}
		return Optional.of(now.plus(delayAfter(failedAttempts)));
	}

}
