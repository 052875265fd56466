package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.milepost.approval.ApprovalDecided;
import dev.milepost.approval.ApprovalRequested;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.common.EntityChanged;
import dev.milepost.notification.EventKeys;
import dev.milepost.plan.MilestoneAchieved;
import dev.milepost.process.ProcessCompleted;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.Reason;

/**
 * Something that happened, as a trigger of rules sees it: the project, the trigger's name, the
 * facts of the event (plain JSON-able values), who did it and when. One event may be several
 * occurrences (a task finished is both {@code task.updated} and {@code task.completed}).
 * The same mapping serves live events and the audit record's past ones (replay).
 */
record Occurrence(String projectKey, String trigger, Map<String, Object> data, String actor, Instant at) {

	Occurrence {
		Objects.requireNonNull(projectKey, "projectKey");
		Objects.requireNonNull(trigger, "trigger");
		data = data == null ? Map.of() : data;
		actor = actor == null ? "system" : actor;
	}

	/**
	 * The thing that happened, as notices name it ({@link EventKeys}): the same for every rule it
	 * triggers and for the built-in notice of it, so a person is told of it once per channel. Null
	 * for a cron firing, which is each rule's own.
	 */
	String about() {
		try {
			return aboutOrThrow();
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private String aboutOrThrow() {
		Object milestone = data.get("milestoneId");
		return switch (trigger) {
			case "milestone.status-changed", "milestone.at-risk", "milestone.missed" ->
				EventKeys.milestoneStatus(UUID.fromString(String.valueOf(milestone)), String.valueOf(data.get("to")), at);
			case "milestone.achieved" -> EventKeys.milestoneAchieved(UUID.fromString(String.valueOf(milestone)), at);
			case "approval.requested" ->
				EventKeys.approval(UUID.fromString(String.valueOf(data.get("approvalId"))), EventKeys.REQUESTED);
			case "approval.decided" -> EventKeys.approval(UUID.fromString(String.valueOf(data.get("approvalId"))),
					String.valueOf(data.get("status")));
			// a change of a task is one event, however many triggers it makes (task.updated and task.completed)
			case "task.created", "task.updated", "task.completed" -> EventKeys.of("task", String.valueOf(data.get("taskId")), at);
			case "task.due", "task.overdue" -> EventKeys.onDay(trigger, String.valueOf(data.get("taskId")), at);
			case "milestone.approaching" -> EventKeys.onDay(trigger, String.valueOf(milestone), at);
			case "deliverable.accepted" -> EventKeys.of(trigger, String.valueOf(data.get("deliverableId")), at);
			case "process.completed" -> EventKeys.of(trigger, String.valueOf(data.get("processId")), at);
			default -> null;
		};
	}

	/** The occurrences an application event stands for; none for events no trigger listens to. */
	static List<Occurrence> of(Object event, Instant now) {
		List<Occurrence> found = new ArrayList<>();
		if (event instanceof EntityChanged change) {
			found.addAll(ofChange(change, now));
		}
		else if (event instanceof MilestoneStatusChanged change) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("milestoneId", change.milestoneId().toString());
			data.put("from", change.from() == null ? "" : change.from().name());
			data.put("to", change.to().name());
			data.put("reasons", change.reasons() == null ? List.of()
					: change.reasons().stream().map(Reason::message).toList());
			found.add(new Occurrence(change.projectKey(), "milestone.status-changed", data, "system", now));
			if (change.to() == MilestoneStatus.AT_RISK) {
				found.add(new Occurrence(change.projectKey(), "milestone.at-risk", data, "system", now));
			}
			if (change.to() == MilestoneStatus.MISSED) {
				found.add(new Occurrence(change.projectKey(), "milestone.missed", data, "system", now));
			}
		}
		else if (event instanceof MilestoneAchieved achieved) {
			found.add(new Occurrence(achieved.projectKey(), "milestone.achieved",
					Map.of("milestoneId", achieved.milestoneId().toString()), achieved.achievedBy(),
					achieved.achievedAt() == null ? now : achieved.achievedAt()));
		}
		else if (event instanceof ApprovalRequested requested) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("approvalId", requested.requestId().toString());
			data.put("number", requested.number());
			data.put("title", requested.title());
			data.put("status", "PENDING");
			data.put("decidedBy", "");
			data.put("comment", "");
			data.put("subjectKind", requested.subjectKind() == null ? "" : requested.subjectKind().name());
			data.put("subjectId", requested.subjectId() == null ? "" : requested.subjectId().toString());
			data.put("dueDate", requested.dueDate() == null ? "" : requested.dueDate().toString());
			found.add(new Occurrence(requested.projectKey(), "approval.requested", data, requested.requestedBy(),
					requested.requestedAt() == null ? now : requested.requestedAt()));
		}
		else if (event instanceof ApprovalDecided decided && decided.status() != ApprovalStatus.PENDING) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("approvalId", decided.requestId().toString());
			data.put("number", decided.number());
			data.put("title", decided.title() == null ? "" : decided.title());
			data.put("status", decided.status().name());
			data.put("decidedBy", decided.decidedBy() == null ? "" : decided.decidedBy());
			data.put("comment", decided.comment() == null ? "" : decided.comment());
			data.put("subjectKind", decided.subjectKind() == null ? "" : decided.subjectKind().name());
			data.put("subjectId", decided.subjectId() == null ? "" : decided.subjectId().toString());
			data.put("dueDate", "");
			found.add(new Occurrence(decided.projectKey(), "approval.decided", data, decided.decidedBy(),
					decided.decidedAt() == null ? now : decided.decidedAt()));
		}
		else if (event instanceof ProcessCompleted completed) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("processId", completed.processId().toString());
			data.put("name", completed.name());
			data.put("template", completed.template());
			data.put("milestoneId", completed.milestoneId().toString());
			found.add(new Occurrence(completed.projectKey(), "process.completed", data, "system",
					completed.completedAt() == null ? now : completed.completedAt()));
		}
		return found;
	}

	/** Task and deliverable changes, as the audit record and the live event both carry them. */
	static List<Occurrence> ofChange(EntityChanged change, Instant at) {
		if (EntityChanged.WORKSPACE.equals(change.scope())) {
			return List.of();
		}
		List<Occurrence> found = new ArrayList<>();
		if (change.entityType().equals("task")) {
			if (change.action().equals("created")) {
				found.add(new Occurrence(change.scope(), "task.created", Map.of("taskId", change.entityId()),
						change.actor(), at));
			}
			else if (change.action().equals("updated")) {
				Map<String, Object> changes = changes(change.before(), change.after());
				if (!changes.isEmpty()) {
					Map<String, Object> data = new LinkedHashMap<>();
					data.put("taskId", change.entityId());
					data.put("changes", changes);
					found.add(new Occurrence(change.scope(), "task.updated", data, change.actor(), at));
				}
				if (change.before().get("actualFinish") == null && change.after().get("actualFinish") != null) {
					found.add(new Occurrence(change.scope(), "task.completed", Map.of("taskId", change.entityId()),
							change.actor(), at));
				}
			}
		}
		else if (change.entityType().equals("deliverable") && change.action().equals("accepted")) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("deliverableId", change.entityId());
			data.put("name", String.valueOf(change.after().getOrDefault("name", "")));
			Object milestone = change.after().get("milestone");
			data.put("milestoneId", milestone == null ? "" : milestone.toString());
			found.add(new Occurrence(change.scope(), "deliverable.accepted", data, change.actor(), at));
		}
		return found;
	}

	/** Field name to {@code {before, after}} as text, for the fields that differ. */
	static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		for (String field : after.keySet()) {
			Object was = before.get(field);
			Object is = after.get(field);
			if (!Objects.equals(was, is)) {
				Map<String, Object> pair = new LinkedHashMap<>();
				pair.put("before", was == null ? "" : String.valueOf(was));
				pair.put("after", is == null ? "" : String.valueOf(is));
				changes.put(field.equals("state") ? "status" : field, pair);
			}
		}
		return changes;
	}

}
