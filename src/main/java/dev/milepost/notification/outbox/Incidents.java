package dev.milepost.notification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.notification.Channel;
import dev.milepost.notification.NotificationKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries that will not be retried any more (their retries ran out, or the receiver refused
 * them for good), for the people who can act on them: a project's managers see its incidents,
 * administrators the workspace's (workspace webhooks, mail not about a project). Retrying one
 * starts its retries afresh and, for a webhook, enables the endpoint again.
 */
@Component
public class Incidents {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Incidents(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public record Incident(UUID id, Channel channel, String type, String title, Subject subject, String recipient,
			UUID webhookId, String webhookUrl, int attempts, Instant createdAt, Instant lastAttemptAt,
			Integer lastStatus, String lastError) {
	}

	private static final String SELECT = """
			select d.id, d.channel, e.kind, e.title, e.project_key, e.subject_type, e.subject_id, u.username,
			       d.webhook_id, w.url, d.attempts, d.created_at, d.last_attempt_at, d.last_status, d.last_error
			from notification_delivery d
			join notification_event e on e.id = d.event_id
			left join app_user u on u.id = d.recipient_id
			left join webhook w on w.id = d.webhook_id
			where d.status = 'FAILED' and\s""";

	/** A project's incidents (projectId) or the workspace's (null), newest first. */
	public PageResponse<Incident> list(UUID projectId, Paging paging) {
		long total = scoped("select count(*) from notification_delivery d where d.status = 'FAILED' and ", "", projectId)
			.query(Long.class)
			.single();
		List<Incident> page = scoped(SELECT, " order by d.last_attempt_at desc, d.id limit :limit offset :offset", projectId)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(Incidents::incident)
			.list();
		return PageResponse.of(page, paging, total);
	}

	/** Puts an incident back in line for delivery now, with a fresh retry window. */
	@Transactional
	public Incident retry(UUID projectId, String auditScope, UUID id, String actor) {
		Incident incident = scoped(SELECT, " and d.id = :id", projectId)
			.param("id", id)
			.query(Incidents::incident)
			.optional()
			.orElseThrow(() -> NotFoundException.of("incident", id));
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update notification_delivery
				set status = 'PENDING', attempts = 0, next_attempt_at = :now, retry_from = :now, lease_token = null,
				    lease_until = null
				where id = :id and status = 'FAILED'""")
			.param("now", now)
			.param("id", id)
			.update();
		if (incident.webhookId() != null) {
			jdbc.sql("update webhook set enabled = true, disabled_reason = null where id = :w")
				.param("w", incident.webhookId())
				.update();
		}
		events.publishEvent(new EntityChanged(auditScope, "incident", id.toString(), "retried",
				Map.of("status", "FAILED", "attempts", incident.attempts()), Map.of("status", "PENDING"), actor));
		return incident;
	}

	private JdbcClient.StatementSpec scoped(String sql, String tail, UUID projectId) {
		if (projectId == null) {
			return jdbc.sql(sql + "d.project_id is null" + tail);
		}
		return jdbc.sql(sql + "d.project_id = :p" + tail).param("p", projectId);
	}

	private static Incident incident(ResultSet rs, int row) throws SQLException {
		return new Incident(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
				NotificationKind.valueOf(rs.getString("kind")).type(), rs.getString("title"),
				Subject.of(rs.getString("project_key"), rs.getString("subject_type"), rs.getString("subject_id")),
				rs.getString("username"), rs.getObject("webhook_id", UUID.class), rs.getString("url"),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("last_attempt_at") == null ? null : rs.getTimestamp("last_attempt_at").toInstant(),
				(Integer) rs.getObject("last_status"), rs.getString("last_error"));
	}

}
