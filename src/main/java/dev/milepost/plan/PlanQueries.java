package dev.milepost.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.plan.milestone.Milestones;
import dev.milepost.plan.milestone.MilestoneView;
import dev.milepost.plan.project.Projects;
import dev.milepost.plan.support.WorkCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads whole plans for other modules in a handful of queries, without loading aggregates one by
 * one. Access is the caller's business: resolve the project with {@link ProjectAccess} first.
 */
@Service
public class PlanQueries {

	private final JdbcClient jdbc;

	private final Projects projects;

	private final Milestones milestones;

	PlanQueries(JdbcClient jdbc, Projects projects, Milestones milestones) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.milestones = milestones;
	}

	/** One milestone of the project as the API shows it; 404 when the project has none by that id. */
	public MilestoneDetails milestone(ProjectContext context, UUID id) {
		MilestoneView view = milestones.read(context, id).milestone();
		MilestoneView.CriterionView criterion = view.criterion();
		MilestoneView.Achievement achievement = view.achievement();
		return new MilestoneDetails(view.id(), view.name(), view.description(), view.targetDate(), view.owner(),
				criterion.kind(), criterion.kind().description(), criterion.text(), criterion.approver(),
				criterion.role(), view.tags(), achievement == null ? null : achievement.at(),
				achievement == null ? null : achievement.by(), achievement == null ? null : achievement.evidence(),
				achievement == null ? List.of() : achievement.openWork(),
				achievement == null || achievement.backDated() == null ? null : achievement.backDated().recordedAt());
	}

	/** Whether the project has a milestone by that id (one row read, not the plan). */
	public boolean hasMilestone(ProjectContext context, UUID id) {
		return jdbc.sql("select id from milestone where id = :id and project_id = :p")
			.param("id", id)
			.param("p", context.projectId())
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Whether the caller may achieve the milestone themselves now, and if not why: the answer of
	 * {@link MilestoneAchievement}, for pages that offer the form only when it would be accepted.
	 */
	public MilestoneAchievement.Answer achievement(ProjectContext context, UUID id) {
		return milestones.achievement(context, id);
	}

	/**
	 * Whether the caller may record the milestone's achievement with an earlier date
	 * ({@link MilestoneAchievement#mayBackDate}), for the page that offers the date field only then.
	 */
	public MilestoneAchievement.Answer backDating(ProjectContext context, UUID id) {
		return milestones.backDating(context, id);
	}

	/** The project's key and name, for the heading of another module's pages of it. */
	public ProjectHeading heading(ProjectContext context) {
		return jdbc.sql("select project_key, name from project where id = :id")
			.param("id", context.projectId())
			.query((rs, n) -> new ProjectHeading(rs.getString(1), rs.getString(2)))
			.single();
	}

	/** The keys of the projects still running (not completed or cancelled), for background work. */
	public List<String> projectKeys() {
		return jdbc.sql("select project_key from project where status not in ('COMPLETED', 'CANCELLED') order by project_key")
			.query(String.class)
			.list();
	}

	/** The project's id for its key, if it exists (no access check: for background work). */
	public java.util.Optional<UUID> projectId(String key) {
		return jdbc.sql("select id from project where project_key = :key").param("key", key).query(UUID.class).optional();
	}

	/**
	 * Locks the project's row until the transaction ends, so work that recomputes a project runs
	 * one at a time across instances. Returns false if the project no longer exists.
	 */
	@Transactional
	public boolean lock(UUID projectId) {
		return jdbc.sql("select id from project where id = :id for update").param("id", projectId).query(UUID.class)
			.optional()
			.isPresent();
	}

	/** The project's manager, sponsor and members by role, if it exists (no access check: for notifications). */
	public java.util.Optional<ProjectRoster> roster(UUID projectId) {
		record Head(String projectKey, String manager, String sponsor) {
		}
		return jdbc.sql("""
				select p.project_key, m.username as manager, s.username as sponsor from project p
				join app_user m on m.id = p.manager_id join app_user s on s.id = p.sponsor_id
				where p.id = :p""")
			.param("p", projectId)
			.query(Rows.of(Head.class))
			.optional()
			.map(head -> {
				Map<ProjectRole, List<String>> members = new java.util.EnumMap<>(ProjectRole.class);
				jdbc.sql("""
						select m.role, u.username from project_member m join app_user u on u.id = m.user_id
						where m.project_id = :p order by u.username""")
					.param("p", projectId)
					.query((rs, n) -> members.computeIfAbsent(ProjectRole.valueOf(rs.getString(1)),
							k -> new ArrayList<>()).add(rs.getString(2)))
					.list();
				return new ProjectRoster(head.projectKey(), head.manager(), head.sponsor(), members);
			});
	}

	/** The username of a milestone's owner, if the milestone exists. */
	public java.util.Optional<String> milestoneOwner(UUID milestoneId) {
		return jdbc.sql("select u.username from milestone m join app_user u on u.id = m.owner_id where m.id = :m")
			.param("m", milestoneId)
			.query(String.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public ProjectPlan plan(ProjectContext context) {
		return plan(context.projectId());
	}

	@Transactional(readOnly = true)
	public ProjectPlan plan(UUID projectId) {
		Map<UUID, String> usernames = new HashMap<>();
		Set<String> deactivated = new HashSet<>();
		jdbc.sql("""
				select u.id, u.username, u.enabled from app_user u
				where u.id in (select user_id from project_member where project_id = :p)
				   or u.id in (select sponsor_id from project where id = :p)
				   or u.id in (select manager_id from project where id = :p)""")
			.param("p", projectId)
			.query((rs, n) -> {
				if (!rs.getBoolean(3)) {
					deactivated.add(rs.getString(2));
				}
				return usernames.put(rs.getObject(1, UUID.class), rs.getString(2));
			})
			.list();
		record Head(UUID id, String projectKey, String name, UUID sponsorId, UUID managerId, LocalDate startDate,
				LocalDate targetFinish, String status) {
		}
		Head head = jdbc.sql("select id, project_key, name, sponsor_id, manager_id, start_date, target_finish, status "
				+ "from project where id = :p").param("p", projectId).query(Rows.of(Head.class)).single();
		WorkCalendar calendar = projects.calendarOf(projectId);
		List<ProjectPlan.Goal> goals = jdbc.sql("select id, outcome, measure from goal where project_id = :p order by created_at, id")
			.param("p", projectId)
			.query(Rows.of(ProjectPlan.Goal.class))
			.list();
		Map<UUID, List<String>> assignees = new HashMap<>();
		jdbc.sql("select a.task_id, a.user_id from task_assignee a join task t on t.id = a.task_id where t.project_id = :p")
			.param("p", projectId)
			.query((rs, n) -> assignees.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(usernames.get(rs.getObject(2, UUID.class))))
			.list();
		List<ProjectPlan.Task> tasks = TaskTable.of(jdbc.sql("""
				select id, name, duration_days, percent_complete, planned_start, actual_start, actual_finish,
				       estimate_optimistic, estimate_most_likely, estimate_pessimistic
				from task where project_id = :p order by created_at, id""")
			.param("p", projectId)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new ProjectPlan.Task(id, rs.getString("name"), rs.getInt("duration_days"),
						rs.getInt("percent_complete"), rs.getObject("planned_start", LocalDate.class),
						rs.getObject("actual_start", LocalDate.class), rs.getObject("actual_finish", LocalDate.class),
						(Integer) rs.getObject("estimate_optimistic"), (Integer) rs.getObject("estimate_most_likely"),
						(Integer) rs.getObject("estimate_pessimistic"), List.copyOf(assignees.getOrDefault(id, List.of())));
			})
			.list());
		List<ProjectPlan.Milestone> milestones = jdbc.sql("""
				select id, name, target_date, owner_id, criterion_kind, criterion_text, criterion_approver_id,
				       criterion_role, tags, achieved_at, achieved_by
				from milestone where project_id = :p order by target_date, id""")
			.param("p", projectId)
			.query((rs, n) -> {
				String tags = rs.getString("tags");
				java.sql.Timestamp achieved = rs.getTimestamp("achieved_at");
				return new ProjectPlan.Milestone(rs.getObject("id", UUID.class), rs.getString("name"),
						rs.getObject("target_date", LocalDate.class),
						usernames.get(rs.getObject("owner_id", UUID.class)),
						CriterionKind.valueOf(rs.getString("criterion_kind")),
						rs.getString("criterion_text"), usernames.get(rs.getObject("criterion_approver_id", UUID.class)),
						rs.getString("criterion_role"), tags == null ? List.of() : Arrays.asList(tags.split(",")),
						achieved == null ? null : achieved.toInstant(),
						usernames.get(rs.getObject("achieved_by", UUID.class)));
			})
			.list();
		List<ProjectPlan.Deliverable> deliverables = jdbc.sql(
				"select id, name, acceptor_id, milestone_id, accepted_at from deliverable where project_id = :p order by name, id")
			.param("p", projectId)
			.query((rs, n) -> new ProjectPlan.Deliverable(rs.getObject("id", UUID.class), rs.getString("name"),
					usernames.get(rs.getObject("acceptor_id", UUID.class)), rs.getObject("milestone_id", UUID.class),
					rs.getTimestamp("accepted_at") != null))
			.list();
		// each link's ends numbered as the plan numbers its activities (the tasks, then the milestones
		// as read above) while it is read, and laid out as arrays, so that scheduling looks no id up
		LinkTable.Builder links = LinkTable.builder(tasks, milestones);
		jdbc.sql("""
				select id, predecessor_id, predecessor_kind, successor_id, successor_kind, link_type, lag_days
				from dependency where project_id = :p order by created_at, id""")
			.param("p", projectId)
			.query((rs, n) -> links.add(rs.getObject("id", UUID.class), rs.getObject("predecessor_id", UUID.class),
					ActivityKind.valueOf(rs.getString("predecessor_kind")), rs.getObject("successor_id", UUID.class),
					ActivityKind.valueOf(rs.getString("successor_kind")), LinkType.valueOf(rs.getString("link_type")),
					rs.getInt("lag_days")))
			.list();
		return new ProjectPlan(projectId, head.projectKey(), head.name(), usernames.get(head.sponsorId()),
				usernames.get(head.managerId()), head.startDate(), head.targetFinish(), head.status(),
				calendar.workingDays(), calendar.holidays(), goals, tasks, milestones, deliverables, links.build(),
				deactivated);
	}

}
