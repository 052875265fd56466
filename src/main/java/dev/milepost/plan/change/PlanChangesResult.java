package dev.milepost.plan.change;

import java.util.List;
import java.util.UUID;

/** What a bulk change did: each item it created (by position and ref), and how many it updated and deleted. */
public record PlanChangesResult(int operations, List<Created> created, int updated, int deleted) {

	public record Created(int index, String type, String ref, UUID id) {
	}

}
