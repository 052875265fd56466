package dev.milepost.process.internal;

import java.util.UUID;

import dev.milepost.process.ProcessTemplateCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers whether a template exists, for modules that refer to templates by key or id. */
@Component
class TemplateCatalog implements ProcessTemplateCatalog {

	private final JdbcClient jdbc;

	TemplateCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean exists(UUID projectId, String template) {
		if (BuiltInTemplates.byKey(template).isPresent()) {
			return true;
		}
		UUID id;
		try {
			id = UUID.fromString(template);
		}
		catch (IllegalArgumentException notAnId) {
			return false;
		}
		return jdbc.sql("select count(*) from process_template where id = :id and project_id = :p")
			.param("id", id)
			.param("p", projectId)
			.query(Long.class)
			.single() > 0;
	}

}
