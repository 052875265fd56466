package dev.milepost.schedule.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.TransactionScoped;
import dev.milepost.schedule.StatusRecomputation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks for a recompute of the milestone statuses of every project a plan change touched: one
 * stored request per project per transaction, written just before the change commits and on its
 * connection (so it commits or rolls back with the change), and a wake of the worker once it has
 * committed. Nothing is computed on the request's thread.
 */
@Component
class RecomputeOnChange {

	// the projects the transaction changed, asked to be recomputed in it and the worker woken once it commits
	private final TransactionScoped<Map<String, Touched>> pending = new TransactionScoped<>(LinkedHashMap::new,
			new TransactionScoped.Completion<>() {

				@Override
				public void beforeCommit(Map<String, Touched> projects, boolean readOnly) {
					projects.forEach((key, touched) -> requests.request(key, touched.changed, touched.projectDeleted));
				}

				@Override
				public void afterCompletion(Map<String, Touched> projects, boolean committed) {
					if (committed) {
						worker.wake();
					}
				}

			});

	private final StatusRecomputeRequests requests;

	private final StatusRecomputeWorker worker;

	RecomputeOnChange(StatusRecomputeRequests requests, StatusRecomputeWorker worker) {
		this.requests = requests;
		this.worker = worker;
	}

	/** What one transaction changed in one project. */
	private static final class Touched {

		final Set<String> changed = new LinkedHashSet<>();

		boolean projectDeleted;

	}

	@EventListener
	void on(EntityChanged change) {
		if (!StatusRecomputation.follows(change)) {
			return;
		}
		boolean projectDeleted = change.entityType().equals("project") && change.action().equals("deleted");
		Map<String, Touched> pending = this.pending.current();
		if (pending == null) {
			requests.request(change.scope(), Set.of(change.entityType()), projectDeleted);
			worker.wake();
			return;
		}
		Touched touched = pending.computeIfAbsent(change.scope(), key -> new Touched());
		touched.changed.add(change.entityType());
		touched.projectDeleted |= projectDeleted;
	}

}
