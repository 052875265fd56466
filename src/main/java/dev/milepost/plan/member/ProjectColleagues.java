package dev.milepost.plan.member;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.milepost.identity.Colleagues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The people a person shares a project with, as members of any role (managers and sponsors are members). */
@Component
class ProjectColleagues implements Colleagues {

	private final JdbcClient jdbc;

	ProjectColleagues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<UUID> of(UUID personId) {
		return new HashSet<>(jdbc.sql("""
				select distinct other.user_id from project_member mine
				join project_member other on other.project_id = mine.project_id
				where mine.user_id = :person and other.user_id <> :person""")
			.param("person", personId)
			.query(UUID.class)
			.list());
	}

}
