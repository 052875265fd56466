package dev.milepost.automation.runtime;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events waiting for rules ({@code automation_event}): written in the transaction of the
 * change, claimed after the commit by locking their rows in the transaction that handles them
 * (rows another worker or instance holds are skipped, so exactly one handles each), handled or
 * tried again later, and kept a while for the record.
 */
@Component
class PendingEvents {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	PendingEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** An event waiting for rules, as claimed; {@code attempts} counts the earlier tries. */
	record Pending(UUID id, UUID projectId, Occurrence occurrence, UUID causeRunId, int causeDepth,
			List<String> causeRules, int attempts) {
	}

	void add(UUID projectId, Occurrence occurrence, RunCause cause) {
		jdbc.sql("""
				insert into automation_event (id, project_id, project_key, trigger_name, data, actor, occurred_at,
				  cause_run_id, cause_depth, cause_rules, status, attempts)
				values (:id, :p, :key, :trigger, :data, :actor, :at, :cause, :depth, :rules, 'PENDING', 0)""")
			.param("id", UUID.randomUUID())
			.param("p", projectId)
			.param("key", occurrence.projectKey())
			.param("trigger", occurrence.trigger())
			.param("data", json.writeValueAsString(occurrence.data()))
			.param("actor", clip(occurrence.actor(), 64))
			.param("at", Timestamp.from(occurrence.at()))
			.param("cause", cause == null ? null : cause.runId())
			.param("depth", cause == null ? 0 : cause.depth() + 1)
			.param("rules", cause == null ? null : clip(cause.encoded(), 2000))
			.update();
	}

	private static final String READY = """
			select id, project_id, project_key, trigger_name, data, actor, occurred_at, cause_run_id, cause_depth,
			       cause_rules, attempts
			from automation_event
			where ((status = 'PENDING' and (retry_at is null or retry_at <= :now))
			       or (status = 'CLAIMED' and claimed_until < :now))""";

	/**
	 * Claims up to {@code limit} ready events, oldest first, for the caller's transaction: their rows
	 * stay locked until it ends, and rows another transaction holds are skipped, so two instances
	 * never handle the same event and a handler that dies releases its events by rolling back.
	 */
	List<Pending> claim(int limit) {
		return read(READY + " order by occurred_at, id limit :limit for update skip locked", Map.of("limit", limit));
	}

	/** Claims one event, as {@link #claim(int)} does; empty when it is not ready or another transaction holds it. */
	java.util.Optional<Pending> claim(UUID id) {
		return read(READY + " and id = :id for update skip locked", Map.of("id", id)).stream().findFirst();
	}

	private List<Pending> read(String sql, Map<String, Object> params) {
		record Row(UUID id, UUID projectId, String projectKey, String triggerName, String data, String actor,
				Timestamp occurredAt, UUID causeRunId, int causeDepth, String causeRules, int attempts) {
		}
		return jdbc.sql(sql)
			.params(params)
			.param("now", Timestamp.from(clock.instant()))
			.query(Rows.of(Row.class))
			.list()
			.stream()
			.map(row -> new Pending(row.id(), row.projectId(),
					new Occurrence(row.projectKey(), row.triggerName(), json.readValue(row.data(), MAP), row.actor(),
							row.occurredAt().toInstant()),
					row.causeRunId(), row.causeDepth(), RunCause.decode(row.causeRules()), row.attempts()))
			.toList();
	}

	/** Marks claimed events handled, in the transaction that handled them. */
	void handled(List<UUID> ids, String instance) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("""
				update automation_event set status = 'HANDLED', handled_at = :now, attempts = attempts + 1,
				       claimed_by = :by, claimed_until = null, retry_at = null
				where id in (:ids)""")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", instance)
			.param("ids", ids)
			.update();
	}

	/**
	 * Records a failed try at an event: it is tried again after a pause that doubles with each try
	 * (from {@link #FIRST_RETRY}), and given up as {@code FAILED} after {@link #MAX_ATTEMPTS} tries.
	 * Returns whether it was given up.
	 */
	boolean failed(Pending event, String instance, String error) {
		int attempts = event.attempts() + 1;
		boolean givenUp = attempts >= MAX_ATTEMPTS;
		Instant now = clock.instant();
		jdbc.sql("""
				update automation_event set status = :status, attempts = :attempts, last_error = :error,
				       claimed_by = :by, claimed_until = null, retry_at = :retry, handled_at = :handled
				where id = :id""")
			.param("status", givenUp ? "FAILED" : "PENDING")
			.param("attempts", attempts)
			.param("error", clip(error, 1000))
			.param("by", instance)
			.param("retry", givenUp ? null : Timestamp.from(now.plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1)))))
			.param("handled", givenUp ? Timestamp.from(now) : null)
			.param("id", event.id())
			.update();
		return givenUp;
	}

	/** How often an event is tried before it is given up. */
	static final int MAX_ATTEMPTS = 5;

	/** The pause before the second try; each further pause doubles it (30 s, 1, 2, 4 minutes). */
	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	/** Forgets handled events older than the given age; their runs stay in the run log. */
	int forgetHandled(Duration age) {
		return jdbc.sql("delete from automation_event where status in ('HANDLED', 'FAILED') and handled_at < :before")
			.param("before", Timestamp.from(clock.instant().minus(age)))
			.update();
	}

	static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
