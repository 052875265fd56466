package dev.milepost.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sending a notice from another module (automation), through the outbox like every other
 * notification: written in the caller's transaction, delivered in the background, never twice
 * for the same key.
 */
public interface Notices {

	/**
	 * A notice to send.
	 *
	 * @param key the idempotency key: a second notice with the same key sends nothing and answers
	 * the first one's id
	 * @param projectId the project it is about
	 * @param projectKey that project's key
	 * @param subjectType the entity it is about ({@code milestone}, {@code task}, …), or null
	 * @param subjectId that entity's id, or null
	 * @param title one line
	 * @param text the message
	 * @param data facts for webhook payloads (e.g. the run that sent it)
	 * @param usernames who is told; unknown or deactivated people are left out
	 * @param channels the channels to use whatever the people chose ({@link Channel#WEBHOOK}: the
	 * project's and workspace's webhooks subscribed to {@link NotificationKind#AUTOMATION}), or
	 * null to follow each person's preferences for that kind
	 * @param occurredAt when it happened
	 * @param about the thing that happened ({@link EventKeys}), or null: a person already told of it
	 * on a channel (by a built-in notice or another rule) is not told again there
	 */
	record Send(String key, UUID projectId, String projectKey, String subjectType, String subjectId, String title,
			String text, Map<String, Object> data, Collection<String> usernames, Set<Channel> channels,
			Instant occurredAt, String about) {

		public Send(String key, UUID projectId, String projectKey, String subjectType, String subjectId, String title,
				String text, Map<String, Object> data, Collection<String> usernames, Set<Channel> channels,
				Instant occurredAt) {
			this(key, projectId, projectKey, subjectType, subjectId, title, text, data, usernames, channels,
					occurredAt, null);
		}

	}

	/**
	 * What sending did: the notice's id (the same for every recipient), new or written before
	 * under the same key, and the people it told nothing new because each had already been told of
	 * the same thing (its {@code about}) on those channels.
	 */
	record Sent(UUID id, Set<String> alreadyTold) {
	}

	/** Sends one notice. */
	Sent send(Send notice);

	/**
	 * Sends many notices at once (one write per table, each person looked up once): what each
	 * did, in order, as {@link #send(Send)} answers it.
	 */
	List<Sent> sendAll(List<Send> notices);

	/**
	 * Calls an address once with a JSON payload, signed like the webhooks (Standard Webhooks
	 * headers, {@code webhook-id} = the key) with the workspace's automation secret, after the same
	 * check of the address (no private or loopback targets unless allowed).
	 *
	 * @return what happened: the status code, or why it was not called or failed
	 */
	WebhookCall call(String key, String url, Map<String, Object> payload);

	/** The result of one call: {@code ok} for a 2xx answer. */
	record WebhookCall(boolean ok, Integer status, String detail) {
	}

	/** The channels a blueprint can name: in-app, email, webhook. */
	static List<Channel> channels() {
		return List.of(Channel.values());
	}

}
