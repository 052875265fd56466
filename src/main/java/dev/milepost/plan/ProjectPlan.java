package dev.milepost.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A read-only snapshot of one project's whole plan, for the modules that compute on it
 * (scheduling, plan health). People are given by username; {@code deactivated} names those of
 * them whose accounts are deactivated (they can no longer sign in, approve or confirm anything).
 *
 * <p>
 * Activities are numbered tasks first (0..tasks-1, in list order), then milestones. Each link
 * carries its ends as indices in that numbering beside their ids: the plan numbers the links
 * that come without (as read from the database) once, when it is made, and checks those that come
 * with them. {@link #linkTable()} gives the links also as arrays, and {@link #taskTable()} the
 * tasks' durations, for scheduling.
 */
public record ProjectPlan(UUID projectId, String key, String name, String sponsor, String manager, LocalDate start,
		LocalDate targetFinish, String status, Set<DayOfWeek> workingDays, Set<LocalDate> holidays,
		List<Goal> goals, List<Task> tasks, List<Milestone> milestones, List<Deliverable> deliverables,
		List<Link> links, Set<String> deactivated) {

	public ProjectPlan {
		tasks = TaskTable.of(tasks);
		links = LinkTable.of(tasks, milestones, links);
		deactivated = deactivated == null ? Set.of() : Set.copyOf(deactivated);
	}

	/** A plan in which nobody is deactivated, or in which it does not matter (scheduling). */
	public ProjectPlan(UUID projectId, String key, String name, String sponsor, String manager, LocalDate start,
			LocalDate targetFinish, String status, Set<DayOfWeek> workingDays, Set<LocalDate> holidays,
			List<Goal> goals, List<Task> tasks, List<Milestone> milestones, List<Deliverable> deliverables,
			List<Link> links) {
		this(projectId, key, name, sponsor, manager, start, targetFinish, status, workingDays, holidays, goals, tasks,
				milestones, deliverables, links, Set.of());
	}

	/** The tasks (the same as {@link #tasks()}), with what scheduling reads of them as arrays. */
	public TaskTable taskTable() {
		return (TaskTable) tasks;
	}

	/** The links (the same as {@link #links()}), with their ends, types and lags as arrays over the numbering. */
	public LinkTable linkTable() {
		return (LinkTable) links;
	}

	/** How many activities the plan numbers: its tasks, then its milestones. */
	public int activityCount() {
		return tasks.size() + milestones.size();
	}

	/** Whether the person is in the plan with a deactivated account. */
	public boolean deactivated(String username) {
		return username != null && deactivated.contains(username);
	}

	public record Goal(UUID id, String outcome, String measure) {
	}

	/** A task; dates are null where not set. Estimates in working days, null when not given. */
	public record Task(UUID id, String name, int durationDays, int percentComplete, LocalDate plannedStart,
			LocalDate actualStart, LocalDate actualFinish, Integer optimistic, Integer mostLikely,
			Integer pessimistic, List<String> assignees) {

		public boolean done() {
			return actualFinish != null;
		}

	}

	/** A milestone; {@code role} is the role an approval by role asks for, by name. */
	public record Milestone(UUID id, String name, LocalDate targetDate, String owner, CriterionKind criterionKind,
			String criterionText, String approver, String role, List<String> tags, Instant achievedAt,
			String achievedBy) {

		public boolean achieved() {
			return achievedAt != null;
		}

	}

	public record Deliverable(UUID id, String name, String acceptor, UUID milestoneId, boolean accepted) {
	}

	/**
	 * A dependency between two activities. {@code predecessorIndex} and {@code successorIndex} are
	 * the ends' numbers in the plan (tasks first, then milestones); -1 where not numbered yet, or
	 * where the id is no activity of the plan.
	 */
	public record Link(UUID id, UUID predecessor, ActivityKind predecessorKind, UUID successor,
			ActivityKind successorKind, LinkType type, int lagDays, int predecessorIndex, int successorIndex) {

		/** A link by ids alone, as stored; the plan it is put into numbers its ends. */
		public Link(UUID id, UUID predecessor, ActivityKind predecessorKind, UUID successor, ActivityKind successorKind,
				LinkType type, int lagDays) {
			this(id, predecessor, predecessorKind, successor, successorKind, type, lagDays, -1, -1);
		}

	}

}
