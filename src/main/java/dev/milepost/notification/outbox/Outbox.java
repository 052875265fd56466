package dev.milepost.notification.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.notification.Channel;
import dev.milepost.notification.email.MailChannel;
import dev.milepost.notification.preference.Preferences;
import dev.milepost.notification.webhook.Webhooks;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes notices and their deliveries to the outbox, inside the transaction of the change that
 * caused them: a rolled-back change leaves nothing to deliver, a committed one always has its
 * deliveries. Each delivery's idempotency key (notice key, recipient, channel) is unique, so
 * writing the same notice again adds nothing.
 */
@Component
public class Outbox {

	/** Deliveries that wait to be delivered. */
	public static final String PENDING = "PENDING";

	/** E-mails kept for the recipient's daily digest. */
	public static final String HELD = "HELD";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json;

	private final Users users;

	private final Preferences preferences;

	private final Webhooks webhooks;

	private final MailChannel mail;

	private final Clock clock;

	Outbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, Users users, Preferences preferences,
			Webhooks webhooks, MailChannel mail, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
		this.users = users;
		this.preferences = preferences;
		this.webhooks = webhooks;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Writes the notice for the people named (by username; unknown or deactivated people are
	 * left out) on the channels each chose, and for every webhook subscribed to its kind.
	 * Returns false, writing nothing, when a notice with the same key was written before.
	 */
	@Transactional
	public boolean enqueue(Notice notice, Collection<String> usernames) {
		Optional<UUID> eventId = insertEvent(notice);
		if (eventId.isEmpty()) {
			return false;
		}
		List<Row> rows = new ArrayList<>();
		for (String username : new LinkedHashSet<>(usernames)) {
			if (username == null) {
				continue;
			}
			users.findByUsername(username).filter(UserSummary::enabled).ifPresent(user -> {
				Set<Channel> channels = preferences.channels(user.id(), notice.kind());
				if (channels.contains(Channel.IN_APP)) {
					rows.add(new Row(Channel.IN_APP, user.id(), null, notice.projectId(), PENDING));
				}
				if (channels.contains(Channel.EMAIL) && mail.available() && user.email() != null
						&& !user.email().isBlank()) {
					rows.add(new Row(Channel.EMAIL, user.id(), null, notice.projectId(),
							preferences.digest(user.id()) ? HELD : PENDING));
				}
			});
		}
		for (Webhooks.Subscriber hook : webhooks.subscribers(notice.projectId(), notice.kind())) {
			rows.add(new Row(Channel.WEBHOOK, null, hook.id(), hook.projectId(), PENDING));
		}
		insertDeliveries(notice.key(), eventId.get(), rows);
		return true;
	}

	/** Writes a notice for one person on one channel, whatever their preferences (the digest). */
	@Transactional
	public boolean enqueueTo(Notice notice, UUID recipientId, Channel channel) {
		Optional<UUID> eventId = insertEvent(notice);
		eventId.ifPresent(id -> insertDeliveries(notice.key(), id,
				List.of(new Row(channel, recipientId, null, notice.projectId(), PENDING))));
		return eventId.isPresent();
	}

	private record Row(Channel channel, UUID recipientId, UUID webhookId, UUID projectId, String status) {

		String idempotencyKey(String noticeKey) {
			return noticeKey + ":" + (webhookId != null ? "webhook-" + webhookId : recipientId) + ":" + channel;
		}

	}

	private Optional<UUID> insertEvent(Notice notice) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into notification_event (id, event_key, kind, project_id, project_key, subject_type, subject_id,
				                                title, body, data, occurred_at)
				values (:id, :key, :kind, :projectId, :projectKey, :subjectType, :subjectId, :title, :body, :data, :at)
				on conflict do nothing""")
			.param("id", id)
			.param("key", notice.key())
			.param("kind", notice.kind().name())
			.param("projectId", notice.projectId())
			.param("projectKey", notice.projectKey())
			.param("subjectType", notice.subjectType())
			.param("subjectId", notice.subjectId())
			.param("title", clip(notice.title(), 300))
			.param("body", clip(notice.text(), 8000))
			.param("data", json.writeValueAsString(notice.data()))
			.param("at", Timestamp.from(notice.occurredAt()))
			.update();
		return inserted == 1 ? Optional.of(id) : Optional.empty();
	}

	private void insertDeliveries(String noticeKey, UUID eventId, List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		MapSqlParameterSource[] batch = rows.stream()
			.map(row -> new MapSqlParameterSource().addValue("id", UUID.randomUUID())
				.addValue("key", row.idempotencyKey(noticeKey))
				.addValue("event", eventId)
				.addValue("channel", row.channel().name())
				.addValue("recipient", row.recipientId())
				.addValue("webhook", row.webhookId())
				.addValue("project", row.projectId())
				.addValue("status", row.status())
				.addValue("now", now))
			.toArray(MapSqlParameterSource[]::new);
		named.batchUpdate("""
				insert into notification_delivery (id, idempotency_key, event_id, channel, recipient_id, webhook_id,
				                                   project_id, status, attempts, next_attempt_at, retry_from, created_at)
				values (:id, :key, :event, :channel, :recipient, :webhook, :project, :status, 0, :now, :now, :now)
				on conflict do nothing""", batch);
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
