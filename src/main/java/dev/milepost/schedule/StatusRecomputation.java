package dev.milepost.schedule;

import java.time.Instant;
import java.util.Optional;

import dev.milepost.common.DueWork;
import dev.milepost.common.EntityChanged;

/**
 * Milestone statuses are recomputed after a plan change commits, by a background worker, from a
 * request the change's own transaction stored: persistent (a crash loses none), coalesced (a burst
 * of changes to a project costs one recompute) and retried when it fails. Meanwhile the project's
 * stored statuses are stale, and pages and the API say since when.
 */
public interface StatusRecomputation extends DueWork {

	/** The one rule for which changes call for a recompute: any change in a project, except a baseline's. */
	static boolean follows(EntityChanged change) {
		return !EntityChanged.WORKSPACE.equals(change.scope()) && !change.entityType().equals("baseline");
	}

	/** Since when the project's statuses miss a committed change, and whether recomputing failed; empty when current. */
	Optional<Staleness> staleness(String projectKey);

	/**
	 * @param since when the oldest change not yet reflected was committed
	 * @param failedAttempts how many times recomputing it failed so far (0: it is waiting its turn)
	 */
	record Staleness(Instant since, int failedAttempts) {
	}

}
