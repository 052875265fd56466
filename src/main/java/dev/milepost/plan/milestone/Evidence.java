package dev.milepost.plan.milestone;

import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ProjectRole;

/** What is presented to show a milestone's criterion is met. */
sealed interface Evidence {

	String describe();

	/** An approval given by a person, who may hold a role in the project. */
	record Approval(UUID approverId, String approverName, ProjectRole roleHeld, String comment) implements Evidence {

		@Override
		public String describe() {
			return "Approved by " + approverName + (comment == null || comment.isBlank() ? "" : ": " + comment.strip());
		}

	}

	record DeliverablesAccepted(List<String> deliverables) implements Evidence {

		@Override
		public String describe() {
			return "Deliverables accepted: " + String.join("; ", deliverables);
		}

	}

	record FeedingTasksDone(List<String> tasks) implements Evidence {

		@Override
		public String describe() {
			return "All feeding tasks done: " + String.join("; ", tasks);
		}

	}

	record OwnerConfirmation(UUID ownerId, String evidence) implements Evidence {

		@Override
		public String describe() {
			return evidence == null ? "" : evidence.strip();
		}

	}

}
