package dev.milepost.process.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ProjectContext;
import dev.milepost.process.internal.ProcessBodies.Template;
import dev.milepost.process.internal.ProcessBodies.TemplateView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The built-in templates (read-only) and each project's own, stored as JSON. */
@Service
class ProcessTemplates {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ProcessTemplates(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	List<TemplateView> builtIns() {
		return BuiltInTemplates.keys().stream().map(key -> view(key, null, true, BuiltInTemplates.ALL.get(key))).toList();
	}

	/** The built-ins, then the project's own in the order they were made. */
	List<TemplateView> of(ProjectContext context) {
		List<TemplateView> all = new ArrayList<>(builtIns());
		all.addAll(jdbc.sql("select id, definition from process_template where project_id = :p order by created_at, id")
			.param("p", context.projectId())
			.query((rs, n) -> view(rs.getObject(1, UUID.class).toString(), context.projectKey(), false,
					json.readValue(rs.getString(2), Template.class)))
			.list());
		return all;
	}

	@Transactional
	TemplateView create(ProjectContext context, Template template) {
		TemplateRules.check(template);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into process_template (id, project_id, project_key, name, definition, created_by, created_at)
				values (:id, :p, :key, :name, :definition, :by, :at)""")
			.param("id", id)
			.param("p", context.projectId())
			.param("key", context.projectKey())
			.param("name", template.name().strip())
			.param("definition", json.writeValueAsString(template))
			.param("by", context.actor())
			.param("at", java.sql.Timestamp.from(Instant.now(clock)))
			.update();
		return view(id.toString(), context.projectKey(), false, template);
	}

	/** A built-in by key or one of the project's templates by id; refused (422) when there is none. */
	TemplateView resolve(ProjectContext context, String idOrKey) {
		Optional<TemplateView> found = BuiltInTemplates.byKey(idOrKey).map(t -> view(idOrKey, null, true, t));
		if (found.isEmpty()) {
			UUID id = null;
			try {
				id = UUID.fromString(idOrKey);
			}
			catch (IllegalArgumentException notAnId) {
				// neither a built-in key nor an id
			}
			if (id != null) {
				UUID wanted = id;
				found = jdbc.sql("select definition from process_template where id = :id and project_id = :p")
					.param("id", wanted)
					.param("p", context.projectId())
					.query(String.class)
					.optional()
					.map(definition -> view(wanted.toString(), context.projectKey(), false,
							json.readValue(definition, Template.class)));
			}
		}
		return found.orElseThrow(() -> new RuleViolationException("template", "No template '" + idOrKey
				+ "' exists for project " + context.projectKey() + "; use a built-in key ("
				+ String.join(", ", BuiltInTemplates.keys()) + ") or the id of one of the project's templates."));
	}

	private static TemplateView view(String id, String project, boolean builtIn, Template template) {
		return new TemplateView(id, project, builtIn, template.name(), template.description(), template.steps(),
				template.milestone());
	}

}
