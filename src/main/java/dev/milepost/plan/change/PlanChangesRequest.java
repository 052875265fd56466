package dev.milepost.plan.change;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A list of plan changes applied in one transaction, in order. A create may carry a {@code ref};
 * later operations name the item it creates with {@code {"ref": "…"}} wherever an id goes.
 */
public record PlanChangesRequest(List<Operation> operations) {

	/**
	 * One change. {@code value} is the body the single endpoint takes (a create's request, an
	 * update's merge patch); {@code id} is the item's id or {@code {"ref": "…"}}; {@code version}
	 * is the ETag's number an update of a stored item must send, as {@code If-Match} on a PATCH;
	 * {@code removeLinks} as on a DELETE.
	 */
	public record Operation(Action op, ItemType type, String ref, JsonNode id, JsonNode value, Long version,
			Boolean removeLinks) {
	}

	public enum Action {

		@JsonProperty("create")
		CREATE, @JsonProperty("update")
		UPDATE, @JsonProperty("delete")
		DELETE;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public enum ItemType {

		@JsonProperty("task")
		TASK, @JsonProperty("milestone")
		MILESTONE, @JsonProperty("dependency")
		DEPENDENCY;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
