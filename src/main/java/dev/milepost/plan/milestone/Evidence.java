package dev.milepost.plan.milestone;

import java.util.List;
import java.util.UUID;

/** What is presented to show a milestone's criterion is met. */
sealed interface Evidence {

	String describe();

	/**
	 * An approval given by a person: directly, or through an approval request, where a delegate may decide on behalf of the approver who handed them the turn.
	 */
	record Approval(UUID approverId, String approverName, String comment, ThroughRequest request)
			implements Evidence {

		Approval(UUID approverId, String approverName, String comment) {
			this(approverId, approverName, comment, null);
		}

		@Override
		public String describe() {
			String onBehalf = request == null || request.onBehalfOfId() == null ? ""
					: " on behalf of " + request.onBehalfOfName();
			String through = request == null ? "" : " (request #" + request.number() + ")";
			return "Approved by " + approverName + onBehalf + through
					+ (comment == null || comment.isBlank() ? "" : ": " + comment.strip());
		}

	}

	/**
	 * The approval request an approval was decided through; {@code onBehalfOf…} name the approver
	 * who delegated their turn, and are null when the approver decided themselves.
	 */
	record ThroughRequest(UUID id, long number, UUID onBehalfOfId, String onBehalfOfName) {
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
