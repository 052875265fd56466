package dev.milepost.plan.dependency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the cycle a new link would close: adding predecessor → successor closes one exactly when
 * the successor already reaches the predecessor.
 */
final class CycleDetector {

	private CycleDetector() {
	}

	/** The activities of the cycle in order, starting and ending with the predecessor; empty if none. */
	static Optional<List<UUID>> cycleClosedBy(Collection<Dependency> existing, UUID predecessor, UUID successor) {
		Map<UUID, List<UUID>> next = new HashMap<>();
		for (Dependency dependency : existing) {
			next.computeIfAbsent(dependency.predecessorId(), key -> new ArrayList<>()).add(dependency.successorId());
		}
		Map<UUID, UUID> reachedFrom = new HashMap<>();
		Deque<UUID> queue = new ArrayDeque<>();
		queue.add(successor);
		reachedFrom.put(successor, null);
		while (!queue.isEmpty()) {
			UUID current = queue.poll();
			if (current.equals(predecessor)) {
				List<UUID> path = new ArrayList<>();
				for (UUID step = current; step != null; step = reachedFrom.get(step)) {
					path.add(step);
				}
				Collections.reverse(path);
				List<UUID> cycle = new ArrayList<>();
				cycle.add(predecessor);
				cycle.addAll(path);
				return Optional.of(cycle);
			}
			for (UUID following : next.getOrDefault(current, List.of())) {
				if (!reachedFrom.containsKey(following)) {
					reachedFrom.put(following, current);
					queue.add(following);
				}
			}
		}
		return Optional.empty();
	}

}
