package dev.milepost.automation.runtime;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run log: every run of a rule (which blueprint version, which event, what the condition
 * said), what each of its actions did and produced, the effects index that leads from a produced
 * entity back to its run, and incidents.
 */
@Component
class RunLog {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** A run's status. */
	enum Status {
		/** Actions are being taken. */
		RUNNING,
		/** The condition held and every action succeeded (or was skipped as documented). */
		SUCCEEDED,
		/** The condition held and at least one action failed; see its incident. */
		FAILED,
		/** The condition did not hold: nothing was done. */
		SKIPPED,
		/** The condition could not be evaluated (e.g. a field of a missing entity): nothing was done. */
		CONDITION_ERROR,
		/** The loop guard stopped the run before any action: see its incident. */
		LOOP_STOPPED
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	RunLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** What a run starts with. */
	record Start(String dedupeKey, UUID projectId, String projectKey, UUID blueprintId, String blueprintName,
			UUID versionId, int versionNumber, int ruleIndex, String ruleName, String trigger,
			Map<String, Object> event, String conditionText, UUID causeRunId, int depth) {
	}

	/** Starts a run; empty when a run with the same dedupe key exists (this event ran this rule). */
	Optional<UUID> begin(Start start) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into automation_run (id, dedupe_key, project_id, project_key, blueprint_id, blueprint_name,
				  version_id, version_number, rule_index, rule_name, trigger_name, event_data, condition_text,
				  status, cause_run_id, depth, started_at)
				values (:id, :key, :p, :pk, :b, :bn, :v, :vn, :ri, :rn, :t, :data, :cond, 'RUNNING', :cause, :depth, :at)
				on conflict do nothing""")
			.param("id", id)
			.param("key", PendingEvents.clip(start.dedupeKey(), 400))
			.param("p", start.projectId())
			.param("pk", start.projectKey())
			.param("b", start.blueprintId())
			.param("bn", PendingEvents.clip(start.blueprintName(), 200))
			.param("v", start.versionId())
			.param("vn", start.versionNumber())
			.param("ri", start.ruleIndex())
			.param("rn", PendingEvents.clip(start.ruleName(), 200))
			.param("t", start.trigger())
			.param("data", json.writeValueAsString(start.event()))
			.param("cond", PendingEvents.clip(start.conditionText(), 2000))
			.param("cause", start.causeRunId())
			.param("depth", start.depth())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return inserted == 1 ? Optional.of(id) : Optional.empty();
	}

	void condition(UUID runId, Boolean value, String error) {
		jdbc.sql("update automation_run set condition_value = :value, condition_error = :error where id = :id")
			.param("value", value)
			.param("error", PendingEvents.clip(error, 1000))
			.param("id", runId)
			.update();
	}

	void finish(UUID runId, Status status, String detail) {
		jdbc.sql("update automation_run set status = :status, detail = :detail, finished_at = :at where id = :id")
			.param("status", status.name())
			.param("detail", PendingEvents.clip(detail, 2000))
			.param("at", Timestamp.from(clock.instant()))
			.param("id", runId)
			.update();
	}

	/** Whether the action was taken already (a retried run never takes it twice). */
	boolean actionDone(UUID runId, int index) {
		return jdbc.sql("select count(*) from automation_action where run_id = :r and action_index = :i")
			.param("r", runId)
			.param("i", index)
			.query(Long.class)
			.single() > 0;
	}

	/** An entity an action produced, as the effects index and the action's outcome name it. */
	record Effect(String type, String id) {
	}

	/** Records an action's outcome and what it produced, in the transaction that produced it. */
	void action(UUID runId, int index, String action, String status, String detail, List<Effect> effects) {
		Effect first = effects.isEmpty() ? null : effects.get(0);
		jdbc.sql("""
				insert into automation_action (run_id, action_index, action, status, detail, entity_type, entity_id)
				values (:r, :i, :a, :s, :d, :type, :id)""")
			.param("r", runId)
			.param("i", index)
			.param("a", action)
			.param("s", status)
			.param("d", PendingEvents.clip(detail, 2000))
			.param("type", first == null ? null : first.type())
			.param("id", first == null ? null : first.id())
			.update();
		for (Effect effect : effects) {
			jdbc.sql("""
					insert into automation_effect (entity_type, entity_id, run_id, action_index)
					values (:type, :id, :r, :i) on conflict do nothing""")
				.param("type", effect.type())
				.param("id", effect.id())
				.param("r", runId)
				.param("i", index)
				.update();
		}
	}

	UUID incident(UUID projectId, String projectKey, UUID runId, String kind, String message) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into automation_incident (id, project_id, project_key, run_id, kind, message, created_at)
				values (:id, :p, :pk, :r, :k, :m, :at)""")
			.param("id", id)
			.param("p", projectId)
			.param("pk", projectKey)
			.param("r", runId)
			.param("k", kind)
			.param("m", PendingEvents.clip(message, 2000))
			.param("at", Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	// reading

	/** One action's outcome as the API shows it. */
	record ActionView(int index, String action, String status, String detail, String entityType, String entityId) {
	}

	/** A run as the API shows it; {@code actions} only in the detail. */
	record RunView(UUID id, UUID blueprintId, String blueprintName, UUID versionId, int versionNumber, int ruleIndex,
			String rule, String trigger, Map<String, Object> event, String condition, Boolean conditionValue,
			String conditionError, String status, String detail, UUID causedByRun, int depth, Instant startedAt,
			Instant finishedAt, List<ActionView> actions) {
	}

	/** Filters of the run list; nulls match everything. */
	record Filter(UUID blueprint, String rule, String status, Instant from, Instant to) {
	}

	private static final String COLUMNS = """
			select id, blueprint_id, blueprint_name, version_id, version_number, rule_index, rule_name, trigger_name,
			       event_data, condition_text, condition_value, condition_error, status, detail, cause_run_id, depth,
			       started_at, finished_at
			from automation_run""";

	PageResponse<RunView> list(UUID projectId, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder(" where project_id = :p");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("p", projectId);
		if (filter.blueprint() != null) {
			where.append(" and blueprint_id = :b");
			params.put("b", filter.blueprint());
		}
		if (filter.rule() != null) {
			where.append(" and rule_name = :rule");
			params.put("rule", filter.rule());
		}
		if (filter.status() != null) {
			where.append(" and status = :status");
			params.put("status", filter.status());
		}
		if (filter.from() != null) {
			where.append(" and started_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and started_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		long total = jdbc.sql("select count(*) from automation_run" + where).params(params).query(Long.class).single();
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<RunView> runs = jdbc.sql(COLUMNS + where + " order by started_at desc, id limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> view(rs, List.of()))
			.list();
		return PageResponse.of(runs, paging, total);
	}

	RunView get(UUID projectId, UUID id) {
		return jdbc.sql(COLUMNS + " where project_id = :p and id = :id")
			.param("p", projectId)
			.param("id", id)
			.query((rs, n) -> view(rs, actions(id)))
			.optional()
			.orElseThrow(() -> NotFoundException.of("automation run", id));
	}

	List<ActionView> actions(UUID runId) {
		return jdbc.sql("""
				select action_index, action, status, detail, entity_type, entity_id from automation_action
				where run_id = :r order by action_index""")
			.param("r", runId)
			.query((rs, n) -> new ActionView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/** The run and action that produced an entity of the project, if a rule produced it. */
	Optional<Map.Entry<UUID, Integer>> producer(UUID projectId, String type, String id) {
		return jdbc.sql("""
				select e.run_id, e.action_index from automation_effect e join automation_run r on r.id = e.run_id
				where e.entity_type = :type and e.entity_id = :id and r.project_id = :p
				order by r.started_at limit 1""")
			.param("type", type)
			.param("id", id)
			.param("p", projectId)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
			.optional();
	}

	private RunView view(java.sql.ResultSet rs, List<ActionView> actions) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		Object value = rs.getObject("condition_value");
		return new RunView(rs.getObject("id", UUID.class), rs.getObject("blueprint_id", UUID.class),
				rs.getString("blueprint_name"), rs.getObject("version_id", UUID.class), rs.getInt("version_number"),
				rs.getInt("rule_index"), rs.getString("rule_name"), rs.getString("trigger_name"),
				json.readValue(rs.getString("event_data"), MAP), rs.getString("condition_text"),
				value == null ? null : rs.getBoolean("condition_value"), rs.getString("condition_error"),
				rs.getString("status"), rs.getString("detail"), rs.getObject("cause_run_id", UUID.class),
				rs.getInt("depth"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), actions);
	}

	/** An incident as the API shows it. */
	record IncidentView(UUID id, UUID runId, String kind, String message, Instant createdAt) {
	}

	PageResponse<IncidentView> incidents(UUID projectId, Paging paging) {
		long total = jdbc.sql("select count(*) from automation_incident where project_id = :p")
			.param("p", projectId)
			.query(Long.class)
			.single();
		List<IncidentView> page = new ArrayList<>(jdbc.sql("""
				select id, run_id, kind, message, created_at from automation_incident where project_id = :p
				order by created_at desc, id limit :limit offset :offset""")
			.param("p", projectId)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new IncidentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list());
		return PageResponse.of(page, paging, total);
	}

}
