package dev.milepost.automation.runtime;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.ProjectRoster;
import dev.milepost.schedule.ProjectForecast;

/**
 * One project's plan as rules see it at one moment: the CEL variables of its tasks and milestones
 * (the fields of docs/blueprints.md), who holds which part, and which tasks feed a milestone.
 * Built from the plan snapshot, the schedule's forecast and the roster; changes nothing.
 */
final class PlanFacts {

	private final ProjectForecast forecast;

	private final ProjectPlan plan;

	private final ProjectRoster roster;

	private final ZoneId zone;

	private final LocalDate today;

	private final List<ProjectPlan.Task> taskList;

	private final Map<UUID, ProjectPlan.Task> tasks;

	private final Map<UUID, ProjectPlan.Milestone> milestones;

	private final Map<UUID, ProjectForecast.Activity> activities;

	private final Map<UUID, ProjectForecast.MilestoneForecast> forecasts;

	PlanFacts(ProjectForecast forecast, ProjectRoster roster, ZoneId zone, LocalDate today) {
		this(forecast, roster, zone, today, forecast.plan().tasks());
	}

	private PlanFacts(ProjectForecast forecast, ProjectRoster roster, ZoneId zone, LocalDate today,
			List<ProjectPlan.Task> taskList) {
		this.forecast = forecast;
		this.plan = forecast.plan();
		this.roster = roster;
		this.zone = zone;
		this.today = today;
		this.taskList = List.copyOf(taskList);
		this.tasks = this.taskList.stream().collect(Collectors.toMap(ProjectPlan.Task::id, Function.identity()));
		this.milestones = plan.milestones()
			.stream()
			.collect(Collectors.toMap(ProjectPlan.Milestone::id, Function.identity()));
		this.activities = forecast.activities()
			.stream()
			.collect(Collectors.toMap(ProjectForecast.Activity::id, Function.identity(), (a, b) -> a));
		this.forecasts = forecast.milestones()
			.stream()
			.collect(Collectors.toMap(ProjectForecast.MilestoneForecast::id, Function.identity(), (a, b) -> a));
	}

	/** The same plan seen on another day (replaying time triggers). */
	PlanFacts on(LocalDate day) {
		return day.equals(today) ? this : new PlanFacts(forecast, roster, zone, day, taskList);
	}

	/** The same plan with its tasks as they were at some moment (replays: the audit record's states). */
	PlanFacts withTasks(List<ProjectPlan.Task> then) {
		return new PlanFacts(forecast, roster, zone, today, then);
	}

	ProjectPlan plan() {
		return plan;
	}

	/** The tasks as rules see them (the plan's, or those given to {@link #withTasks}). */
	List<ProjectPlan.Task> tasks() {
		return taskList;
	}

	LocalDate today() {
		return today;
	}

	ZoneId zone() {
		return zone;
	}

	Optional<ProjectPlan.Task> task(UUID id) {
		return Optional.ofNullable(tasks.get(id));
	}

	Optional<ProjectPlan.Milestone> milestone(UUID id) {
		return Optional.ofNullable(milestones.get(id));
	}

	Map<String, Object> projectVariable() {
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("key", plan.key());
		project.put("name", plan.name());
		project.put("manager", text(plan.manager()));
		project.put("sponsor", text(plan.sponsor()));
		project.put("finish", plan.targetFinish() == null ? "" : plan.targetFinish().toString());
		project.put("timeZone", zone.getId());
		return project;
	}

	Map<String, Object> taskVariable(ProjectPlan.Task task) {
		ProjectForecast.Activity activity = activities.get(task.id());
		Map<String, Object> variable = new LinkedHashMap<>();
		variable.put("id", task.id().toString());
		variable.put("name", task.name());
		variable.put("status", task.actualFinish() != null ? "DONE" : task.actualStart() != null ? "IN_PROGRESS"
				: "NOT_STARTED");
		variable.put("assignees", task.assignees().stream().filter(java.util.Objects::nonNull).toList());
		LocalDate start = task.plannedStart() != null ? task.plannedStart() : activity == null ? null : activity.start();
		variable.put("plannedStart", start == null ? "" : start.toString());
		LocalDate finish = plannedFinish(task);
		variable.put("plannedFinish", finish == null ? "" : finish.toString());
		variable.put("percentComplete", (long) task.percentComplete());
		variable.put("durationDays", (long) task.durationDays());
		variable.put("critical", activity != null && activity.critical());
		return variable;
	}

	Map<String, Object> milestoneVariable(ProjectPlan.Milestone milestone) {
		ProjectForecast.MilestoneForecast forecast = forecasts.get(milestone.id());
		Map<String, Object> variable = new LinkedHashMap<>();
		variable.put("id", milestone.id().toString());
		variable.put("name", milestone.name());
		variable.put("owner", text(milestone.owner()));
		variable.put("status", milestone.achieved() ? "ACHIEVED"
				: forecast == null || forecast.status() == null ? "ON_TRACK" : forecast.status().name());
		variable.put("target", milestone.targetDate() == null ? "" : milestone.targetDate().toString());
		variable.put("forecast", forecast == null || forecast.forecast() == null ? "" : forecast.forecast().toString());
		variable.put("slackDays", forecast == null || forecast.slackDays() == null ? 0L : (long) forecast.slackDays());
		variable.put("tags", milestone.tags() == null ? List.of() : List.copyOf(milestone.tags()));
		variable.put("achieved", milestone.achieved());
		return variable;
	}

	/** A task's planned finish: its planned start plus its duration in working days. */
	LocalDate plannedFinish(ProjectPlan.Task task) {
		if (task.plannedStart() == null) {
			ProjectForecast.Activity activity = activities.get(task.id());
			return activity == null ? null : activity.finish();
		}
		LocalDate day = onOrAfter(task.plannedStart());
		for (int left = Math.max(1, task.durationDays()) - 1; left > 0; left--) {
			day = onOrAfter(day.plusDays(1));
		}
		return day;
	}

	/** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 when the same day, negative before. */
	int workingDaysBetween(LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return to.isEqual(from) ? 0 : -workingDaysBetween(to, from);
		}
		int days = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (working(day)) {
				days++;
			}
		}
		return days;
	}

	/** The working day {@code days} working days after {@code from} (0: {@code from} itself, moved onto a working day). */
	LocalDate plusWorkingDays(LocalDate from, int days) {
		LocalDate day = onOrAfter(from);
		for (int left = days; left > 0; left--) {
			day = onOrAfter(day.plusDays(1));
		}
		return day;
	}

	private LocalDate onOrAfter(LocalDate day) {
		LocalDate found = day;
		for (int guard = 0; guard < 3660 && !working(found); guard++) {
			found = found.plusDays(1);
		}
		return found;
	}

	private boolean working(LocalDate day) {
		return plan.workingDays().contains(day.getDayOfWeek()) && !plan.holidays().contains(day);
	}

	/** The tasks whose finish leads to the milestone (directly or through other tasks), in plan order. */
	List<ProjectPlan.Task> feedingTasks(UUID milestoneId) {
		Map<UUID, List<UUID>> predecessors = new HashMap<>();
		for (ProjectPlan.Link link : plan.links()) {
			if (link.predecessorKind() == ActivityKind.TASK) {
				predecessors.computeIfAbsent(link.successor(), k -> new ArrayList<>()).add(link.predecessor());
			}
		}
		Set<UUID> seen = new LinkedHashSet<>();
		Deque<UUID> todo = new ArrayDeque<>(predecessors.getOrDefault(milestoneId, List.of()));
		while (!todo.isEmpty()) {
			UUID next = todo.pop();
			if (seen.add(next)) {
				todo.addAll(predecessors.getOrDefault(next, List.of()));
			}
		}
		return taskList.stream().filter(task -> seen.contains(task.id())).toList();
	}

	String manager() {
		return plan.manager();
	}

	String sponsor() {
		return plan.sponsor();
	}

	List<String> holders(ProjectRole role) {
		return roster == null ? List.of() : roster.withRole(role);
	}

	List<String> members() {
		Set<String> all = new LinkedHashSet<>();
		if (roster != null) {
			roster.members().values().forEach(all::addAll);
		}
		return List.copyOf(all);
	}

	boolean isMember(String username) {
		Set<String> people = new HashSet<>(members());
		people.add(plan.manager());
		people.add(plan.sponsor());
		return people.contains(username);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
