package dev.milepost.automation.runtime;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events waiting for rules ({@code automation_event}): written in the transaction of the
 * change, claimed after the commit by one instance at a time (a claim is a conditional update, so
 * of two instances exactly one wins), handled, and kept a while for the record.
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

	/** An event waiting for rules, as claimed. */
	record Pending(UUID id, UUID projectId, Occurrence occurrence, UUID causeRunId, int causeDepth,
			List<String> causeRules) {
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

	/** Ids of events ready to be claimed: pending, or claimed by an instance whose claim ran out. */
	List<UUID> ready(int limit) {
		return jdbc.sql("""
				select id from automation_event
				where status = 'PENDING' or (status = 'CLAIMED' and claimed_until < :now)
				order by occurred_at, id limit :limit""")
			.param("now", Timestamp.from(clock.instant()))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** Claims one event for this instance for a while; empty when another instance has it. */
	java.util.Optional<Pending> claim(UUID id, String instance, Duration lease) {
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				update automation_event set status = 'CLAIMED', claimed_by = :by, claimed_until = :until,
				       attempts = attempts + 1
				where id = :id and (status = 'PENDING' or (status = 'CLAIMED' and claimed_until < :now))""")
			.param("by", instance)
			.param("until", Timestamp.from(now.plus(lease)))
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
		if (claimed != 1) {
			return java.util.Optional.empty();
		}
		record Row(UUID id, UUID projectId, String projectKey, String triggerName, String data, String actor,
				Timestamp occurredAt, UUID causeRunId, int causeDepth, String causeRules) {
		}
		return jdbc.sql("""
				select id, project_id, project_key, trigger_name, data, actor, occurred_at, cause_run_id, cause_depth,
				       cause_rules
				from automation_event where id = :id""")
			.param("id", id)
			.query(Row.class)
			.optional()
			.map(row -> new Pending(row.id(), row.projectId(),
					new Occurrence(row.projectKey(), row.triggerName(), json.readValue(row.data(), MAP), row.actor(),
							row.occurredAt().toInstant()),
					row.causeRunId(), row.causeDepth(), RunCause.decode(row.causeRules())));
	}

	void handled(UUID id, String error) {
		jdbc.sql("""
				update automation_event set status = :status, handled_at = :now, last_error = :error,
				       claimed_until = null
				where id = :id""")
			.param("status", error == null ? "HANDLED" : "FAILED")
			.param("now", Timestamp.from(clock.instant()))
			.param("error", error == null ? null : clip(error, 1000))
			.param("id", id)
			.update();
	}

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
