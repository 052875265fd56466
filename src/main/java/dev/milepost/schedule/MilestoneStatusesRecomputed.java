package dev.milepost.schedule;

import java.util.List;

/**
 * A project's milestone statuses were recomputed after the changes named (entity types, e.g.
 * {@code task}), or recomputing them failed and will be tried again: published in the worker's
 * transaction, once per recompute however many changes it covered, so an open page hears once.
 */
public record MilestoneStatusesRecomputed(String projectKey, List<String> changed, boolean failed) {

	public MilestoneStatusesRecomputed {
		changed = List.copyOf(changed);
	}

}
