package dev.milepost.interchange.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.ProjectForecast;

/**
 * A plan with its schedule laid out as the exported rows: every task and milestone in the order
 * the Gantt chart shows them (by forecast start, then finish), numbered from 1 in that order, with
 * each row's predecessors by those numbers. Every format numbers activities by this table, so an
 * "ID" means the same in the XML files, the sheet and the CSV.
 */
record ExportTable(ProjectForecast forecast, List<Row> rows) {

	/** The outline level of every row: Milepost plans are flat (no summary tasks) today. */
	static final int OUTLINE_LEVEL = 1;

	/**
	 * One task or milestone. {@code plannedStart} is a task's planned start (its start-no-earlier-than
	 * date), {@code target} a milestone's target; {@code status} is a milestone's computed status,
	 * null for tasks.
	 */
	record Row(int id, UUID activityId, boolean milestone, String name, int durationDays, LocalDate plannedStart,
			LocalDate actualStart, LocalDate actualFinish, LocalDate start, LocalDate finish, LocalDate lateStart,
			LocalDate lateFinish, int totalFloat, boolean critical, int percentComplete, MilestoneStatus status,
			LocalDate target, List<String> resources, List<Predecessor> predecessors) {

		/** The predecessors as a scheduler writes them: {@code 3FS, 12SS+2d, 7FF-1d}. */
		String predecessorText() {
			return predecessors.stream().map(Predecessor::text).collect(Collectors.joining(", "));
		}

	}

	/** A link into a row: the predecessor's row number, the link type and the lag in working days. */
	record Predecessor(int id, UUID predecessorId, LinkType type, int lagDays) {

		String text() {
			return id + type.name() + (lagDays == 0 ? "" : (lagDays > 0 ? "+" : "") + lagDays + "d");
		}

	}

	static ExportTable of(ProjectForecast forecast) {
		ProjectPlan plan = forecast.plan();
		Map<UUID, ProjectPlan.Task> tasks = new HashMap<>();
		plan.tasks().forEach(task -> tasks.put(task.id(), task));
		Map<UUID, ProjectPlan.Milestone> milestones = new HashMap<>();
		plan.milestones().forEach(milestone -> milestones.put(milestone.id(), milestone));
		Map<UUID, MilestoneStatus> statuses = new HashMap<>();
		forecast.milestones().forEach(milestone -> statuses.put(milestone.id(), milestone.status()));

		List<ProjectForecast.Activity> ordered = new ArrayList<>(forecast.activities());
		ordered.sort(Comparator.comparing(ProjectForecast.Activity::start, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(ProjectForecast.Activity::finish, Comparator.nullsLast(Comparator.naturalOrder())));
		Map<UUID, Integer> numbers = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			numbers.put(ordered.get(i).id(), i + 1);
		}
		Map<UUID, List<Predecessor>> predecessors = new HashMap<>();
		for (ProjectPlan.Link link : plan.links()) {
			predecessors.computeIfAbsent(link.successor(), k -> new ArrayList<>())
				.add(new Predecessor(numbers.get(link.predecessor()), link.predecessor(),
						link.type(), link.lagDays()));
		}
		predecessors.values().forEach(list -> list.sort(Comparator.comparingInt(Predecessor::id)));

		List<Row> rows = new ArrayList<>(ordered.size());
		for (ProjectForecast.Activity activity : ordered) {
			int id = numbers.get(activity.id());
			List<Predecessor> into = List.copyOf(predecessors.getOrDefault(activity.id(), List.of()));
			if (activity.kind() == ActivityKind.TASK) {
				ProjectPlan.Task task = tasks.get(activity.id());
				rows.add(new Row(id, task.id(), false, task.name(), task.durationDays(), task.plannedStart(),
						task.actualStart(), task.actualFinish(), activity.start(), activity.finish(),
						activity.lateStart(), activity.lateFinish(), activity.totalFloat(), activity.critical(),
						task.percentComplete(), null, null, task.assignees().stream().sorted().toList(), into));
			}
			else {
				ProjectPlan.Milestone milestone = milestones.get(activity.id());
				LocalDate achieved = milestone.achieved()
						? LocalDate.ofInstant(milestone.achievedAt(), ZoneOffset.UTC) : null;
				rows.add(new Row(id, milestone.id(), true, milestone.name(), 0, null, achieved, achieved,
						activity.finish(), activity.finish(), activity.lateFinish(), activity.lateFinish(),
						activity.totalFloat(), activity.critical(), milestone.achieved() ? 100 : 0,
						statuses.get(milestone.id()), milestone.targetDate(), List.of(), into));
			}
		}
		return new ExportTable(forecast, List.copyOf(rows));
	}

	/** Everyone assigned to some task, by username, sorted: the resources of the XML formats. */
	List<String> resources() {
		return rows.stream().flatMap(row -> row.resources().stream()).distinct().sorted().toList();
	}

}
