package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
		if (projectPaused(projectId)) {
			return List.of();
		}
		record Row(UUID blueprintId, String name, UUID versionId, int number, String yaml) {
		}
		List<Row> rows = jdbc.sql("""
				select b.id as blueprint_id, b.name, v.id as version_id, v.number, v.yaml
				from blueprint b join blueprint_version v on v.blueprint_id = b.id and v.number = b.active_version
				where b.status = 'ACTIVE' and v.valid = true
				and (b.project_id = :p
				     or b.id in (select a.blueprint_id from project_blueprint a where a.project_id = :p))
				order by b.project_id nulls first, b.created_at, b.id""")
			.param("p", projectId)
			.query(Row.class)
			.list();
		List<ActiveRule> active = new ArrayList<>();
		for (Row row : rows) {
			Blueprint blueprint = blueprint(row.versionId(), row.yaml());
			if (blueprint == null) {
				continue;
			}
			for (int i = 0; i < blueprint.rules().size(); i++) {
				Rule rule = blueprint.rules().get(i);
				if (rule.when().name().equals(trigger)) {
					active.add(new ActiveRule(row.blueprintId(), row.name(), row.versionId(), row.number(), i, rule,
							condition(row.versionId(), i, rule)));
				}
			}
		}
		return active;
	}

	@Override
	public boolean projectPaused(UUID projectId) {
		return jdbc.sql("select paused from project_automation where project_id = :p")
			.param("p", projectId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private Blueprint blueprint(UUID versionId, String yaml) {
		if (parsed.size() > CACHE_LIMIT) {
			parsed.clear();
			conditions.clear();
		}
		Blueprint blueprint = parsed.get(versionId);
		if (blueprint == null) {
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
