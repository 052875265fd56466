package dev.milepost.automation.runtime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.audit.AuditHistory;
import dev.milepost.plan.ProjectPlan;

/**
 * What a replay knows of a project's past, as the runtime saw it then: its tasks as the audit
 * record had them at any moment of the window (walking back from today's plan through the changes
 * recorded since). The forecast (critical path, the finish of tasks with no planned start) and the
 * milestones' other fields are today's.
 */
final class PastPlan {

	private final PlanFacts now;

	/** Each task's recorded changes since the window began, oldest first. */
	private final Map<String, List<AuditHistory.Recorded>> changes = new LinkedHashMap<>();

	/** When anything was recorded, oldest first. */
	private final List<Instant> recorded = new ArrayList<>();

	PastPlan(PlanFacts now, List<AuditHistory.Recorded> changesSince) {
		this.now = now;
		for (AuditHistory.Recorded recorded : changesSince) {
			this.recorded.add(recorded.recordedAt());
			if (recorded.change().entityType().equals("task")) {
				changes.computeIfAbsent(recorded.change().entityId(), id -> new ArrayList<>()).add(recorded);
			}
		}
	}

	/** The moments after {@code from} and before {@code to} at which a change was recorded, oldest first. */
	List<Instant> changesBetween(Instant from, Instant to) {
		return recorded.stream().filter(at -> at.isAfter(from) && at.isBefore(to)).distinct().sorted().toList();
	}

	/** The plan as rules saw it at {@code at}: tasks as they were then (those deleted since included). */
	PlanFacts at(Instant at) {
		List<ProjectPlan.Task> tasks = new ArrayList<>();
		Map<String, ProjectPlan.Task> current = new HashMap<>();
		now.tasks().forEach(task -> current.put(task.id().toString(), task));
		for (ProjectPlan.Task task : now.tasks()) {
			if (!changes.containsKey(task.id().toString())) {
				tasks.add(task);
			}
		}
		for (Map.Entry<String, List<AuditHistory.Recorded>> entry : changes.entrySet()) {
			AuditHistory.Recorded next = entry.getValue()
				.stream()
				.filter(recorded -> recorded.recordedAt().isAfter(at))
				.findFirst()
				.orElse(null);
			ProjectPlan.Task known = current.get(entry.getKey());
			if (next == null) {
				if (known != null) {
					tasks.add(known);
				}
			}
			else if (!next.change().action().equals("created") && next.change().before() != null
					&& !next.change().before().isEmpty()) {
				tasks.add(task(entry.getKey(), next.change().before(), known));
			}
		}
		return now.withTasks(tasks);
	}

	/** A task from the state the audit record kept of it. */
	private static ProjectPlan.Task task(String id, Map<String, Object> state, ProjectPlan.Task known) {
		return new ProjectPlan.Task(UUID.fromString(id), text(state.get("name")), number(state.get("durationDays"), 1),
				number(state.get("percentComplete"), 0), date(state.get("plannedStart")), date(state.get("actualStart")),
				date(state.get("actualFinish")), known == null ? null : known.optimistic(),
				known == null ? null : known.mostLikely(), known == null ? null : known.pessimistic(),
				state.get("assignees") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	private static int number(Object value, int otherwise) {
		return value instanceof Number n ? n.intValue() : otherwise;
	}

	private static LocalDate date(Object value) {
		return value == null || String.valueOf(value).isBlank() ? null : LocalDate.parse(String.valueOf(value));
	}

}
