package dev.milepost.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The upstream network of an activity: everything that leads into it through any chain of
 * dependencies, whatever the link type, through milestones (achieved or not) as through tasks.
 * "All feeding work" of a milestone is this network's tasks, so work feeding a milestone that
 * feeds this one counts as well: an earlier milestone being achieved does not finish its work.
 */
final class Upstream {

	private Upstream() {
	}

	/** The activities upstream of {@code start}, nearest first; {@code start} itself only if it lies on a loop. */
	static Set<UUID> of(UUID start, Map<UUID, List<UUID>> predecessors) {
		Set<UUID> seen = new LinkedHashSet<>();
		Deque<UUID> next = new ArrayDeque<>(predecessors.getOrDefault(start, List.of()));
		while (!next.isEmpty()) {
			UUID activity = next.poll();
			if (seen.add(activity)) {
				next.addAll(predecessors.getOrDefault(activity, List.of()));
			}
		}
		return seen;
	}

}
