package dev.milepost.notification.outbox;

import java.time.Instant;
import java.util.UUID;

import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;

/**
 * A delivery this instance has claimed (leased) and must now deliver, with what it is about.
 *
 * @param id the delivery's id, also the {@code webhook-id} of a webhook delivery
 * @param lease the claim's token: only its holder may record the outcome
 * @param attempts the attempts made so far, this one included
 * @param retryFrom when the retries of this delivery started counting
 */
public record Claimed(UUID id, UUID lease, Channel channel, UUID recipientId, UUID webhookId, int attempts,
		Instant retryFrom, Event event) {

	/** The notice a delivery carries, as stored. */
	public record Event(UUID id, String key, NotificationKind kind, String projectKey, String subjectType,
			String subjectId, String title, String body, String data, Instant occurredAt) {

		public Subject subject() {
			return Subject.of(projectKey, subjectType, subjectId);
		}

	}

}
