package dev.milepost.plan.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.MultiRow;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.Rows;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.Users;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.dependency.Dependencies;
import dev.milepost.plan.project.Projects;
import dev.milepost.plan.support.Participants;
import dev.milepost.plan.support.PlanEvents;
import dev.milepost.plan.support.WorkCalendar;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The work of a project. Managers plan tasks; members report progress on the tasks they are on. */
@Service
public class Tasks {

	/** What a member may change on a task assigned to them: its progress, nothing else. */
	private static final Set<String> PROGRESS_FIELDS = Set.of("percentComplete", "actualStart", "actualFinish");

	private final TaskRepository tasks;

	private final Participants participants;

	private final Dependencies dependencies;

	private final Projects projects;

	private final Users users;

	private final PlanEvents events;

	private final JdbcClient jdbc;

	private final Clock clock;

	Tasks(TaskRepository tasks, Participants participants, Dependencies dependencies, Projects projects, Users users,
			PlanEvents events, JdbcClient jdbc, Clock clock) {
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.participants = participants;
		this.dependencies = dependencies;
		this.projects = projects;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	public record Versioned(TaskView task, long version) {
	}

	public PageResponse<TaskView> list(ProjectContext context, String query, String assignee, TaskState state,
			Paging paging) {
		UUID assigneeId = assignee == null ? null
				: users.findByUsername(assignee).map(user -> user.id()).orElse(new UUID(0, 0));
		String q = query == null ? null : query.toLowerCase(Locale.ROOT);
		// The filters and the order on a few columns of every task, then whole tasks for the page only:
		// reading every task as an aggregate asked the database once per task for its assignees.
		List<UUID> matching = jdbc.sql("""
				select id, name, planned_start, actual_start, actual_finish, percent_complete from task
				where project_id = :project""" + (assigneeId == null ? ""
				: " and id in (select task_id from task_assignee where user_id = :assignee)"))
			.param("project", context.projectId())
			.params(assigneeId == null ? Map.of() : Map.of("assignee", assigneeId))
			.query(Rows.of(Listed.class))
			.list()
			.stream()
			.filter(task -> q == null || task.name().toLowerCase(Locale.ROOT).contains(q))
			.filter(task -> state == null || TaskState.of(task.actualStart(), task.actualFinish(), task.percentComplete()) == state)
			.sorted(Comparator.comparing(Listed::plannedStart, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Listed::name)
				.thenComparing(Listed::id))
			.map(Listed::id)
			.toList();
		Loaded page = loadAll(paging.slice(matching));
		return PageResponse.of(views(context, page.tasks(), page.usernames()), paging, matching.size());
	}

	/** What the task list filters and orders by. */
	private record Listed(UUID id, String name, LocalDate plannedStart, LocalDate actualStart, LocalDate actualFinish,
			int percentComplete) {
	}

	/**
	 * Tasks by id, in the order given, with their assignees and the assignees' usernames, in one
	 * query (a row per task and assignee): the repository asks once per task for its assignees.
	 */
	private Loaded loadAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return new Loaded(List.of(), Map.of());
		}
		Map<UUID, TaskRow> rows = new HashMap<>();
		Map<UUID, Set<Assignee>> assignees = new HashMap<>();
		Map<UUID, String> usernames = new HashMap<>();
		RowMapper<TaskRow> taskRows = Rows.of(TaskRow.class);
		jdbc.sql("""
				select t.*, a.user_id as assignee_id, u.username as assignee_username
				from task t
				left join task_assignee a on a.task_id = t.id
				left join app_user u on u.id = a.user_id
				where t.id in (:ids)""")
			.param("ids", ids)
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				if (!rows.containsKey(id)) {
					rows.put(id, taskRows.mapRow(rs, row));
				}
				UUID assignee = rs.getObject("assignee_id", UUID.class);
				if (assignee != null) {
					assignees.computeIfAbsent(id, task -> new HashSet<>()).add(new Assignee(assignee));
					usernames.put(assignee, rs.getString("assignee_username"));
				}
				return id;
			})
			.list();
		List<Task> tasks = ids.stream()
			.map(rows::get)
			.filter(Objects::nonNull)
			.map(row -> row.task(assignees.getOrDefault(row.id(), Set.of())))
			.toList();
		return new Loaded(tasks, usernames);
	}

	/** Tasks as read, with the usernames of everyone assigned to them. */
	private record Loaded(List<Task> tasks, Map<UUID, String> usernames) {
	}

	private record TaskRow(UUID id, UUID projectId, String name, String description, int durationDays,
			BigDecimal effortHours, int percentComplete, LocalDate plannedStart, LocalDate actualStart,
			LocalDate actualFinish, Integer estimateOptimistic, Integer estimateMostLikely, Integer estimatePessimistic,
			Instant createdAt, Long version) {

		Task task(Set<Assignee> assignees) {
			return new Task(id, projectId, name, description, durationDays, effortHours, percentComplete, plannedStart,
					actualStart, actualFinish, estimateOptimistic, estimateMostLikely, estimatePessimistic, assignees,
					createdAt, version);
		}

	}

	public Versioned read(ProjectContext context, UUID id) {
		// two plain queries, no transaction: the repository's read is four round trips
		Loaded loaded = loadAll(List.of(id));
		Task task = loaded.tasks()
			.stream()
			.filter(found -> found.projectId().equals(context.projectId()))
			.findFirst()
			.orElseThrow(() -> NotFoundException.of("task", id));
		return new Versioned(views(context, List.of(task), loaded.usernames()).get(0), task.version());
	}

	/** Refuses at once anyone who may not change this task at all, before their patch is even read. */
	public void requireMayEdit(ProjectContext context, UUID id) {
		Task task = load(context, id);
		if (!context.canManage() && !(context.holds(ProjectRole.MEMBER) && task.isAssigned(context.user().id()))) {
			throw new ForbiddenException("Only the project's managers, or members assigned to this task, may change it.");
		}
	}

	public TaskRequest requestOf(ProjectContext context, UUID id) {
		TaskView view = view(context, load(context, id));
		return new TaskRequest(view.name(), view.description(), view.durationDays(), view.effortHours(),
				view.assignees(), view.percentComplete(), view.plannedStart(), view.actualStart(), view.actualFinish(),
				view.estimate());
	}

	@Transactional
	public Versioned create(ProjectContext context, TaskRequest request) {
		Task task = tasks.save(draft(context, request, participants.of(context)));
		TaskView view = view(context, task);
		events.created(context, "task", task.id(), view);
		return new Versioned(view, task.version());
	}

	/**
	 * A new task checked by the same rules as {@link #create}, not yet stored: what a bulk change
	 * collects before it stores them all with {@link #insertAll}.
	 */
	public Task draft(ProjectContext context, TaskRequest request, Participants.Members members) {
		return Task.create(context.projectId(), details(members, request), today(), clock.instant());
	}

	/**
	 * Stores new tasks (from {@link #draft}) in batches. Their record is the caller's: a bulk
	 * change puts one entry for the whole change on it.
	 */
	@Transactional
	public void insertAll(List<Task> drafts) {
		// 200 rows a statement, the columns from the aggregate itself (newRow), no Spring Data mapping per entity;
		// the figures are in BENCHMARKS.md, "Bulk plan changes"
		MultiRow.insert(jdbc, """
				insert into task (id, project_id, name, description, duration_days, effort_hours, percent_complete,
				                  planned_start, actual_start, actual_finish, estimate_optimistic, estimate_most_likely,
				                  estimate_pessimistic, created_at, version)""",
				"(:id, :projectId, :name, :description, :durationDays, :effortHours, :percentComplete, :plannedStart, "
						+ ":actualStart, :actualFinish, :optimistic, :mostLikely, :pessimistic, :createdAt, 0)",
				null, drafts.stream().map(Task::newRow).toList());
		MultiRow.insert(jdbc, "insert into task_assignee (task_id, user_id)", "(:task, :user)", null,
				drafts.stream()
					.flatMap(task -> task.assigneeIds().stream().map(user -> Map.of("task", task.id(), "user", user)))
					.toList());
	}

	/**
	 * Managers change anything; a member changes only the progress of a task they are assigned to;
	 * everyone else is refused.
	 */
	@Transactional
	public Versioned update(ProjectContext context, UUID id, String ifMatch, TaskRequest request) {
		Task task = load(context, id);
		if (!context.canManage()) {
			requireProgressOnly(context, task, requestOf(context, id), request);
		}
		task.expectVersion(ETags.requireCurrent(ifMatch, task.version()));
		TaskView before = view(context, task);
		task.change(details(participants.of(context), request), today());
		task = tasks.save(task);
		TaskView after = view(context, task);
		events.updated(context, "task", id, before, after);
		return new Versioned(after, task.version());
	}

	/**
	 * Takes a person off every task of the project they are assigned to, each change on the record
	 * as {@code unassigned}: what happens to a deactivated person's tasks when they leave the
	 * project. Returns the names of the tasks.
	 */
	@Transactional
	public List<String> unassignEverywhere(ProjectContext context, UUID userId) {
		List<String> names = new ArrayList<>();
		List<UUID> theirs = jdbc.sql("""
				select id from task
				where project_id = :project and id in (select task_id from task_assignee where user_id = :user)
				order by created_at, id""")
			.param("project", context.projectId())
			.param("user", userId)
			.query(UUID.class)
			.list();
		for (Task task : loadAll(theirs).tasks()) {
			TaskView before = view(context, task);
			task.unassign(userId);
			task = tasks.save(task);
			events.changed(context, "task", task.id(), "unassigned", before, view(context, task));
			names.add(task.name());
		}
		return names;
	}

	@Transactional
	public void delete(ProjectContext context, UUID id, boolean removeLinks) {
		Task task = load(context, id);
		List<String> links = dependencies.linksOf(context, id);
		if (!links.isEmpty() && !removeLinks) {
			throw new ConflictException("Task '" + task.name() + "' is linked: " + String.join(", ", links)
					+ ". Delete with removeLinks=true to remove those links too.");
		}
		TaskView before = view(context, task);
		dependencies.removeLinksOf(context, id);
		tasks.delete(task);
		events.deleted(context, "task", id, before);
	}

	private void requireProgressOnly(ProjectContext context, Task task, TaskRequest current, TaskRequest wanted) {
		if (!context.holds(ProjectRole.MEMBER) || !task.isAssigned(context.user().id())) {
			throw new ForbiddenException("Only the project's managers, or members assigned to this task, may change it.");
		}
		List<String> changed = new ArrayList<>();
		compare(changed, "name", current.name(), wanted.name());
		compare(changed, "description", current.description(), wanted.description());
		compare(changed, "durationDays", current.durationDays(), wanted.durationDays());
		compare(changed, "effortHours", current.effortHours(), wanted.effortHours());
		compare(changed, "assignees", Set.copyOf(current.assignees()), Set.copyOf(wanted.assignees()));
		compare(changed, "plannedStart", current.plannedStart(), wanted.plannedStart());
		compare(changed, "estimate", current.estimate(), wanted.estimate());
		if (!changed.isEmpty()) {
			throw new ForbiddenException(changed.get(0), "As a member you may report progress ("
					+ String.join(", ", PROGRESS_FIELDS.stream().sorted().toList()) + ") on your tasks; ask a manager to change "
					+ String.join(", ", changed) + ".");
		}
	}

	private static void compare(List<String> changed, String field, Object current, Object wanted) {
		boolean same = current instanceof java.math.BigDecimal a && wanted instanceof java.math.BigDecimal b
				? a.compareTo(b) == 0 : Objects.equals(current, wanted);
		if (!same) {
			changed.add(field);
		}
	}

	private Task.Details details(Participants.Members members, TaskRequest request) {
		Set<UUID> assignees = new LinkedHashSet<>();
		for (int i = 0; i < request.assignees().size(); i++) {
			String username = request.assignees().get(i);
			if (!assignees.add(members.member("assignees[" + i + "]", username))) {
				throw new RuleViolationException("assignees[" + i + "]", username + " is listed twice.");
			}
		}
		return new Task.Details(request.name(), request.description(), request.durationDays(), request.effortHours(),
				assignees, request.percentComplete(), request.plannedStart(), request.actualStart(),
				request.actualFinish(), request.estimate());
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Task load(ProjectContext context, UUID id) {
		return tasks.findById(id)
			.filter(task -> task.projectId().equals(context.projectId()))
			.orElseThrow(() -> NotFoundException.of("task", id));
	}

	private TaskView view(ProjectContext context, Task task) {
		return views(context, List.of(task)).get(0);
	}

	private List<TaskView> views(ProjectContext context, List<Task> page) {
		return views(context, page,
				participants.usernames(page.stream().flatMap(t -> t.assigneeIds().stream()).toList()));
	}

	private List<TaskView> views(ProjectContext context, List<Task> page, Map<UUID, String> names) {
		if (page.isEmpty()) {
			return List.of();
		}
		// the calendar only serves a planned finish: read it when a task has a planned start
		WorkCalendar calendar = page.stream().anyMatch(task -> task.plannedStart() != null)
				? projects.calendarOf(context.projectId()) : null;
		return page.stream()
			.map(task -> new TaskView(task.id(), task.name(), task.description(), task.durationDays(),
					task.effortHours(), task.assigneeIds().stream().map(names::get).sorted().toList(),
					task.percentComplete(), task.state(), task.plannedStart(),
					task.plannedStart() == null ? null : calendar.finishOf(task.plannedStart(), task.durationDays()),
					task.actualStart(), task.actualFinish(), task.estimate(), task.createdAt()))
			.toList();
	}

}
