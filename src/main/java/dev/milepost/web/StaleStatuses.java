package dev.milepost.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import dev.milepost.schedule.StatusRecomputation;

/**
 * The note a page shows while the project's stored milestone statuses miss a change: since when,
 * and whether recomputing them failed (it is retried); none when they are current.
 */
record StaleStatuses(String since, boolean failing) {

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	static StaleStatuses of(Optional<StatusRecomputation.Staleness> staleness) {
		return staleness.map(stale -> new StaleStatuses(MOMENT.format(stale.since()), stale.failedAttempts() > 0))
			.orElse(null);
	}

}
