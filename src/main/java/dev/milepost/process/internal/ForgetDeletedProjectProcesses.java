package dev.milepost.process.internal;

import dev.milepost.common.EntityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When a project is deleted, its processes and templates go with it, in the same transaction. */
@Component
class ForgetDeletedProjectProcesses {

	private final JdbcClient jdbc;

	ForgetDeletedProjectProcesses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EntityChanged change) {
		if (!change.entityType().equals("project") || !change.action().equals("deleted")) {
			return;
		}
		jdbc.sql("delete from process_step where process_id in (select id from process where project_key = :key)")
			.param("key", change.scope())
			.update();
		jdbc.sql("delete from process where project_key = :key").param("key", change.scope()).update();
		jdbc.sql("delete from process_template where project_key = :key").param("key", change.scope()).update();
	}

}
