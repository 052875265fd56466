package dev.milepost.plan.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the usernames a request names into people of the project, refusing anyone who is not a
 * member (owners, assignees, acceptors and approvers must be able to see what they answer for).
 */
@Component
public class Participants {

	private final JdbcClient jdbc;

	Participants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID member(ProjectContext context, String field, String username) {
		return member(context.projectId(), context.projectKey(), field, username);
	}

	public UUID member(UUID projectId, String projectKey, String field, String username) {
		return jdbc.sql("""
				select u.id from app_user u join project_member m on m.user_id = u.id
				where m.project_id = :project and u.username = :username and u.enabled""")
			.param("project", projectId)
			.param("username", username)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> notAMember(projectKey, field, username));
	}

	/**
	 * Resolves usernames to active members of one project, as {@link #member} does one at a time:
	 * what a request naming many people (a bulk change) asks, with the same refusal.
	 */
	@FunctionalInterface
	public interface Members {

		UUID member(String field, String username);

	}

	/** One at a time, for a request naming a few people. */
	public Members of(ProjectContext context) {
		return (field, username) -> member(context, field, username);
	}

	/** The project's active members read once, for a request naming many people. */
	public Members roster(ProjectContext context) {
		Map<String, UUID> members = new HashMap<>();
		record Row(String username, UUID id) {
		}
		jdbc.sql("""
				select u.username, u.id from app_user u join project_member m on m.user_id = u.id
				where m.project_id = :project and u.enabled""")
			.param("project", context.projectId())
			.query(Rows.of(Row.class))
			.list()
			.forEach(row -> members.put(row.username(), row.id()));
		return (field, username) -> {
			UUID id = members.get(username);
			if (id == null) {
				throw notAMember(context.projectKey(), field, username);
			}
			return id;
		};
	}

	private static RuleViolationException notAMember(String projectKey, String field, String username) {
		return new RuleViolationException(field, "'" + username + "' is not a member of project " + projectKey
				+ "; add them as a member first, or name someone who is.");
	}

	public Optional<ProjectRole> roleOf(UUID projectId, UUID userId) {
		return jdbc.sql("select role from project_member where project_id = :project and user_id = :user")
			.param("project", projectId)
			.param("user", userId)
			.query(String.class)
			.optional()
			.map(ProjectRole::valueOf);
	}

	/** Usernames of the given people, for views. */
	public Map<UUID, String> usernames(Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		record Row(UUID id, String username) {
		}
		jdbc.sql("select id, username from app_user where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query(Rows.of(Row.class))
			.list()
			.forEach(row -> names.put(row.id(), row.username()));
		return names;
	}

	public String username(UUID id) {
		return id == null ? null : usernames(List.of(id)).get(id);
	}

}
