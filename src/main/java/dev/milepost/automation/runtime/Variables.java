package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;

/**
 * The CEL variables of one occurrence (docs/blueprints.md): {@code project}, {@code event}, and
 * the trigger's own ({@code task}, {@code milestone}, {@code change}, {@code changes},
 * {@code approval}, {@code deliverable}, {@code process}), as plain Java values.
 */
final class Variables {

	private Variables() {
	}

	/** The thing an occurrence is about no longer exists (deleted before the rule ran). */
	static final class Missing extends RuntimeException {

		Missing(String message) {
			super(message);
		}

	}

	static Map<String, Object> of(Occurrence occurrence, PlanFacts facts, Instant now) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("project", facts.projectVariable());
		Map<String, Object> data = occurrence.data();
		String trigger = occurrence.trigger();
		if (trigger.startsWith("task.")) {
			UUID id = uuid(data.get("taskId"));
			ProjectPlan.Task task = facts.task(id).orElseThrow(() -> new Missing("The task " + id + " no longer exists."));
			variables.put("task", facts.taskVariable(task));
			if (trigger.equals("task.updated")) {
				Object changes = data.get("changes");
				variables.put("changes", changes instanceof Map<?, ?> map ? map : Map.of());
			}
		}
		else if (trigger.startsWith("milestone.")) {
			UUID id = uuid(data.get("milestoneId"));
			ProjectPlan.Milestone milestone = facts.milestone(id)
				.orElseThrow(() -> new Missing("The milestone " + id + " no longer exists."));
			variables.put("milestone", facts.milestoneVariable(milestone));
			if (data.containsKey("to")) {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("from", String.valueOf(data.getOrDefault("from", "")));
				change.put("to", String.valueOf(data.get("to")));
				Object reasons = data.get("reasons");
				change.put("reasons", reasons instanceof List<?> list ? list.stream().map(String::valueOf).toList()
						: List.of());
				variables.put("change", change);
			}
		}
		else if (trigger.startsWith("approval.")) {
			Map<String, Object> approval = new LinkedHashMap<>();
			approval.put("id", String.valueOf(data.get("approvalId")));
			approval.put("number", data.get("number") instanceof Number n ? n.longValue() : 0L);
			for (String field : List.of("title", "status", "decidedBy", "comment", "subjectKind", "subjectId",
					"dueDate")) {
				approval.put(field, String.valueOf(data.getOrDefault(field, "")));
			}
			// the milestone a request is about, by name and tags (e.g. the default blueprint's go-live rule)
			ProjectPlan.Milestone about = "MILESTONE".equals(data.get("subjectKind"))
					? facts.milestone(uuidOrNull(data.get("subjectId"))).orElse(null) : null;
			approval.put("milestoneName", about == null ? "" : about.name());
			approval.put("milestoneTags", about == null ? List.of() : List.copyOf(about.tags()));
			variables.put("approval", approval);
		}
		else if (trigger.equals("deliverable.accepted")) {
			Map<String, Object> deliverable = new LinkedHashMap<>();
			deliverable.put("id", String.valueOf(data.get("deliverableId")));
			deliverable.put("name", String.valueOf(data.getOrDefault("name", "")));
			deliverable.put("milestoneId", String.valueOf(data.getOrDefault("milestoneId", "")));
			variables.put("deliverable", deliverable);
		}
		else if (trigger.equals("process.completed")) {
			Map<String, Object> process = new LinkedHashMap<>();
			process.put("id", String.valueOf(data.get("processId")));
			process.put("name", String.valueOf(data.getOrDefault("name", "")));
			process.put("template", String.valueOf(data.getOrDefault("template", "")));
			variables.put("process", process);
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", trigger);
		event.put("actor", occurrence.actor());
		event.put("at", occurrence.at().toString());
		event.put("today", now.atZone(facts.zone()).toLocalDate().toString());
		variables.put("event", event);
		return variables;
	}

	/** The entity a notice of this occurrence is about: {@code milestone} or {@code task} and its id. */
	static String[] subject(Map<String, Object> variables) {
		if (variables.get("milestone") instanceof Map<?, ?> milestone) {
			return new String[] { "milestone", String.valueOf(milestone.get("id")) };
		}
		if (variables.get("task") instanceof Map<?, ?> task) {
			return new String[] { "task", String.valueOf(task.get("id")) };
		}
		return new String[] { null, null };
	}

	private static UUID uuidOrNull(Object value) {
		try {
			return value == null ? null : UUID.fromString(String.valueOf(value));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static UUID uuid(Object value) {
		try {
			return UUID.fromString(String.valueOf(value));
		}
		catch (IllegalArgumentException e) {
			throw new Missing("The event names no valid id (" + value + ").");
		}
	}

}
