package dev.milepost.automation.definition;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule does: one record per action of docs/blueprints.md, with its parameters already
 * validated by {@link BlueprintParser}. Texts may hold {@code {{variable.field}}} placeholders.
 */
public sealed interface Action {

	String NOTIFY = "notify";
	String REMIND_FEEDING_TASK_OWNERS = "remind-feeding-task-owners";
	String ESCALATE = "escalate";
	String REQUEST_APPROVAL = "request-approval";
	String START_PROCESS = "start-process";
	String CREATE_TASK = "create-task";
	String SET_FIELD = "set-field";
	String CALL_WEBHOOK = "call-webhook";

	/** Every action name, in the order the docs list them. */
	List<String> NAMES = List.of(NOTIFY, REMIND_FEEDING_TASK_OWNERS, ESCALATE, REQUEST_APPROVAL, START_PROCESS,
			CREATE_TASK, SET_FIELD, CALL_WEBHOOK);

	/** The action's name as written in YAML. */
	String name();

	/**
	 * @param to roles and people, at least one
	 * @param channels empty means each recipient's own preferences
	 * @param message the text, with placeholders
	 */
	record Notify(List<Recipient> to, List<NotifyChannel> channels, String message) implements Action {
		public Notify {
			to = List.copyOf(to);
			channels = List.copyOf(channels);
			Objects.requireNonNull(message, "message");
		}

		public String name() {
			return NOTIFY;
		}
	}

	/**
	 * @param channels empty means each recipient's own preferences
	 * @param message null for the standard reminder
	 */
	record RemindFeedingTaskOwners(List<NotifyChannel> channels, String message) implements Action {
		public RemindFeedingTaskOwners {
			channels = List.copyOf(channels);
		}

		public String name() {
			return REMIND_FEEDING_TASK_OWNERS;
		}
	}

	/** To the project's sponsor, or its manager when there is none. */
	record Escalate(String message, List<NotifyChannel> channels) implements Action {
		public Escalate {
			Objects.requireNonNull(message, "message");
			channels = List.copyOf(channels);
		}

		public String name() {
			return ESCALATE;
		}
	}

	/**
	 * @param approvers roles or people who decide
	 * @param dueDays working days until it is due
	 * @param mode {@code ALL}, {@code ANY} or {@code SEQUENCE}
	 * @param aboutMilestone whether the request is about the trigger's milestone
	 */
	record RequestApproval(String title, List<Recipient> approvers, int dueDays, String mode, boolean aboutMilestone)
			implements Action {
		public static final List<String> MODES = List.of("ALL", "ANY", "SEQUENCE");

		public RequestApproval {
			Objects.requireNonNull(title, "title");
			approvers = List.copyOf(approvers);
			if (!MODES.contains(mode)) {
				throw new IllegalArgumentException("mode must be one of " + MODES);
			}
		}

		public String name() {
			return REQUEST_APPROVAL;
		}
	}

	/**
	 * @param template {@code qa-cycle}, {@code it-operations-handover} or a project template's id
	 * @param startInDays working days from today
	 * @param processName the process's name, or null for the template's
	 */
	record StartProcess(String template, int startInDays, String processName) implements Action {
		public StartProcess {
			Objects.requireNonNull(template, "template");
		}

		public String name() {
			return START_PROCESS;
		}
	}

	/**
	 * @param taskName the new task's name (placeholders allowed)
	 * @param feedsMilestone whether it feeds the trigger's milestone
	 */
	record CreateTask(String taskName, int durationDays, Recipient owner, int startInDays, boolean feedsMilestone)
			implements Action {
		public CreateTask {
			Objects.requireNonNull(taskName, "taskName");
			Objects.requireNonNull(owner, "owner");
		}

		public String name() {
			return CREATE_TASK;
		}
	}

	/**
	 * @param field one of {@link Vocabulary#SETTABLE_FIELDS}
	 * @param mode {@code set}, or {@code add} for tags
	 */
	record SetField(String field, String value, String mode) implements Action {
		public SetField {
			if (!Vocabulary.SETTABLE_FIELDS.contains(field)) {
				throw new IllegalArgumentException("field must be one of " + Vocabulary.SETTABLE_FIELDS);
			}
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(mode, "mode");
		}

		public String name() {
			return SET_FIELD;
		}
	}

	/** @param payload extra JSON fields (placeholders allowed in texts); empty for the standard body */
	record CallWebhook(URI url, Map<String, Object> payload) implements Action {
		public CallWebhook {
			Objects.requireNonNull(url, "url");
			payload = payload == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
		}

		public String name() {
			return CALL_WEBHOOK;
		}
	}

}
