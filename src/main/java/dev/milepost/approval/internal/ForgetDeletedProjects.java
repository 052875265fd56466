package dev.milepost.approval.internal;

import dev.milepost.common.EntityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a project is deleted, its approval requests go with it, in the same transaction (their
 * history stays on the audit record). The approval tables hold no foreign keys into the plan.
 */
@Component
class ForgetDeletedProjects {

	private final JdbcClient jdbc;

	ForgetDeletedProjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EntityChanged change) {
		if (!change.entityType().equals("project") || !change.action().equals("deleted")) {
			return;
		}
		for (String table : java.util.List.of("approval_step", "approval_prerequisite")) {
			jdbc.sql("delete from " + table
					+ " where request_id in (select id from approval_request where project_key = :key)")
				.param("key", change.scope())
				.update();
		}
		jdbc.sql("delete from approval_request where project_key = :key").param("key", change.scope()).update();
	}

}
