package dev.milepost.schedule.internal;

import java.time.Instant;
import java.util.Optional;

import dev.milepost.plan.StatusFreshness;
import dev.milepost.schedule.StatusRecomputation;
import org.springframework.stereotype.Service;

/** {@link StatusFreshness} from the waiting recompute requests, as the schedule API's {@code statusesStaleSince}. */
@Service
class StatusFreshnessReads implements StatusFreshness {

	private final StatusRecomputeRequests requests;

	StatusFreshnessReads(StatusRecomputeRequests requests) {
		this.requests = requests;
	}

	@Override
	public Optional<Instant> staleSince(String projectKey) {
		return requests.staleness(projectKey).map(StatusRecomputation.Staleness::since);
	}

}
