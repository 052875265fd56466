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
 * The occurrences the runtime heard that no other record keeps (milestone status changes,
 * completed processes), written in the transaction of the change whether or not a rule listens, so
 * that a replay rehearses on the very events the runtime saw. Kept for a replay's longest window.
 */
@Component
class HeardEvents {

	/** The triggers of the events kept here; the others are read back from the audit record. */
	static final List<String> TRIGGERS = List.of("milestone.status-changed", "milestone.at-risk", "milestone.missed",
			"process.completed");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	HeardEvents(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	void add(UUID projectId, Occurrence occurrence) {
		jdbc.sql("""
				insert into automation_heard (project_id, project_key, trigger_name, data, actor, occurred_at)
				values (:project, :key, :trigger, :data, :actor, :at)""")
			.param("project", projectId)
			.param("key", occurrence.projectKey())
			.param("trigger", occurrence.trigger())
			.param("data", json.writeValueAsString(occurrence.data()))
			.param("actor", occurrence.actor())
			.param("at", Timestamp.from(occurrence.at()))
			.update();
	}

	/** The project's occurrences heard from {@code from} up to (not including) {@code to}, oldest first. */
	List<Occurrence> between(UUID projectId, Instant from, Instant to) {
		return jdbc.sql("""
				select project_key, trigger_name, data, actor, occurred_at from automation_heard
				where project_id = :project and occurred_at >= :from and occurred_at < :to order by occurred_at, id""")
			.param("project", projectId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Occurrence(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), MAP),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** Forgets what no replay can reach any more. */
	void forgetOlderThan(Duration age) {
		jdbc.sql("delete from automation_heard where occurred_at < :before")
			.param("before", Timestamp.from(clock.instant().minus(age)))
			.update();
	}

}
