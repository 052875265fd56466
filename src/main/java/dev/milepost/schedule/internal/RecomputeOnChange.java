package dev.milepost.schedule.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.milepost.common.EntityChanged;
import dev.milepost.schedule.StatusRecomputation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asks for a recompute of the milestone statuses of every project a plan change touched: one
 * stored request per project per transaction, written just before the change commits and on its
 * connection (so it commits or rolls back with the change), and a wake of the worker once it has
 * committed. Nothing is computed on the request's thread.
 */
@Component
class RecomputeOnChange {

	private static final Object PENDING = RecomputeOnChange.class.getName() + ".pending";

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
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			requests.request(change.scope(), Set.of(change.entityType()), projectDeleted);
			worker.wake();
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, Touched> pending = (Map<String, Touched>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			Map<String, Touched> projects = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(PENDING, projects);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					projects.forEach((key, touched) -> requests.request(key, touched.changed, touched.projectDeleted));
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
					if (status == STATUS_COMMITTED) {
						worker.wake();
					}
				}

			});
			pending = projects;
		}
		Touched touched = pending.computeIfAbsent(change.scope(), key -> new Touched());
		touched.changed.add(change.entityType());
		touched.projectDeleted |= projectDeleted;
	}

}
