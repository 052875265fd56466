package dev.milepost.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * Since when a project's stored milestone statuses miss a committed change, while their recompute
 * waits or is retried: what the project's JSON says as {@code statusesStaleSince}. The schedule
 * module, which keeps the statuses, answers it; the plan module only asks.
 */
public interface StatusFreshness {

	/** When the oldest change the statuses do not yet include was committed; empty when they are current. */
	Optional<Instant> staleSince(String projectKey);

}
