package dev.milepost.notification.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.MultiRow;
import dev.milepost.identity.UserSummary;
import dev.milepost.identity.Users;
import dev.milepost.notification.Channel;
import dev.milepost.notification.email.MailChannel;
import dev.milepost.notification.preference.Preferences;
import dev.milepost.notification.webhook.Webhooks;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json;

	private final Users users;

	private final Preferences preferences;

	private final Webhooks webhooks;

	private final MailChannel mail;

	private final Clock clock;

	Outbox(NamedParameterJdbcTemplate named, JsonMapper json, Users users, Preferences preferences,
			Webhooks webhooks, MailChannel mail, Clock clock) {
		this.named = named;
		this.json = json;
		this.users = users;
		this.preferences = preferences;
		this.webhooks = webhooks;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * A notice and the people (usernames) it is for, on the channels given whatever the people
	 * chose, or (channels null) on the channels each chose.
	 */
	public record Addressed(Notice notice, Collection<String> usernames, Set<Channel> channels) {

		public Addressed(Notice notice, Collection<String> usernames) {
			this(notice, usernames, null);
		}

	}

	/**
	 * Writes the notice for the people named (by username; unknown or deactivated people are
	 * left out) on the channels each chose, and for every webhook subscribed to its kind.
	 * Returns false, writing nothing, when a notice with the same key was written before.
	 */
	@Transactional
	public boolean enqueue(Notice notice, Collection<String> usernames) {
		return enqueueAll(List.of(new Addressed(notice, usernames))) == 1;
	}

	/**
	 * Writes many notices at once (the reminder run), looking each person and webhook up once.
	 * Returns how many notices were new.
	 */
	@Transactional
	public int enqueueAll(List<Addressed> notices) {
		return written(notices);
	}

	/**
	 * Writes the notice on the channels given, whatever the people chose (a blueprint's
	 * {@code notify} with channels): in-app and e-mail to the people, webhook to the subscribed
	 * webhooks. Returns false when a notice with the same key was written before.
	 */
	@Transactional
	public boolean enqueueOn(Notice notice, Collection<String> usernames, Set<Channel> channels) {
		return written(List.of(new Addressed(notice, usernames, channels))) == 1;
	}

	/**
	 * What writing a notice did: its event id (for a key written before, the earlier one) and the
	 * people it reached nobody new for, because each had already been told of the same thing on
	 * those channels (by a built-in notice, another rule, or an earlier notice of the batch).
	 */
	public record Written(UUID id, Set<String> alreadyTold) {
	}

	/**
	 * Writes many notices at once, each on its own channels, looking each person and webhook up
	 * once; answers, in order, each notice's id and who had already been told of it.
	 */
	@Transactional
	public List<Written> enqueueEach(List<Addressed> notices) {
		List<UUID> ids = new ArrayList<>();
		List<Set<String>> already = new ArrayList<>();
		write(notices, ids, already);
		List<Written> written = new ArrayList<>(notices.size());
		for (int i = 0; i < notices.size(); i++) {
			written.add(new Written(ids.get(i), already.get(i)));
		}
		return written;
	}

	/** Writes the notices; returns how many were new. */
	private int written(List<Addressed> notices) {
		return (int) java.util.Arrays.stream(write(notices, new ArrayList<>(), new ArrayList<>()))
			.filter(count -> count == 1)
			.count();
	}

	/**
	 * Writes the notices and their deliveries, a chunk of rows per statement; {@code ids} gets each
	 * one's id (new, or the earlier notice's) and {@code already} the people each one told nothing
	 * new; an entry of the result is 1 where the notice was new.
	 */
	private int[] write(List<Addressed> notices, List<UUID> ids, List<Set<String>> already) {
		if (notices.isEmpty()) {
			return new int[0];
		}
		int[] inserted = insertEvents(notices.stream().map(Addressed::notice).toList(), ids);
		Map<String, Optional<Recipient>> people = new HashMap<>();
		Map<String, List<Webhooks.Subscriber>> hooks = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < notices.size(); i++) {
			if (inserted[i] != 1) {
				continue;
			}
			int index = i;
			Notice notice = notices.get(i).notice();
			Set<Channel> chosen = notices.get(i).channels();
			UUID eventId = ids.get(i);
			for (String username : new LinkedHashSet<>(notices.get(i).usernames())) {
				if (username == null) {
					continue;
				}
				people.computeIfAbsent(username, this::recipient).ifPresent(person -> {
					Set<Channel> channels = chosen != null ? chosen
							: person.choice().channels().getOrDefault(notice.kind(), Set.of());
					if (channels.contains(Channel.IN_APP)) {
						rows.add(new Row(personal(notice), eventId, Channel.IN_APP, person.id(), null,
								notice.projectId(), PENDING, index, username));
					}
					if (channels.contains(Channel.EMAIL) && mail.available() && person.email() != null) {
						rows.add(new Row(personal(notice), eventId, Channel.EMAIL, person.id(), null,
								notice.projectId(),
								person.choice().emailDigest() == Preferences.Digest.DAILY ? HELD : PENDING, index,
								username));
					}
				});
			}
			List<Webhooks.Subscriber> subscribed = chosen != null && !chosen.contains(Channel.WEBHOOK) ? List.of()
					: hooks.computeIfAbsent(notice.projectId() + ":" + notice.kind(),
							key -> webhooks.subscribers(notice.projectId(), notice.kind()));
			for (Webhooks.Subscriber hook : subscribed) {
				rows.add(new Row(notice.key(), eventId, Channel.WEBHOOK, null, hook.id(), hook.projectId(), PENDING,
						index, null));
			}
		}
		Map<Integer, Set<String>> told = insertDeliveries(rows);
		for (int i = 0; i < notices.size(); i++) {
			already.add(told.getOrDefault(i, Set.of()));
		}
		return inserted;
	}

	/**
	 * What a person's delivery is keyed by, with its recipient and channel: the thing that happened
	 * when the notice names it, so a person is told of it once per channel whichever notice (a
	 * built-in one, any rule's) came first; otherwise the notice itself. Webhooks are keyed by the
	 * notice: each subscribes to kinds of notice, not to people.
	 */
	static String personal(Notice notice) {
		return notice.about() == null ? notice.key() : "about:" + notice.about();
	}

	/** Writes a notice for one person on one channel, whatever their preferences (the digest). */
	@Transactional
	public boolean enqueueTo(Notice notice, UUID recipientId, Channel channel) {
		List<UUID> ids = new ArrayList<>();
		boolean inserted = insertEvents(List.of(notice), ids)[0] == 1;
		if (inserted) {
			insertDeliveries(List.of(
					new Row(notice.key(), ids.get(0), channel, recipientId, null, notice.projectId(), PENDING, 0, null)));
		}
		return inserted;
	}

	private record Recipient(UUID id, String email, Preferences.Choice choice) {
	}

	private Optional<Recipient> recipient(String username) {
		return users.findByUsername(username)
			.filter(UserSummary::enabled)
			.map(user -> new Recipient(user.id(), user.email() == null || user.email().isBlank() ? null : user.email(),
					preferences.of(user.id())));
	}

	/** A delivery to write, with the notice of the batch it is for and the person's username (null for a webhook). */
	private record Row(String noticeKey, UUID eventId, Channel channel, UUID recipientId, UUID webhookId,
			UUID projectId, String status, int notice, String username) {

		String idempotencyKey() {
			return noticeKey + ":" + (webhookId != null ? "webhook-" + webhookId : recipientId) + ":" + channel;
		}

	}

	/**
	 * Inserts the notices a chunk per statement; only when the count says some keys were written
	 * before are the ids read back, to tell the new notices from the earlier ones. Each entry of
	 * {@code ids} is the notice's id, new or earlier.
	 */
	private int[] insertEvents(List<Notice> notices, List<UUID> ids) {
		int[] inserted = new int[notices.size()];
		List<Map<String, ?>> rows = new ArrayList<>();
		Map<String, UUID> mine = new HashMap<>();
		for (Notice notice : notices) {
			UUID id = mine.get(notice.key());
			if (id == null) {
				id = UUID.randomUUID();
				mine.put(notice.key(), id);
				Map<String, Object> row = new HashMap<>();
				row.put("id", id);
				row.put("key", notice.key());
				row.put("kind", notice.kind().name());
				row.put("projectId", notice.projectId());
				row.put("projectKey", notice.projectKey());
				row.put("subjectType", notice.subjectType());
				row.put("subjectId", notice.subjectId());
				row.put("title", clip(notice.title(), 300));
				row.put("body", clip(notice.text(), 8000));
				row.put("data", json.writeValueAsString(notice.data()));
				row.put("at", Timestamp.from(notice.occurredAt()));
				rows.add(row);
			}
		}
		int written = MultiRow.insert(named, """
				insert into notification_event (id, event_key, kind, project_id, project_key, subject_type, subject_id,
				                                title, body, data, occurred_at)""",
				"(:id, :key, :kind, :projectId, :projectKey, :subjectType, :subjectId, :title, :body, :data, :at)",
				"on conflict do nothing", rows);
		Map<String, UUID> stored = new HashMap<>(mine);
		if (written != rows.size()) {
			named.query("select event_key, id from notification_event where event_key in (:keys)",
					Map.of("keys", List.copyOf(mine.keySet())),
					(java.sql.ResultSet rs) -> {
						stored.put(rs.getString(1), rs.getObject(2, UUID.class));
					});
		}
		java.util.Set<String> counted = new java.util.HashSet<>();
		for (int i = 0; i < notices.size(); i++) {
			String key = notices.get(i).key();
			UUID id = stored.get(key);
			ids.add(id);
			inserted[i] = id.equals(mine.get(key)) && counted.add(key) ? 1 : 0;
		}
		return inserted;
	}

	/**
	 * Writes the deliveries, each once per key; answers, by notice of the batch, the people none of
	 * whose deliveries was new: told of the same thing before (a delivery keyed by what happened is
	 * already stored, read in one query before the write) or by an earlier notice of the batch.
	 */
	private Map<Integer, Set<String>> insertDeliveries(List<Row> all) {
		// two notices of one batch about the same thing make one delivery per person and channel
		Map<String, Row> distinct = new java.util.LinkedHashMap<>();
		all.forEach(row -> distinct.putIfAbsent(row.idempotencyKey(), row));
		List<String> aboutKeys = distinct.values()
			.stream()
			.filter(row -> row.username() != null && row.noticeKey().startsWith("about:"))
			.map(Row::idempotencyKey)
			.toList();
		Set<String> stored = writers(aboutKeys).keySet();
		List<Row> rows = distinct.values().stream().filter(row -> !stored.contains(row.idempotencyKey())).toList();
		Timestamp now = Timestamp.from(clock.instant());
		MultiRow.insert(named, """
				insert into notification_delivery (id, idempotency_key, event_id, channel, recipient_id, webhook_id,
				                                   project_id, status, attempts, next_attempt_at, retry_from, created_at)""",
				"(:id, :key, :event, :channel, :recipient, :webhook, :project, :status, 0, :now, :now, :now)",
				"on conflict do nothing", rows.stream().map(row -> {
					Map<String, Object> values = new HashMap<>();
					values.put("id", UUID.randomUUID());
					values.put("key", row.idempotencyKey());
					values.put("event", row.eventId());
					values.put("channel", row.channel().name());
					values.put("recipient", row.recipientId());
					values.put("webhook", row.webhookId());
					values.put("project", row.projectId());
					values.put("status", row.status());
					values.put("now", now);
					return values;
				}).toList());
		// Who this write told is read after it, not guessed before: a delivery about the same thing
		// that another transaction wrote meanwhile is theirs (the insert waited for it and did nothing),
		// so two handlers at once never both say they told the person.
		Map<String, UUID> writer = writers(aboutKeys);
		Map<Integer, Map<String, Boolean>> reached = new HashMap<>();
		for (Row row : all) {
			if (row.username() != null) {
				boolean fresh = distinct.get(row.idempotencyKey()) == row && (!row.noticeKey().startsWith("about:")
						|| row.eventId().equals(writer.get(row.idempotencyKey())));
				reached.computeIfAbsent(row.notice(), notice -> new java.util.LinkedHashMap<>())
					.merge(row.username(), fresh, Boolean::logicalOr);
			}
		}
		Map<Integer, Set<String>> already = new HashMap<>();
		reached.forEach((notice, people) -> people.forEach((username, fresh) -> {
			if (!fresh) {
				already.computeIfAbsent(notice, n -> new java.util.TreeSet<>()).add(username);
			}
		}));
		return already;
	}

	/** Of these delivery keys, the stored ones with the notice event that wrote each (one query per thousand keys). */
	private Map<String, UUID> writers(List<String> keys) {
		Map<String, UUID> writers = new HashMap<>();
		for (int from = 0; from < keys.size(); from += 1000) {
			named.query("select idempotency_key, event_id from notification_delivery where idempotency_key in (:keys)",
					Map.of("keys", keys.subList(from, Math.min(keys.size(), from + 1000))),
					(rs, n) -> writers.put(rs.getString(1), rs.getObject(2, UUID.class)));
		}
		return writers;
	}

	static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
