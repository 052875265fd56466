package dev.milepost.notification.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.notification.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints of a project (its managers register them) or of the workspace
 * (administrators): each gets the kinds of notification it subscribed to, signed with its own
 * secret, which is shown once when it is registered.
 */
@Component
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private final JdbcClient jdbc;

	private final WebhookTargets targets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, WebhookTargets targets, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.events = events;
		this.clock = clock;
	}

	/** Where a webhook belongs: a project (id and key) or, with nulls, the workspace. */
	public record Scope(UUID projectId, String projectKey) {

		public static final Scope WORKSPACE = new Scope(null, null);

		String auditScope() {
			return projectKey == null ? EntityChanged.WORKSPACE : projectKey;
		}

	}

	public record Endpoint(UUID id, UUID projectId, String url, String secret, List<NotificationKind> events,
			WebhookFormat format, String description, boolean enabled, String disabledReason, Instant createdAt,
			String createdBy) {

		boolean wants(NotificationKind kind) {
			return events == null || events.contains(kind);
		}

	}

	/** A webhook as the API shows it: everything but the secret. */
	public record View(UUID id, String url, List<NotificationKind> events, WebhookFormat format, String description,
			boolean enabled, String disabledReason, Instant createdAt, String createdBy) {

		static View of(Endpoint endpoint) {
			return new View(endpoint.id(), endpoint.url(),
					endpoint.events() == null ? NotificationKind.choosable() : endpoint.events(), endpoint.format(),
					endpoint.description(), endpoint.enabled(), endpoint.disabledReason(), endpoint.createdAt(),
					endpoint.createdBy());
		}

	}

	public record Subscriber(UUID id, UUID projectId) {
	}

	@Transactional
	public Endpoint register(Scope scope, String url, List<NotificationKind> kinds, WebhookFormat format,
			String description, String actor) {
		targets.require(url);
		if (kinds != null) {
			if (kinds.isEmpty()) {
				throw new RuleViolationException("events",
						"Name at least one kind of notification, or leave events out to receive them all.");
			}
			if (kinds.contains(null) || kinds.contains(NotificationKind.DIGEST)) {
				throw new RuleViolationException("events", "Webhooks can subscribe to "
						+ NotificationKind.choosable() + "; the digest is for e-mail only.");
			}
		}
		Endpoint endpoint = new Endpoint(UUID.randomUUID(), scope.projectId(), url.trim(),
				WebhookSignature.newSecret(), kinds == null ? null : List.copyOf(new java.util.LinkedHashSet<>(kinds)),
				format == null ? WebhookFormat.STANDARD : format, description, true, null, clock.instant(), actor);
		jdbc.sql("""
				insert into webhook (id, project_id, url, secret, events, format, description, enabled, created_at, created_by)
				values (:id, :project, :url, :secret, :events, :format, :description, true, :at, :by)""")
			.param("id", endpoint.id())
			.param("project", endpoint.projectId())
			.param("url", endpoint.url())
			.param("secret", endpoint.secret())
			.param("events", endpoint.events() == null ? null
					: String.join(",", endpoint.events().stream().map(NotificationKind::name).toList()))
			.param("format", endpoint.format().name())
			.param("description", description)
			.param("at", Timestamp.from(endpoint.createdAt()))
			.param("by", actor)
			.update();
		audit(scope, endpoint.id(), "created", null, endpoint, actor);
		return endpoint;
	}

	public List<View> list(Scope scope) {
		return select(scopeCondition(scope) + " order by created_at, id", scope, Map.of()).stream().map(View::of).toList();
	}

	public Endpoint get(Scope scope, UUID id) {
		return select(scopeCondition(scope) + " and id = :id", scope, Map.of("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> NotFoundException.of("webhook", id));
	}

	public Optional<Endpoint> find(UUID id) {
		return select("id = :id", Scope.WORKSPACE, Map.of("id", id)).stream().findFirst();
	}

	@Transactional
	public void delete(Scope scope, UUID id, String actor) {
		Endpoint endpoint = get(scope, id);
		jdbc.sql("delete from webhook_attempt where webhook_id = :id").param("id", id).update();
		jdbc.sql("delete from notification_delivery where webhook_id = :id").param("id", id).update();
		jdbc.sql("delete from webhook where id = :id").param("id", id).update();
		audit(scope, id, "deleted", endpoint, null, actor);
	}

	/** Enables an endpoint again; its paused deliveries resume. */
	@Transactional
	public Endpoint enable(Scope scope, UUID id, String actor) {
		Endpoint before = get(scope, id);
		jdbc.sql("update webhook set enabled = true, disabled_reason = null where id = :id").param("id", id).update();
		Endpoint after = get(scope, id);
		if (!before.enabled()) {
			audit(scope, id, "enabled", before, after, actor);
		}
		return after;
	}

	/** Disables an endpoint (the receiver answered 410 Gone, or the retries ran out); its deliveries pause. */
	@Transactional
	public void disable(UUID id, String reason) {
		int changed = jdbc.sql("update webhook set enabled = false, disabled_reason = :reason where id = :id and enabled")
			.param("reason", reason)
			.param("id", id)
			.update();
		if (changed == 1) {
			log.warn("Disabled webhook {}: {}", id, reason);
		}
	}

	/** The enabled webhooks of the project and of the workspace that want this kind. */
	public List<Subscriber> subscribers(UUID projectId, NotificationKind kind) {
		if (kind == NotificationKind.DIGEST) {
			return List.of();
		}
		String condition = "enabled and (project_id is null" + (projectId == null ? ")" : " or project_id = :project)");
		return select(condition, new Scope(projectId, null), Map.of()).stream()
			.filter(endpoint -> endpoint.wants(kind))
			.map(endpoint -> new Subscriber(endpoint.id(), endpoint.projectId()))
			.toList();
	}

	/** Removes the webhooks of projects that no longer exist. */
	@Transactional
	public void forgetDeletedProjects() {
		String gone = "select id from webhook where project_id is not null and project_id not in (select id from project)";
		jdbc.sql("delete from webhook_attempt where webhook_id in (" + gone + ")").update();
		jdbc.sql("delete from notification_delivery where webhook_id in (" + gone + ")").update();
		jdbc.sql("delete from webhook where id in (" + gone + ")").update();
	}

	public record Attempt(Instant at, Integer statusCode, String error, int durationMs) {
	}

	public record Delivery(UUID id, String type, String title, String status, int attempts, Instant createdAt,
			Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError, List<Attempt> history) {
	}

	/** An endpoint's deliveries, newest first, each with its attempts. */
	public PageResponse<Delivery> deliveries(Scope scope, UUID id, Paging paging) {
		get(scope, id);
		long total = jdbc.sql("select count(*) from notification_delivery where webhook_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		List<Delivery> page = jdbc.sql("""
				select d.id, e.kind, e.title, d.status, d.attempts, d.created_at, d.next_attempt_at, d.delivered_at,
				       d.last_status, d.last_error
				from notification_delivery d join notification_event e on e.id = d.event_id
				where d.webhook_id = :id order by d.created_at desc, d.id limit :limit offset :offset""")
			.param("id", id)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> {
				String status = rs.getString("status");
				return new Delivery(rs.getObject("id", UUID.class), NotificationKind.valueOf(rs.getString("kind")).type(),
						rs.getString("title"), status, rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
						status.equals("PENDING") ? rs.getTimestamp("next_attempt_at").toInstant() : null,
						rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
						(Integer) rs.getObject("last_status"), rs.getString("last_error"), new ArrayList<>());
			})
			.list();
		for (Delivery delivery : page) {
			delivery.history().addAll(jdbc.sql("""
					select attempted_at, status_code, error, duration_ms from webhook_attempt
					where delivery_id = :d order by attempted_at, id""")
				.param("d", delivery.id())
				.query((rs, n) -> new Attempt(rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2), rs.getString(3),
						rs.getInt(4)))
				.list());
		}
		return PageResponse.of(page, paging, total);
	}

	void recordAttempt(UUID deliveryId, UUID webhookId, Instant at, Integer statusCode, String error, long millis) {
		jdbc.sql("""
				insert into webhook_attempt (id, delivery_id, webhook_id, attempted_at, status_code, error, duration_ms)
				values (:id, :d, :w, :at, :code, :error, :ms)""")
			.param("id", UUID.randomUUID())
			.param("d", deliveryId)
			.param("w", webhookId)
			.param("at", Timestamp.from(at))
			.param("code", statusCode)
			.param("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
			.param("ms", (int) Math.min(Integer.MAX_VALUE, millis))
			.update();
	}

	private static String scopeCondition(Scope scope) {
		return scope.projectId() == null ? "project_id is null" : "project_id = :project";
	}

	private List<Endpoint> select(String condition, Scope scope, Map<String, Object> params) {
		var query = jdbc.sql("""
				select id, project_id, url, secret, events, format, description, enabled, disabled_reason, created_at,
				       created_by
				from webhook where\s""" + condition);
		if (condition.contains(":project")) {
			query = query.param("project", scope.projectId());
		}
		for (var param : params.entrySet()) {
			query = query.param(param.getKey(), param.getValue());
		}
		return query.query((rs, n) -> {
			String events = rs.getString("events");
			return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
					rs.getString("url"), rs.getString("secret"),
					events == null ? null : Arrays.stream(events.split(",")).map(NotificationKind::valueOf).toList(),
					WebhookFormat.valueOf(rs.getString("format")), rs.getString("description"), rs.getBoolean("enabled"),
					rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("created_by"));
		}).list();
	}

	private void audit(Scope scope, UUID id, String action, Endpoint before, Endpoint after, String actor) {
		events.publishEvent(new EntityChanged(scope.auditScope(), "webhook", id.toString(), action, auditView(before),
				auditView(after), actor));
	}

	/** What the audit record keeps of a webhook: never its secret. */
	private static Map<String, Object> auditView(Endpoint endpoint) {
		if (endpoint == null) {
			return Map.of();
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("url", endpoint.url());
		view.put("events", endpoint.events() == null ? "all"
				: endpoint.events().stream().map(NotificationKind::name).toList());
		view.put("format", endpoint.format().name());
		view.put("enabled", endpoint.enabled());
		if (endpoint.description() != null) {
			view.put("description", endpoint.description());
		}
		return view;
	}

}
