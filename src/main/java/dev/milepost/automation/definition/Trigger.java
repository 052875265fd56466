package dev.milepost.automation.definition;

import java.util.List;
import java.util.Objects;

/**
 * When a rule runs: one record per trigger of docs/blueprints.md, holding its parameters, already
 * validated by {@link BlueprintParser}.
 */
public sealed interface Trigger {

	/** The trigger's name as written in YAML, e.g. {@code milestone.approaching}. */
	String name();

	/** The CEL variables (and placeholder variables) a rule with this trigger can use. */
	default List<String> variables() {
		return Triggers.variables(name());
	}

	record TaskCreated() implements Trigger {
		public String name() {
			return Triggers.TASK_CREATED;
		}
	}

	/** @param fields only when one of these task fields changed; empty means any */
	record TaskUpdated(List<String> fields) implements Trigger {
		public TaskUpdated {
			fields = List.copyOf(fields);
		}

		public String name() {
			return Triggers.TASK_UPDATED;
		}
	}

	record TaskCompleted() implements Trigger {
		public String name() {
			return Triggers.TASK_COMPLETED;
		}
	}

	record TaskOverdue() implements Trigger {
		public String name() {
			return Triggers.TASK_OVERDUE;
		}
	}

	/** @param days working days before the task's planned finish (0 to 365) */
	record TaskDue(int days) implements Trigger {
		public TaskDue {
			Triggers.requireDays(days);
		}

		public String name() {
			return Triggers.TASK_DUE;
		}
	}

	/** @param days days before the milestone's target (0 to 365) */
	record MilestoneApproaching(int days) implements Trigger {
		public MilestoneApproaching {
			Triggers.requireDays(days);
		}

		public String name() {
			return Triggers.MILESTONE_APPROACHING;
		}
	}

	/**
	 * @param from only from this status, or null for any
	 * @param to only to this status, or null for any
	 */
	record MilestoneStatusChanged(String from, String to) implements Trigger {
		public MilestoneStatusChanged {
			Triggers.requireStatus(from);
			Triggers.requireStatus(to);
		}

		public String name() {
			return Triggers.MILESTONE_STATUS_CHANGED;
		}
	}

	record MilestoneAtRisk() implements Trigger {
		public String name() {
			return Triggers.MILESTONE_AT_RISK;
		}
	}

	record MilestoneMissed() implements Trigger {
		public String name() {
			return Triggers.MILESTONE_MISSED;
		}
	}

	record MilestoneAchieved() implements Trigger {
		public String name() {
			return Triggers.MILESTONE_ACHIEVED;
		}
	}

	record ApprovalRequested() implements Trigger {
		public String name() {
			return Triggers.APPROVAL_REQUESTED;
		}
	}

	/** @param outcome {@code APPROVED}, {@code REJECTED}, or null for either */
	record ApprovalDecided(String outcome) implements Trigger {
		public ApprovalDecided {
			if (outcome != null && !Triggers.OUTCOMES.contains(outcome)) {
				throw new IllegalArgumentException("outcome must be one of " + Triggers.OUTCOMES);
			}
		}

		public String name() {
			return Triggers.APPROVAL_DECIDED;
		}
	}

	record DeliverableAccepted() implements Trigger {
		public String name() {
			return Triggers.DELIVERABLE_ACCEPTED;
		}
	}

	/** @param template only processes of this template, or null for any */
	record ProcessCompleted(String template) implements Trigger {
		public String name() {
			return Triggers.PROCESS_COMPLETED;
		}
	}

	/**
	 * @param cron a Spring 6-field cron expression
	 * @param zone a time-zone id, or null for the project's zone
	 */
	record Schedule(String cron, String zone) implements Trigger {
		public Schedule {
			Objects.requireNonNull(cron, "cron");
		}

		public String name() {
			return Triggers.SCHEDULE;
		}
	}

}
