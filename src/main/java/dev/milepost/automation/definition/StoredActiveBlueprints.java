package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.milepost.common.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules in force per project, read from the active versions of the project's own and applied
 * workspace blueprints. Versions never change, so each is parsed and compiled once and kept.
 */
@Component
class StoredActiveBlueprints implements ActiveBlueprints {

	private static final int CACHE_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final Map<UUID, Blueprint> parsed = new ConcurrentHashMap<>();

	private final Map<String, CompiledCondition> conditions = new ConcurrentHashMap<>();

	StoredActiveBlueprints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ActiveRule> rules(UUID projectId, String trigger) {
		return inForce(projectId).rules(trigger);
	}

	@Override
	public Optional<InForce> inForce(String projectKey) {
		return read("p.project_key = :key", "key", projectKey);
	}

	@Override
	public InForce inForce(UUID projectId) {
		return read("p.id = :id", "id", projectId).orElseGet(() -> new InForce(projectId, List.of()));
	}

	/**
	 * One query for the project, its pause switch and its active versions (own and applied
	 * workspace ones, workspace first); a version's text is read only the first time it is seen.
	 */
	private Optional<InForce> read(String project, String name, Object value) {
		record Row(UUID projectId, UUID blueprintId, String name, UUID versionId, Integer number) {
		}
		List<Row> rows = jdbc.sql("""
				select p.id as project_id, b.id as blueprint_id, b.name, v.id as version_id, v.number
				from project p
				left join project_automation pa on pa.project_id = p.id
				left join blueprint b on b.status = 'ACTIVE' and (pa.paused is null or pa.paused = false)
				     and (b.project_id = p.id
				          or b.id in (select a.blueprint_id from project_blueprint a where a.project_id = p.id))
				left join blueprint_version v on v.blueprint_id = b.id and v.number = b.active_version and v.valid = true
				where %s
				order by b.project_id nulls first, b.created_at, b.id""".formatted(project))
			.param(name, value)
			.query(Rows.of(Row.class))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<ActiveRule> active = new ArrayList<>();
		for (Row row : rows) {
			if (row.versionId() == null) {
				continue;
			}
			Blueprint blueprint = blueprint(row.versionId());
			if (blueprint == null) {
				continue;
			}
			for (int i = 0; i < blueprint.rules().size(); i++) {
				Rule rule = blueprint.rules().get(i);
				active.add(new ActiveRule(row.blueprintId(), row.name(), row.versionId(), row.number(), i, rule,
						condition(row.versionId(), i, rule)));
			}
		}
		return Optional.of(new InForce(rows.get(0).projectId(), active));
	}

	private Blueprint blueprint(UUID versionId) {
		if (parsed.size() > CACHE_LIMIT) {
			parsed.clear();
			conditions.clear();
		}
		Blueprint blueprint = parsed.get(versionId);
		if (blueprint == null) {
			String yaml = jdbc.sql("select yaml from blueprint_version where id = :id")
				.param("id", versionId)
				.query(String.class)
				.single();
			// people and templates were checked when the version was saved; workspace ones are checked at run
			ParsedBlueprint result = BlueprintParser.parse(yaml);
			if (!result.valid()) {
				return null;
			}
			blueprint = result.blueprint();
			parsed.put(versionId, blueprint);
		}
		return blueprint;
	}

	private CompiledCondition condition(UUID versionId, int index, Rule rule) {
		if (rule.condition() == null) {
			return null;
		}
		return conditions.computeIfAbsent(versionId + "#" + index,
				k -> Conditions.compile(rule.when().name(), rule.condition()).condition());
	}

}
