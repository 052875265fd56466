package dev.milepost.automation.runtime;

import java.time.Clock;
import java.util.List;

import dev.milepost.approval.ApprovalDecided;
import dev.milepost.approval.ApprovalRequested;
import dev.milepost.automation.definition.ActiveBlueprints;
import dev.milepost.common.EntityChanged;
import dev.milepost.plan.MilestoneAchieved;
import dev.milepost.process.ProcessCompleted;
import dev.milepost.schedule.MilestoneStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hears the events triggers listen to, inside the transaction that publishes them, and writes each
 * occurrence a project's active rules care about to {@link PendingEvents} in that same transaction:
 * a rolled-back change triggers nothing, a committed one is never lost (even if the instance stops
 * right after the commit). Once the transaction commits, the {@link EventPump} is woken.
 */
@Component
class EventCapture {

	private final PendingEvents pending;

	private final RuleBook rules;

	private final EventPump pump;

	private final HeardEvents heard;

	private final Clock clock;

	EventCapture(PendingEvents pending, RuleBook rules, EventPump pump, HeardEvents heard, Clock clock) {
		this.pending = pending;
		this.rules = rules;
		this.pump = pump;
		this.heard = heard;
		this.clock = clock;
	}

	@EventListener
	void on(EntityChanged change) {
		capture(change);
	}

	@EventListener
	void on(MilestoneStatusChanged change) {
		capture(change);
	}

	@EventListener
	void on(MilestoneAchieved achieved) {
		capture(achieved);
	}

	@EventListener
	void on(ApprovalRequested requested) {
		capture(requested);
	}

	@EventListener
	void on(ApprovalDecided decided) {
		capture(decided);
	}

	@EventListener
	void on(ProcessCompleted completed) {
		capture(completed);
	}

	/**
	 * An achievement or decision recorded as having happened longer ago than this is history being
	 * filled in (the demo portfolio's, or a plan brought up to date), not news: it runs no rules, so
	 * recording last month's achievement does not start a QA cycle today.
	 */
	static final java.time.Duration BACKFILL = java.time.Duration.ofDays(7);

	/** Whether an occurrence captured at {@code capturedAt} runs rules: it is not history being filled in. */
	static boolean isNews(Occurrence occurrence, java.time.Instant capturedAt) {
		return !occurrence.at().isBefore(capturedAt.minus(BACKFILL));
	}

	private void capture(Object event) {
		java.time.Instant now = clock.instant();
		List<Occurrence> occurrences = Occurrence.of(event, now)
			.stream()
			.filter(occurrence -> isNews(occurrence, now))
			.toList();
		if (occurrences.isEmpty()) {
			return;
		}
		ActiveBlueprints.InForce inForce = rules.inForce(occurrences.get(0).projectKey()).orElse(null);
		if (inForce == null) {
			return;
		}
		boolean any = false;
		for (Occurrence occurrence : occurrences) {
			if (HeardEvents.TRIGGERS.contains(occurrence.trigger())) {
				heard.add(inForce.projectId(), occurrence);
			}
			if (inForce.listens(occurrence.trigger())) {
				pending.add(inForce.projectId(), occurrence, RunCause.current());
				any = true;
			}
		}
		if (any) {
			wakeAfterCommit();
		}
	}

	private void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			pump.wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				pump.wake();
			}

		});
	}

}
