package dev.milepost.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.milepost.notification.outbox.Backoff;
import dev.milepost.notification.outbox.NotificationSettings;
import org.junit.jupiter.api.Test;

/** The retry schedule: doubling waits up to a ceiling, and retries for at least a day by default. */
class BackoffTests {

	private final Backoff defaults = new NotificationSettings(null, null, null, null, null, null, null, null, null)
		.backoff();

	@Test
	void waitsDoubleFromThirtySecondsUpToFourHours() {
		assertThat(List.of(1, 2, 3, 4, 9, 10, 11, 40).stream().map(defaults::delayAfter).toList()).containsExactly(
				Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(128), Duration.ofHours(4), Duration.ofHours(4), Duration.ofHours(4));
	}

	@Test
	void aFailingDeliveryIsRetriedForAtLeastTwentyFourHoursThenGivenUp() {
		Instant first = Instant.parse("2026-01-05T09:00:00Z");
		List<Instant> attempts = new ArrayList<>(List.of(first));
		Optional<Instant> next = defaults.next(1, first, first);
		while (next.isPresent()) {
			attempts.add(next.get());
			next = defaults.next(attempts.size(), first, next.get());
		}
		Instant last = attempts.get(attempts.size() - 1);
		assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofHours(24))
			.isLessThan(Duration.ofHours(29));
		assertThat(attempts).hasSize(15);
		assertThat(attempts.get(1)).isEqualTo(first.plusSeconds(30));
	}

}
