package dev.milepost.notification.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.outbox.Claimed;
import dev.milepost.notification.outbox.Subject;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's in-app inbox. A delivery enters it in the same transaction that marks the delivery
 * done, and at most once (the inbox is unique per delivery): in-app notifications are delivered
 * exactly once, whatever crashes or retries happen around them.
 */
@Component
public class Inbox {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	Inbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.clock = clock;
	}

	/**
	 * One notification. {@code causedBy} is set for a blueprint rule's notice: the API address that
	 * answers which run, rule and blueprint version sent it.
	 */
	public record Item(UUID id, String kind, String title, String text, Subject subject, Instant createdAt,
			Instant readAt, String causedBy) {
	}

	/** Puts claimed in-app deliveries into their recipients' inboxes; returns how many went in. */
	@Transactional
	public int deliver(List<Claimed> claimed, String by) {
		Timestamp now = Timestamp.from(clock.instant());
		MapSqlParameterSource[] marks = claimed.stream()
			.map(delivery -> new MapSqlParameterSource().addValue("id", delivery.id())
				.addValue("token", delivery.lease())
				.addValue("now", now)
				.addValue("by", by))
			.toArray(MapSqlParameterSource[]::new);
		int[] marked = named.batchUpdate("""
				update notification_delivery
				set status = 'DELIVERED', delivered_at = :now, delivered_by = :by, last_error = null, lease_token = null,
				    lease_until = null
				where id = :id and lease_token = :token""", marks);
		List<MapSqlParameterSource> entries = new ArrayList<>();
		for (int i = 0; i < claimed.size(); i++) {
			// a lease lost to another instance (ours ran out) leaves that delivery to the other one
			if (marked[i] != 1) {
				continue;
			}
			Claimed delivery = claimed.get(i);
			Claimed.Event event = delivery.event();
			entries.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID())
				.addValue("user", delivery.recipientId())
				.addValue("delivery", delivery.id())
				.addValue("event", event.id())
				.addValue("kind", event.kind().name())
				.addValue("projectKey", event.projectKey())
				.addValue("subjectType", event.subjectType())
				.addValue("subjectId", event.subjectId())
				.addValue("title", event.title())
				.addValue("body", event.body())
				.addValue("now", now));
		}
		if (!entries.isEmpty()) {
			named.batchUpdate("""
					insert into notification (id, user_id, delivery_id, event_id, kind, project_key, subject_type,
					                          subject_id, title, body, created_at)
					values (:id, :user, :delivery, :event, :kind, :projectKey, :subjectType, :subjectId, :title, :body, :now)""",
					entries.toArray(MapSqlParameterSource[]::new));
		}
		return entries.size();
	}

	public PageResponse<Item> list(UUID userId, boolean unreadOnly, Paging paging) {
		return list(userId, unreadOnly, false, paging);
	}

	/** The person's notifications with the unread ones first, each part newest first (the inbox page). */
	public PageResponse<Item> listUnreadFirst(UUID userId, Paging paging) {
		return list(userId, false, true, paging);
	}

	private PageResponse<Item> list(UUID userId, boolean unreadOnly, boolean unreadFirst, Paging paging) {
		String where = " where user_id = :user" + (unreadOnly ? " and read_at is null" : "");
		String order = (unreadFirst ? " order by case when read_at is null then 0 else 1 end, " : " order by ")
				+ "created_at desc, id";
		long total = jdbc.sql("select count(*) from notification" + where).param("user", userId).query(Long.class).single();
		List<Item> items = jdbc.sql("""
				select id, event_id, kind, title, body, project_key, subject_type, subject_id, created_at, read_at
				from notification""" + where + order + " limit :limit offset :offset")
			.param("user", userId)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(Inbox::item)
			.list();
		return PageResponse.of(items, paging, total);
	}

	/** One of the person's notifications; someone else's is not found. */
	public java.util.Optional<Item> find(UUID userId, UUID id) {
		return jdbc.sql("""
				select id, event_id, kind, title, body, project_key, subject_type, subject_id, created_at, read_at
				from notification where id = :id and user_id = :user""")
			.param("id", id)
			.param("user", userId)
			.query(Inbox::item)
			.optional();
	}

	private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Item(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
				rs.getString("body"),
				Subject.of(rs.getString("project_key"), rs.getString("subject_type"), rs.getString("subject_id")),
				rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant(),
				causedBy(rs.getString("kind"), rs.getString("project_key"), rs.getObject("event_id", UUID.class)));
	}

	private static String causedBy(String kind, String projectKey, UUID eventId) {
		if (!NotificationKind.AUTOMATION.name().equals(kind) || projectKey == null) {
			return null;
		}
		return "/api/v1/projects/" + projectKey + "/automation/why?type=notification&id=" + eventId;
	}

	public long unread(UUID userId) {
		return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** Marks one of the person's notifications read; someone else's is not found. */
	@Transactional
	public void markRead(UUID userId, UUID id) {
		boolean theirs = jdbc.sql("select count(*) from notification where id = :id and user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(Long.class)
			.single() > 0;
		if (!theirs) {
			throw NotFoundException.of("notification", id);
		}
		jdbc.sql("update notification set read_at = :now where id = :id and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	/** Marks all the person's notifications read; returns how many were unread. */
	@Transactional
	public int markAllRead(UUID userId) {
		return jdbc.sql("update notification set read_at = :now where user_id = :user and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.update();
	}

}
