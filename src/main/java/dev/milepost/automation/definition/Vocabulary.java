package dev.milepost.automation.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed vocabulary of blueprints (docs/blueprints.md): the CEL variables with their typed
 * fields, and which variables each trigger offers. Conditions, placeholders and explanations all
 * read it from here.
 */
public final class Vocabulary {

	/** The type of a variable's field, as CEL sees it. */
	public enum FieldType {
		STRING, INT, BOOL, STRING_LIST,
		/** {@code changes}: field name to {@code {before, after}} strings. */
		CHANGE_MAP
	}

	/** Fields of each variable, in the order the docs list them. */
	public static final Map<String, Map<String, FieldType>> VARIABLES = variables();

	/** Milestone statuses usable in {@code milestone.status-changed}. */
	public static final List<String> MILESTONE_STATUSES = List.of("ACHIEVED", "ON_TRACK", "APPROACHING",
			"AT_RISK", "MISSED");

	/** Task fields a {@code task.updated} trigger can watch (the keys of {@code changes}). */
	public static final List<String> TASK_FIELDS = List.of("name", "description", "status", "assignees",
			"plannedStart", "plannedFinish", "actualStart", "actualFinish", "percentComplete", "durationDays",
			"critical");

	/** Fields {@code set-field} may change. */
	public static final List<String> SETTABLE_FIELDS = List.of("task.description", "milestone.description",
			"milestone.tags");

	/** Process templates every project has. */
	public static final List<String> BUILT_IN_TEMPLATES = List.of("qa-cycle", "it-operations-handover");

	private Vocabulary() {
	}

	/** The fields of a variable, or empty for an unknown variable. */
	public static Optional<Map<String, FieldType>> fields(String variable) {
		return Optional.ofNullable(VARIABLES.get(variable));
	}

	private static Map<String, Map<String, FieldType>> variables() {
		Map<String, Map<String, FieldType>> vars = new LinkedHashMap<>();
		vars.put("project", strings("key", "name", "manager", "sponsor", "finish", "timeZone"));
		Map<String, FieldType> task = strings("id", "name", "status");
		task.put("assignees", FieldType.STRING_LIST);
		task.putAll(strings("plannedStart", "plannedFinish"));
		task.put("percentComplete", FieldType.INT);
		task.put("durationDays", FieldType.INT);
		task.put("critical", FieldType.BOOL);
		vars.put("task", task);
		Map<String, FieldType> milestone = strings("id", "name", "owner", "status", "target", "forecast");
		milestone.put("slackDays", FieldType.INT);
		milestone.put("tags", FieldType.STRING_LIST);
		milestone.put("achieved", FieldType.BOOL);
		vars.put("milestone", milestone);
		Map<String, FieldType> change = strings("from", "to");
		change.put("reasons", FieldType.STRING_LIST);
		vars.put("change", change);
		vars.put("changes", new LinkedHashMap<>());
		Map<String, FieldType> approval = strings("id");
		approval.put("number", FieldType.INT);
		approval.putAll(strings("title", "status", "decidedBy", "comment", "subjectKind", "subjectId", "dueDate",
				"milestoneName"));
		approval.put("milestoneTags", FieldType.STRING_LIST);
		vars.put("approval", approval);
		vars.put("deliverable", strings("id", "name", "milestoneId"));
		vars.put("process", strings("id", "name", "template"));
		vars.put("event", strings("type", "actor", "at", "today"));
		vars.replaceAll((name, fields) -> Collections.unmodifiableMap(fields));
		return Collections.unmodifiableMap(vars);
	}

	private static Map<String, FieldType> strings(String... names) {
		Map<String, FieldType> fields = new LinkedHashMap<>();
		for (String name : names) {
			fields.put(name, FieldType.STRING);
		}
		return fields;
	}

}
