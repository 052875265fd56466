package dev.milepost.automation.runtime;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.MultiRow;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json;

	private final Clock clock;

	RunLog(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
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
		return begin(id, start) ? Optional.of(id) : Optional.empty();
	}

	/** Starts a run with the given id; false when a run with the same dedupe key exists. */
	boolean begin(UUID id, Start start) {
		return named.update(INSERT_RUN + " values " + RUN_TUPLE + " on conflict do nothing", runRow(id, start, null)) == 1;
	}

	/**
	 * Starts runs in one write: for each, its id, or empty when a run with the same dedupe key
	 * exists (read back only when the write says some were there already).
	 */
	List<Optional<UUID>> beginAll(List<Start> starts) {
		if (starts.size() < 2) {
			return starts.stream().map(this::begin).toList();
		}
		List<UUID> ids = new ArrayList<>();
		List<Map<String, ?>> rows = new ArrayList<>();
		for (Start start : starts) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			rows.add(runRow(id, start, null));
		}
		int written = MultiRow.insert(named, INSERT_RUN, RUN_TUPLE, "on conflict do nothing", rows);
		Set<UUID> ours = written == rows.size() ? new HashSet<>(ids)
				: new HashSet<>(named.queryForList("select id from automation_run where id in (:ids)",
						Map.of("ids", ids), UUID.class));
		return ids.stream().map(id -> ours.contains(id) ? Optional.of(id) : Optional.<UUID>empty()).toList();
	}

	/** A run whose row is written only once it has ended: its id, how it began and how it ended. */
	record Ended(UUID id, Start start, Finish finish) {
	}

	/**
	 * Writes runs that began and ended within the caller's transaction, whole, in one write; fails
	 * (so the caller rolls back) if a run with one of their dedupe keys exists.
	 */
	void insertEnded(List<Ended> runs) {
		List<Map<String, Object>> rows = runs.stream().map(run -> runRow(run.id(), run.start(), run.finish())).toList();
		int written = MultiRow.insert(named, INSERT_RUN, RUN_TUPLE, "on conflict do nothing", rows);
		if (written != rows.size()) {
			throw new IllegalStateException("Some of these runs had run before; their events are taken one at a time.");
		}
	}

	private static final String INSERT_RUN = """
			insert into automation_run (id, dedupe_key, project_id, project_key, blueprint_id, blueprint_name,
			  version_id, version_number, rule_index, rule_name, trigger_name, event_data, condition_text,
			  status, cause_run_id, depth, started_at, detail, condition_value, condition_error, finished_at)""";

	private static final String RUN_TUPLE = """
			(:id, :key, :p, :pk, :b, :bn, :v, :vn, :ri, :rn, :t, :data, :cond, :status, :cause, :depth, :at, :detail,
			 :value, :error, :finished)""";

	/** A run's row: begun ({@code finish} null, status {@code RUNNING}) or whole. */
	private Map<String, Object> runRow(UUID id, Start start, Finish finish) {
		Map<String, Object> row = new HashMap<>();
		Timestamp now = Timestamp.from(clock.instant());
		row.put("status", finish == null ? Status.RUNNING.name() : finish.status().name());
		row.put("detail", finish == null ? null : PendingEvents.clip(finish.detail(), 2000));
		row.put("value", finish == null ? null : finish.conditionValue());
		row.put("error", finish == null ? null : PendingEvents.clip(finish.conditionError(), 1000));
		row.put("finished", finish == null ? null : now);
		row.put("id", id);
		row.put("key", PendingEvents.clip(start.dedupeKey(), 400));
		row.put("p", start.projectId());
		row.put("pk", start.projectKey());
		row.put("b", start.blueprintId());
		row.put("bn", PendingEvents.clip(start.blueprintName(), 200));
		row.put("v", start.versionId());
		row.put("vn", start.versionNumber());
		row.put("ri", start.ruleIndex());
		row.put("rn", PendingEvents.clip(start.ruleName(), 200));
		row.put("t", start.trigger());
		row.put("data", json.writeValueAsString(start.event()));
		row.put("cond", PendingEvents.clip(start.conditionText(), 2000));
		row.put("cause", start.causeRunId());
		row.put("depth", start.depth());
		row.put("at", now);
		return row;
	}

	/** How a run ended: its status and detail, and what its condition came to (null when it has none or failed). */
	record Finish(UUID runId, Status status, String detail, Boolean conditionValue, String conditionError) {
	}

	/** Ends runs, one write per distinct ending (the runs of a batch mostly end alike). */
	void finishAll(List<Finish> finishes) {
		Timestamp now = Timestamp.from(clock.instant());
		Map<List<Object>, List<UUID>> alike = new LinkedHashMap<>();
		for (Finish finish : finishes) {
			alike.computeIfAbsent(java.util.Arrays.asList(finish.status(), finish.detail(), finish.conditionValue(),
					finish.conditionError()), k -> new ArrayList<>()).add(finish.runId());
		}
		alike.forEach((ending, ids) -> {
			for (int from = 0; from < ids.size(); from += 500) {
				Map<String, Object> values = new HashMap<>();
				values.put("status", ((Status) ending.get(0)).name());
				values.put("detail", PendingEvents.clip((String) ending.get(1), 2000));
				values.put("at", now);
				values.put("value", ending.get(2));
				values.put("error", PendingEvents.clip((String) ending.get(3), 1000));
				values.put("ids", ids.subList(from, Math.min(ids.size(), from + 500)));
				named.update("""
						update automation_run set status = :status, detail = :detail, finished_at = :at,
						       condition_value = :value, condition_error = :error
						where id in (:ids)""", new MapSqlParameterSource(values));
			}
		});
	}

	/** An entity an action produced, as the effects index and the action's outcome name it. */
	record Effect(String type, String id) {
	}

	/** An action's outcome and what it produced. */
	record ActionRow(UUID runId, int index, String action, String status, String detail, List<Effect> effects) {
	}

	/** Records an action's outcome and what it produced, in the transaction that produced it. */
	void action(UUID runId, int index, String action, String status, String detail, List<Effect> effects) {
		actions(List.of(new ActionRow(runId, index, action, status, detail, effects)));
	}

	/** Records actions' outcomes and the effects index, one write per table. */
	void actions(List<ActionRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Map<String, ?>> actions = new ArrayList<>();
		List<Map<String, ?>> effects = new ArrayList<>();
		for (ActionRow row : rows) {
			Effect first = row.effects().isEmpty() ? null : row.effects().get(0);
			Map<String, Object> action = new HashMap<>();
			action.put("r", row.runId());
			action.put("i", row.index());
			action.put("a", row.action());
			action.put("s", row.status());
			action.put("d", PendingEvents.clip(row.detail(), 2000));
			action.put("type", first == null ? null : first.type());
			action.put("id", first == null ? null : first.id());
			actions.add(action);
			for (Effect effect : row.effects()) {
				effects.add(Map.of("type", effect.type(), "id", effect.id(), "r", row.runId(), "i", row.index()));
			}
		}
		MultiRow.insert(named, "insert into automation_action (run_id, action_index, action, status, detail, entity_type, entity_id)",
				"(:r, :i, :a, :s, :d, :type, :id)", null, actions);
		MultiRow.insert(named, "insert into automation_effect (entity_type, entity_id, run_id, action_index)",
				"(:type, :id, :r, :i)", "on conflict do nothing", effects);
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
		// read before the run, not inside its row callback: that would ask for a second connection
		List<ActionView> actions = actions(id);
		return jdbc.sql(COLUMNS + " where project_id = :p and id = :id")
			.param("p", projectId)
			.param("id", id)
			.query((rs, n) -> view(rs, actions))
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
