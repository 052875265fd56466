package dev.milepost;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.milepost.schedule.MilestoneStatusesRecomputed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test fixture: makes the status recompute of chosen projects fail, as a database outage or a bug
 * would, by throwing inside the recompute's transaction (which then rolls back), until healed.
 */
@Component
public class RecomputeFaults {

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	public void fail(String projectKey) {
		failing.add(projectKey);
	}

	public void heal(String projectKey) {
		failing.remove(projectKey);
	}

	@EventListener
	void on(MilestoneStatusesRecomputed recomputed) {
		if (!recomputed.failed() && failing.contains(recomputed.projectKey())) {
			throw new IllegalStateException("Recomputing " + recomputed.projectKey() + " failed (a fault made by a test)");
		}
	}

}
