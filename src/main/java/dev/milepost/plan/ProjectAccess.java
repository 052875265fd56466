package dev.milepost.plan;

import java.util.UUID;

import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.Rows;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.SystemActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may do what in a project (PRODUCT.md §3). People outside a project learn nothing of it:
 * every call about it answers 404. Members may read; only managers and administrators plan.
 */
@Service
public class ProjectAccess {

	private final JdbcClient jdbc;

	/** Locks the project row against other lockers, not against inserts of rows that refer to it. */
	private final String lockClause;

	private final CurrentUsers currentUsers;

	ProjectAccess(JdbcClient jdbc, CurrentUsers currentUsers, dev.milepost.common.DatabaseKind database) {
		this.jdbc = jdbc;
		this.lockClause = database.lockAgainstLockersOnly();
		this.currentUsers = currentUsers;
	}

	/** Anyone who belongs to the project (or an administrator) may read it. */
	public ProjectContext read(String projectKey) {
		CurrentUser user = currentUsers.require();
		record Row(UUID id, String role) {
		}
		Row row = jdbc.sql("""
				select p.id, m.role from project p
				left join project_member m on m.project_id = p.id and m.user_id = :user
				where p.project_key = :key""")
			.param("user", user.id())
			.param("key", projectKey)
			.query(Rows.of(Row.class))
			.optional()
			.filter(found -> found.role() != null || user.admin())
			.orElseThrow(() -> NotFoundException.of("project", projectKey));
		return new ProjectContext(row.id(), projectKey, user, row.role() == null ? null : ProjectRole.valueOf(row.role()));
	}

	/** Managers of the project and administrators may change its plan and members. */
	public ProjectContext manage(String projectKey) {
		return requireManager(read(projectKey));
	}

	/** The same rule as {@link #manage}, for a request whose parts need different rights (a bulk change). */
	public ProjectContext requireManager(ProjectContext context) {
		if (!context.canManage()) {
			throw new ForbiddenException("Only the project's managers may change its plan; your role here is "
					+ context.role().name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		return context;
	}

	/**
	 * The project as the system actor sees it, with a manager's powers, for automation acting on a
	 * rule's behalf; the actor is {@code automation:} and the blueprint's name (as the audit
	 * record shows it). Empty when the project no longer exists. The caller decides what a rule
	 * may do; no person's rights are involved.
	 */
	public java.util.Optional<ProjectContext> asAutomation(UUID projectId, String blueprintName) {
		String actor = SystemActor.AUTOMATION + (blueprintName == null || blueprintName.isBlank() ? ""
				: ":" + blueprintName.strip());
		CurrentUser user = new CurrentUser(SystemActor.AUTOMATION_ID, actor.length() > 64 ? actor.substring(0, 64) : actor,
				"Automation", true);
		return jdbc.sql("select project_key from project where id = :id")
			.param("id", projectId)
			.query(String.class)
			.optional()
			.map(key -> new ProjectContext(projectId, key, user, ProjectRole.MANAGER));
	}

	/** Serializes plan changes that must see a stable graph, such as adding a dependency. */
	public void lock(ProjectContext context) {
		jdbc.sql("select id from project where id = :id " + lockClause).param("id", context.projectId())
			.query(UUID.class).single();
	}

}
