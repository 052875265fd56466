package dev.milepost.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.identity.CurrentUser;
import dev.milepost.plan.support.Participants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The people of projects and their roles, for modules that hand out work to them (approvals).
 * Access is the caller's business: resolve the project with {@link ProjectAccess} first.
 */
@Service
public class ProjectPeople {

	private final JdbcClient jdbc;

	private final Participants participants;

	ProjectPeople(JdbcClient jdbc, Participants participants) {
		this.jdbc = jdbc;
		this.participants = participants;
	}

	/** A person as a project knows them; {@code role} is null for someone who is not a member. */
	public record Person(UUID id, String username, ProjectRole role) {
	}

	/** A project someone may see, and their role there (null for an administrator who is not a member). */
	public record Membership(UUID projectId, String projectKey, ProjectRole role) {
	}

	/** The active member of that username, or a refusal (422) naming the field. */
	public Person member(ProjectContext context, String field, String username) {
		UUID id = participants.member(context, field, username);
		return new Person(id, username, participants.roleOf(context.projectId(), id).orElseThrow());
	}

	public Optional<ProjectRole> roleOf(ProjectContext context, UUID userId) {
		return participants.roleOf(context.projectId(), userId);
	}

	/** The project's sponsor, with their role in it (null if they are no longer a member). */
	public Person sponsor(ProjectContext context) {
		UUID id = jdbc.sql("select sponsor_id from project where id = :p")
			.param("p", context.projectId())
			.query(UUID.class)
			.single();
		return new Person(id, participants.username(id), roleOf(context, id).orElse(null));
	}

	/** Whether anyone active holds the role in the project. */
	public boolean anyoneHolds(ProjectContext context, ProjectRole role) {
		return jdbc.sql("""
				select count(*) from project_member m join app_user u on u.id = m.user_id
				where m.project_id = :p and m.role = :role and u.enabled""")
			.param("p", context.projectId())
			.param("role", role.name())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The usernames of the active members holding the role, by username; for {@link ProjectRole#MANAGER}
	 * the project's manager comes first. Deactivated people are left out: work and decisions go to
	 * people who can still act on them.
	 */
	public List<String> activeHolders(ProjectContext context, ProjectRole role) {
		java.util.Set<String> names = new java.util.LinkedHashSet<>();
		if (role == ProjectRole.MANAGER) {
			names.addAll(jdbc.sql("""
					select u.username from project p join app_user u on u.id = p.manager_id
					join project_member m on m.project_id = p.id and m.user_id = u.id
					where p.id = :p and u.enabled""")
				.param("p", context.projectId())
				.query(String.class)
				.list());
		}
		names.addAll(jdbc.sql("""
				select u.username from project_member m join app_user u on u.id = m.user_id
				where m.project_id = :p and m.role = :role and u.enabled order by u.username""")
			.param("p", context.projectId())
			.param("role", role.name())
			.query(String.class)
			.list());
		return List.copyOf(names);
	}

	/** The projects the person may see: their memberships, or every project for an administrator. */
	public List<Membership> visibleTo(CurrentUser user) {
		return jdbc.sql("""
				select p.id, p.project_key, m.role from project p
				left join project_member m on m.project_id = p.id and m.user_id = :user
				where m.role is not null or :admin = true
				order by p.project_key""")
			.param("user", user.id())
			.param("admin", user.admin())
			.query((rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getString(3) == null ? null : ProjectRole.valueOf(rs.getString(3))))
			.list();
	}

}
