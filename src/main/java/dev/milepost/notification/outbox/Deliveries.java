package dev.milepost.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries and records their outcome. A claim is a lease: the rows are picked with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 both have it), so instances polling at the
 * same moment take different rows, and each row is only leased if no live lease holds it, so even
 * without the lock no two instances hold one delivery. An outcome is only recorded by the holder
 * of the lease; a lease that runs out (its instance died) lets another instance take the
 * delivery over.
 */
@Component
public class Deliveries {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Leases up to {@code limit} due deliveries on the given channels for {@code leaseFor}. */
	public List<Claimed> claim(Collection<Channel> channels, int limit, Duration leaseFor) {
		if (channels.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		UUID token = UUID.randomUUID();
		List<String> names = channels.stream().map(Channel::name).toList();
		Integer leased = transaction.execute(status -> {
			List<UUID> due = jdbc.sql("""
					select d.id from notification_delivery d
					where d.status = 'PENDING' and d.next_attempt_at <= :now and d.channel in (:channels)
					  and (d.lease_until is null or d.lease_until < :now)
					  and (d.webhook_id is null or d.webhook_id not in (select w.id from webhook w where not w.enabled))
					order by d.next_attempt_at
					limit :limit
					for update skip locked""")
				.param("now", Timestamp.from(now))
				.param("channels", names)
				.param("limit", limit)
				.query(UUID.class)
				.list();
			if (due.isEmpty()) {
				return 0;
			}
			return jdbc.sql("""
					update notification_delivery
					set lease_token = :token, lease_until = :until, attempts = attempts + 1, last_attempt_at = :now
					where id in (:ids) and status = 'PENDING' and (lease_until is null or lease_until < :now)""")
				.param("token", token)
				.param("until", Timestamp.from(now.plus(leaseFor)))
				.param("now", Timestamp.from(now))
				.param("ids", due)
				.update();
		});
		if (leased == null || leased == 0) {
			return List.of();
		}
		return jdbc.sql("""
				select d.id, d.lease_token, d.channel, d.recipient_id, d.webhook_id, d.attempts, d.retry_from,
				       e.id as event_id, e.event_key, e.kind, e.project_key, e.subject_type, e.subject_id, e.title,
				       e.body, e.data, e.occurred_at
				from notification_delivery d join notification_event e on e.id = d.event_id
				where d.lease_token = :token
				order by d.next_attempt_at""")
			.param("token", token)
			.query(Deliveries::claimed)
			.list();
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		Claimed.Event event = new Claimed.Event(rs.getObject("event_id", UUID.class), rs.getString("event_key"),
				NotificationKind.valueOf(rs.getString("kind")), rs.getString("project_key"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("title"), rs.getString("body"),
				rs.getString("data"), rs.getTimestamp("occurred_at").toInstant());
		return new Claimed(rs.getObject("id", UUID.class), rs.getObject("lease_token", UUID.class),
				Channel.valueOf(rs.getString("channel")), rs.getObject("recipient_id", UUID.class),
				rs.getObject("webhook_id", UUID.class), rs.getInt("attempts"),
				rs.getTimestamp("retry_from").toInstant(), event);
	}

	/** Records a delivery as delivered; false if this instance no longer holds its lease. */
	public boolean delivered(Claimed delivery, Integer status, String by) {
		return jdbc.sql("""
				update notification_delivery
				set status = 'DELIVERED', delivered_at = :now, delivered_by = :by, last_status = :status,
				    last_error = null, lease_token = null, lease_until = null
				where id = :id and lease_token = :token""")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", by)
			.param("status", status)
			.param("id", delivery.id())
			.param("token", delivery.lease())
			.update() == 1;
	}

	/** Schedules the next attempt after a failure. */
	public boolean retryAt(Claimed delivery, DeliveryFailure failure, Instant next) {
		return jdbc.sql("""
				update notification_delivery
				set next_attempt_at = :next, last_status = :status, last_error = :error, lease_token = null,
				    lease_until = null
				where id = :id and lease_token = :token""")
			.param("next", Timestamp.from(next))
			.param("status", failure.status())
			.param("error", Outbox.clip(String.valueOf(failure.getMessage()), 1000))
			.param("id", delivery.id())
			.param("token", delivery.lease())
			.update() == 1;
	}

	/** Gives up on a delivery: it becomes an incident, until someone retries it. */
	public boolean failed(Claimed delivery, DeliveryFailure failure) {
		return jdbc.sql("""
				update notification_delivery
				set status = 'FAILED', last_status = :status, last_error = :error, lease_token = null, lease_until = null
				where id = :id and lease_token = :token""")
			.param("status", failure.status())
			.param("error", Outbox.clip(String.valueOf(failure.getMessage()), 1000))
			.param("id", delivery.id())
			.param("token", delivery.lease())
			.update() == 1;
	}

}
