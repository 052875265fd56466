package dev.milepost.plan.project;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.milepost.audit.AuditScopes;
import dev.milepost.common.ConflictException;
import dev.milepost.common.ETags;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.Rows;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.Users;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectTimeZones;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.StatusFreshness;
import dev.milepost.plan.member.Members;
import dev.milepost.plan.support.Participants;
import dev.milepost.plan.support.PlanEvents;
import dev.milepost.plan.support.WorkCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, changing and deleting projects, and their effective calendars. */
@Service
public class Projects {

	private final ProjectRepository projects;

	private final WorkspaceCalendarRepository workspaceCalendars;

	private final ProjectAccess access;

	private final Members members;

	private final Users users;

	private final Participants participants;

	private final CurrentUsers currentUsers;

	private final PlanEvents events;

	private final JdbcClient jdbc;

	private final AuditScopes auditScopes;

	private final ProjectTimeZones timeZones;

	private final Clock clock;

	private final StatusFreshness freshness;

	Projects(ProjectRepository projects, WorkspaceCalendarRepository workspaceCalendars, ProjectAccess access,
			Members members, Users users, Participants participants, CurrentUsers currentUsers, PlanEvents events,
			JdbcClient jdbc, AuditScopes auditScopes, ProjectTimeZones timeZones, Clock clock,
			StatusFreshness freshness) {
		this.freshness = freshness;
		this.timeZones = timeZones;
		this.projects = projects;
		this.workspaceCalendars = workspaceCalendars;
		this.access = access;
		this.members = members;
		this.users = users;
		this.participants = participants;
		this.currentUsers = currentUsers;
		this.events = events;
		this.jdbc = jdbc;
		this.auditScopes = auditScopes;
		this.clock = clock;
	}

	public record Versioned(ProjectView project, long version) {
	}

	/** The projects the caller may see: all of them for an administrator, their own for anyone else. */
	public PageResponse<ProjectView> list(String query, ProjectStatus status, Paging paging) {
		CurrentUser user = currentUsers.require();
		List<Project> visible = user.admin() ? projects.findAll() : projects.findAllById(jdbc
			.sql("select project_id from project_member where user_id = :user")
			.param("user", user.id())
			.query(UUID.class)
			.list());
		String q = query == null ? null : query.toLowerCase(Locale.ROOT);
		List<Project> matching = visible.stream()
			.filter(project -> status == null || project.status() == status)
			.filter(project -> q == null || project.key().toLowerCase(Locale.ROOT).contains(q)
					|| project.name().toLowerCase(Locale.ROOT).contains(q))
			.sorted(Comparator.comparing(Project::key))
			.toList();
		return PageResponse.of(paging.slice(matching).stream().map(this::view).toList(), paging, matching.size());
	}

	public Versioned read(String key) {
		Project project = load(access.read(key));
		return new Versioned(answer(project), project.version());
	}

	@Transactional
	public Versioned create(ProjectRequest request) {
		CurrentUser user = currentUsers.require();
		// who may create this project is settled before anything about existing keys is said
		UUID sponsor = users.require("sponsor", request.sponsor()).id();
		UUID manager = users.require("manager", request.manager()).id();
		if (!user.admin() && !manager.equals(user.id())) {
			throw new ForbiddenException("manager",
					"You may create projects that you manage; only administrators create projects for someone else.");
		}
		if (projects.existsByProjectKey(request.key())) {
			throw new ConflictException("key", "The key " + request.key() + " is taken; choose another.");
		}
		if (auditScopes.hasRecord(request.key())) {
			throw new ConflictException("key", "The key " + request.key()
					+ " belonged to a deleted project whose audit record is kept; choose another.");
		}
		Project project = projects.save(Project.create(request.key(), details(request, sponsor, manager),
				clock.instant()));
		ProjectContext context = new ProjectContext(project.id(), project.key(), user, ProjectRole.MANAGER);
		events.created(context, "project", project.key(), view(project));
		members.enrol(context, manager, ProjectRole.MANAGER);
		members.enrol(context, sponsor, ProjectRole.APPROVER);
		return new Versioned(view(project), project.version());
	}

	/** The project as a patch starts from; only its managers get this far. */
	public ProjectRequest requestOf(String key) {
		Project project = load(access.manage(key));
		ProjectView view = view(project);
		return new ProjectRequest(view.key(), view.name(), view.description(), view.sponsor(), view.manager(),
				view.start(), view.targetFinish(), view.status(), view.calendar(), project.timeZone());
	}

	@Transactional
	public Versioned update(String key, String ifMatch, ProjectRequest request) {
		ProjectContext context = access.manage(key);
		Project project = load(context);
		project.expectVersion(ETags.requireCurrent(ifMatch, project.version()));
		if (!project.key().equals(request.key())) {
			throw new RuleViolationException("key", "A project's key never changes; it is part of every link to it.");
		}
		ProjectView before = view(project);
		UUID sponsor = participants.member(context, "sponsor", request.sponsor());
		UUID manager = participants.member(context, "manager", request.manager());
		project.change(details(request, sponsor, manager));
		project = projects.save(project);
		ProjectView after = view(project);
		events.updated(context, "project", key, before, after);
		return new Versioned(answer(project), project.version());
	}

	/**
	 * Deletes a project. One that still holds a plan is only deleted when the request says to
	 * remove its contents too; otherwise the refusal says what is in it.
	 */
	@Transactional
	public void delete(String key, boolean removeContents) {
		ProjectContext context = access.read(key);
		if (!context.user().admin()) {
			throw new ForbiddenException("Only workspace administrators delete projects; managers can set the status to CANCELLED.");
		}
		Project project = load(context);
		Map<String, Long> contents = contents(project.id());
		if (!removeContents && contents.values().stream().anyMatch(n -> n > 0)) {
			throw new ConflictException("Project " + key + " still holds " + describe(contents)
					+ "; delete it with removeContents=true to remove all of that too, or set its status to CANCELLED.");
		}
		ProjectView before = view(project);
		for (String sql : List.of("delete from dependency where project_id = :p",
				"update deliverable set milestone_id = null where project_id = :p",
				"delete from deliverable_rejection where deliverable_id in (select id from deliverable where project_id = :p)",
				"delete from deliverable where project_id = :p", "delete from milestone_revision where project_id = :p",
				"delete from milestone where project_id = :p",
				"delete from task_assignee where task_id in (select id from task where project_id = :p)",
				"delete from task where project_id = :p", "delete from goal where project_id = :p",
				"delete from project_member where project_id = :p")) {
			jdbc.sql(sql).param("p", project.id()).update();
		}
		projects.delete(project);
		events.changed(context, "project", key, "deleted", before, Map.of("removedContents", contents));
	}

	/** The calendar a project's durations are counted in: its override over the workspace's. */
	/**
	 * The project's effective calendar, read with two plain queries (its working days or else the
	 * workspace's, then both sets of holidays) rather than two aggregates in two transactions: every
	 * task and milestone read asks for it.
	 */
	public WorkCalendar calendarOf(UUID projectId) {
		record Days(String project, String workspace) {
		}
		Days days = jdbc.sql("""
				select p.working_days as project, w.working_days as workspace
				from project p cross join workspace_calendar w where p.id = :project and w.id = :workspace""")
			.param("project", projectId)
			.param("workspace", WorkspaceCalendar.DEFAULT)
			.query(Rows.of(Days.class))
			.optional()
			.orElseThrow(() -> NotFoundException.of("project", projectId));
		Set<java.time.LocalDate> holidays = new HashSet<>(jdbc.sql("""
				select holiday_date from project_holiday where project_id = :project
				union all
				select holiday_date from workspace_holiday where calendar_id = :workspace""")
			.param("project", projectId)
			.param("workspace", WorkspaceCalendar.DEFAULT)
			.query(java.time.LocalDate.class)
			.list());
		return effective(days.project() == null ? null : WorkspaceCalendar.decode(days.project()),
				WorkspaceCalendar.decode(days.workspace()), holidays);
	}

	private static WorkCalendar effective(Project project, WorkspaceCalendar workspace) {
		Set<java.time.LocalDate> holidays = new HashSet<>();
		workspace.holidays().forEach(holiday -> holidays.add(holiday.date()));
		project.holidays().forEach(holiday -> holidays.add(holiday.date()));
		return effective(project.workingDays(), workspace.workingDays(), holidays);
	}

	/** The project's own working days if it has them, else the workspace's; the holidays of both. */
	private static WorkCalendar effective(Set<java.time.DayOfWeek> projectDays, Set<java.time.DayOfWeek> workspaceDays,
			Set<java.time.LocalDate> holidays) {
		return new WorkCalendar(projectDays != null ? projectDays : workspaceDays, holidays);
	}

	WorkspaceCalendar workspaceCalendar() {
		return workspaceCalendars.findById(WorkspaceCalendar.DEFAULT).orElseThrow();
	}

	private Project load(ProjectContext context) {
		return projects.findById(context.projectId())
			.orElseThrow(() -> NotFoundException.of("project", context.projectKey()));
	}

	private static Project.Details details(ProjectRequest request, UUID sponsor, UUID manager) {
		CalendarSettings calendar = request.calendar();
		return new Project.Details(request.name(), request.description(), sponsor, manager, request.start(),
				request.targetFinish(), request.status(), calendar == null ? null : calendar.workingDays(),
				calendar == null ? List.of() : calendar.holidays(), request.timeZone());
	}

	private Map<String, Long> contents(UUID projectId) {
		Map<String, Long> contents = new java.util.LinkedHashMap<>();
		for (String table : List.of("task", "milestone", "deliverable", "goal", "dependency")) {
			contents.put(table + "s", jdbc.sql("select count(*) from " + table + " where project_id = :p")
				.param("p", projectId)
				.query(Long.class)
				.single());
		}
		return contents;
	}

	private static String describe(Map<String, Long> contents) {
		return contents.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 0)
			.map(entry -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
	}

	private ProjectView view(Project project) {
		Map<UUID, String> names = participants.usernames(List.of(project.sponsorId(), project.managerId()));
		WorkspaceCalendar workspace = workspaceCalendar();
		WorkCalendar effective = effective(project, workspace);
		List<Holiday> allHolidays = new ArrayList<>(workspace.holidays());
		allHolidays.addAll(project.holidays());
		allHolidays.sort(Comparator.comparing(Holiday::date));
		List<ProjectView.GoalSummary> goals = jdbc
			.sql("select id, outcome, measure from goal where project_id = :p order by created_at, id")
			.param("p", project.id())
			.query((rs, row) -> new ProjectView.GoalSummary(rs.getString("id"), rs.getString("outcome"),
					rs.getString("measure")))
			.list();
		return new ProjectView(project.key(), project.name(), project.description(), names.get(project.sponsorId()),
				names.get(project.managerId()), project.startDate(), project.targetFinish(), project.status(),
				new CalendarSettings(project.workingDays(), WorkspaceCalendar.Holidays.sorted(project.holidays())),
				new ProjectView.EffectiveCalendar(effective.workingDays(), allHolidays), goals, project.createdAt(),
				project.timeZone() != null ? project.timeZone() : timeZones.workspace().getId(), null);
	}

	/**
	 * The project as the API answers it: its view with since when its statuses are stale (the
	 * audit's snapshots leave that out: it is not the project's own data).
	 */
	private ProjectView answer(Project project) {
		return view(project).withStatusesStaleSince(freshness.staleSince(project.key()).orElse(null));
	}

	/** The workspace calendar, read and changed by administrators. */
	public record WorkspaceCalendarVersioned(CalendarSettings calendar, long version) {
	}

	public WorkspaceCalendarVersioned workspaceCalendarSettings() {
		WorkspaceCalendar calendar = workspaceCalendar();
		return new WorkspaceCalendarVersioned(calendar.settings(), calendar.version());
	}

	@Transactional
	public WorkspaceCalendarVersioned changeWorkspaceCalendar(String ifMatch, CalendarSettings settings) {
		CurrentUser user = currentUsers.require();
		if (!user.admin()) {
			throw new ForbiddenException("Only workspace administrators change the workspace calendar.");
		}
		WorkspaceCalendar calendar = workspaceCalendar();
		calendar.expectVersion(ETags.requireCurrent(ifMatch, calendar.version()));
		return change(calendar, settings, "updated", user.username());
	}

	/**
	 * Sets the workspace calendar as start-up work that nobody signed in for (the demo portfolio's
	 * working week and holidays), on the record as loaded by the system rather than as a person's
	 * edit. Refused while a person is signed in: people change it with
	 * {@link #changeWorkspaceCalendar}.
	 */
	@Transactional
	public WorkspaceCalendarVersioned loadWorkspaceCalendar(CalendarSettings settings) {
		if (currentUsers.find().isPresent()) {
			throw new ForbiddenException("Administrators change the workspace calendar in the settings.");
		}
		return change(workspaceCalendar(), settings, "loaded", CurrentUsers.SYSTEM);
	}

	private WorkspaceCalendarVersioned change(WorkspaceCalendar calendar, CalendarSettings settings, String action,
			String actor) {
		CalendarSettings before = calendar.settings();
		calendar.change(settings);
		WorkspaceCalendar saved = workspaceCalendars.save(calendar);
		events.publish(new dev.milepost.common.EntityChanged(dev.milepost.common.EntityChanged.WORKSPACE, "calendar",
				WorkspaceCalendar.DEFAULT, action, Map.of("calendar", before), Map.of("calendar", saved.settings()),
				actor));
		return new WorkspaceCalendarVersioned(saved.settings(), saved.version());
	}

}
