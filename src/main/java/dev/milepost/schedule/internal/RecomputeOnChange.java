package dev.milepost.schedule.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.milepost.common.EntityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * After every committed plan change, recomputes the milestone statuses of the projects it
 * touched — once per project per transaction, however many entities the transaction changed.
 */
@Component
class RecomputeOnChange {

	private static final Object PENDING = RecomputeOnChange.class.getName() + ".pending";

	private final MilestoneStatuses statuses;

	private final Baselines baselines;

	RecomputeOnChange(MilestoneStatuses statuses, Baselines baselines) {
		this.statuses = statuses;
		this.baselines = baselines;
	}

	@EventListener
	void on(EntityChanged change) {
		if (EntityChanged.WORKSPACE.equals(change.scope()) || change.entityType().equals("baseline")) {
			return;
		}
		boolean projectDeleted = change.entityType().equals("project") && change.action().equals("deleted");
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			run(change.scope(), projectDeleted);
			return;
		}
		@SuppressWarnings("unchecked")
		Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
		if (pending == null) {
			Set<String> keys = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(PENDING, keys);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
					if (status == STATUS_COMMITTED) {
						keys.forEach(key -> run(key.substring(1), key.charAt(0) == '-'));
					}
				}

			});
			pending = keys;
		}
		pending.remove("+" + change.scope());
		pending.add((projectDeleted ? "-" : "+") + change.scope());
	}

	private void run(String projectKey, boolean deleted) {
		if (deleted) {
			statuses.forgetDeletedProjects();
			baselines.forgetDeletedProjects();
		}
		else {
			statuses.recompute(projectKey);
		}
	}

}
