package dev.milepost.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A large plan written straight into the tables (the API would take minutes for thousands of
 * tasks): projects of one-day tasks planned to start today, each assigned to one of the people,
 * so every task has a reminder due.
 */
final class BulkPlan {

	private BulkPlan() {
	}

	/** Writes {@code tasks} due tasks spread over {@code projects} projects and {@code people} people. */
	static void write(NamedParameterJdbcTemplate jdbc, String prefix, int projects, int tasks, int people,
			LocalDate today) {
		Timestamp now = Timestamp.from(Instant.now());
		List<UUID> users = new ArrayList<>();
		List<MapSqlParameterSource> userRows = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			UUID id = UUID.randomUUID();
			users.add(id);
			String username = (prefix + "-person-" + i).toLowerCase();
			userRows.add(new MapSqlParameterSource().addValue("id", id)
				.addValue("username", username)
				.addValue("name", "Person " + i)
				.addValue("email", username + "@example.com")
				.addValue("now", now));
		}
		jdbc.batchUpdate("""
				insert into app_user (id, username, display_name, email, password_hash, admin, enabled, created_at, version)
				values (:id, :username, :name, :email, 'not-a-hash', false, true, :now, 1)""",
				userRows.toArray(MapSqlParameterSource[]::new));
		int perProject = (tasks + projects - 1) / projects;
		int written = 0;
		for (int p = 0; p < projects && written < tasks; p++) {
			UUID project = UUID.randomUUID();
			jdbc.update("""
					insert into project (id, project_key, name, sponsor_id, manager_id, start_date, target_finish, status,
					                     created_at, version)
					values (:id, :key, :name, :user, :user, :start, :finish, 'ACTIVE', :now, 1)""",
					new MapSqlParameterSource().addValue("id", project)
						.addValue("key", (prefix + p).toUpperCase())
						.addValue("name", "Load " + p)
						.addValue("user", users.get(0))
						.addValue("start", today.minusMonths(1))
						.addValue("finish", today.plusMonths(6))
						.addValue("now", now));
			List<MapSqlParameterSource> members = new ArrayList<>();
			for (UUID user : users) {
				members.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID())
					.addValue("project", project)
					.addValue("user", user)
					.addValue("role", user.equals(users.get(0)) ? "MANAGER" : "MEMBER"));
			}
			jdbc.batchUpdate("insert into project_member (id, project_id, user_id, role, version) "
					+ "values (:id, :project, :user, :role, 1)", members.toArray(MapSqlParameterSource[]::new));
			List<MapSqlParameterSource> taskRows = new ArrayList<>();
			List<MapSqlParameterSource> assignees = new ArrayList<>();
			for (int t = 0; t < perProject && written < tasks; t++, written++) {
				UUID task = UUID.randomUUID();
				taskRows.add(new MapSqlParameterSource().addValue("id", task)
					.addValue("project", project)
					.addValue("name", "Task " + written)
					.addValue("start", today)
					.addValue("now", now));
				assignees.add(new MapSqlParameterSource().addValue("task", task)
					.addValue("user", users.get(written % users.size())));
			}
			jdbc.batchUpdate("""
					insert into task (id, project_id, name, duration_days, percent_complete, planned_start, created_at, version)
					values (:id, :project, :name, 1, 0, :start, :now, 1)""", taskRows.toArray(MapSqlParameterSource[]::new));
			jdbc.batchUpdate("insert into task_assignee (task_id, user_id) values (:task, :user)",
					assignees.toArray(MapSqlParameterSource[]::new));
		}
	}

}
