package dev.milepost.automation.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names of the triggers and the CEL variables each offers. */
public final class Triggers {

	public static final String TASK_CREATED = "task.created";
	public static final String TASK_UPDATED = "task.updated";
	public static final String TASK_COMPLETED = "task.completed";
	public static final String TASK_OVERDUE = "task.overdue";
	public static final String TASK_DUE = "task.due";
	public static final String MILESTONE_APPROACHING = "milestone.approaching";
	public static final String MILESTONE_STATUS_CHANGED = "milestone.status-changed";
	public static final String MILESTONE_AT_RISK = "milestone.at-risk";
	public static final String MILESTONE_MISSED = "milestone.missed";
	public static final String MILESTONE_ACHIEVED = "milestone.achieved";
	public static final String APPROVAL_REQUESTED = "approval.requested";
	public static final String APPROVAL_DECIDED = "approval.decided";
	public static final String DELIVERABLE_ACCEPTED = "deliverable.accepted";
	public static final String PROCESS_COMPLETED = "process.completed";
	public static final String SCHEDULE = "schedule";

	static final List<String> OUTCOMES = List.of("APPROVED", "REJECTED");

	static final int MAX_DAYS = 365;

	/** Every trigger name, with the variables its rules can use. */
	public static final Map<String, List<String>> VARIABLES = variables();

	private Triggers() {
	}

	/** The variables of a trigger; empty for an unknown trigger. */
	public static List<String> variables(String trigger) {
		return VARIABLES.getOrDefault(trigger, List.of());
	}

	static void requireDays(int days) {
		if (days < 0 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days must be between 0 and " + MAX_DAYS);
		}
	}

	static void requireStatus(String status) {
		if (status != null && !Vocabulary.MILESTONE_STATUSES.contains(status)) {
			throw new IllegalArgumentException("status must be one of " + Vocabulary.MILESTONE_STATUSES);
		}
	}

	private static Map<String, List<String>> variables() {
		Map<String, List<String>> vars = new LinkedHashMap<>();
		vars.put(TASK_CREATED, List.of("project", "task", "event"));
		vars.put(TASK_UPDATED, List.of("project", "task", "changes", "event"));
		vars.put(TASK_COMPLETED, List.of("project", "task", "event"));
		vars.put(TASK_OVERDUE, List.of("project", "task", "event"));
		vars.put(TASK_DUE, List.of("project", "task", "event"));
		vars.put(MILESTONE_APPROACHING, List.of("project", "milestone", "event"));
		vars.put(MILESTONE_STATUS_CHANGED, List.of("project", "milestone", "change", "event"));
		vars.put(MILESTONE_AT_RISK, List.of("project", "milestone", "change", "event"));
		vars.put(MILESTONE_MISSED, List.of("project", "milestone", "change", "event"));
		vars.put(MILESTONE_ACHIEVED, List.of("project", "milestone", "event"));
		vars.put(APPROVAL_REQUESTED, List.of("project", "approval", "event"));
		vars.put(APPROVAL_DECIDED, List.of("project", "approval", "event"));
		vars.put(DELIVERABLE_ACCEPTED, List.of("project", "deliverable", "event"));
		vars.put(PROCESS_COMPLETED, List.of("project", "process", "event"));
		vars.put(SCHEDULE, List.of("project", "event"));
		return java.util.Collections.unmodifiableMap(vars);
	}

}
