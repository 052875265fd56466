package dev.milepost.plan.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.plan.ActivityKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the tasks and milestones of a project by id, whichever kind they are. */
@Component
public class Activities {

	private final JdbcClient jdbc;

	Activities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record ActivityRef(UUID id, ActivityKind kind, String name) {
	}

	public Optional<ActivityRef> find(UUID projectId, UUID id) {
		return jdbc.sql("""
				select id, 'TASK' as kind, name from task where id = :id and project_id = :p
				union all
				select id, 'MILESTONE' as kind, name from milestone where id = :id and project_id = :p""")
			.param("id", id)
			.param("p", projectId)
			.query(Rows.of(ActivityRef.class))
			.optional();
	}

	public Map<UUID, ActivityRef> all(UUID projectId) {
		Map<UUID, ActivityRef> all = new LinkedHashMap<>();
		jdbc.sql("""
				select id, 'TASK' as kind, name from task where project_id = :p
				union all
				select id, 'MILESTONE' as kind, name from milestone where project_id = :p""")
			.param("p", projectId)
			.query(Rows.of(ActivityRef.class))
			.list()
			.forEach(ref -> all.put(ref.id(), ref));
		return all;
	}

}
