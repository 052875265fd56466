package dev.milepost.notification.trigger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.approval.ApprovalDecided;
import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.ApprovalRequested;
import dev.milepost.approval.ApprovalStatus;
import dev.milepost.common.Sentences;
import dev.milepost.notification.EventKeys;
import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.outbox.Notice;
import dev.milepost.notification.outbox.Outbox;
import dev.milepost.plan.PlanQueries;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Approvals reach people without anyone chasing them, written to the outbox inside the
 * transaction that asked or decided: the approvers hear they are asked (for a role, whoever holds
 * it), and the project's manager hears every decision.
 */
@Component
class ApprovalNotifications {

	private final Outbox outbox;

	private final PlanQueries plans;

	private final Clock clock;

	ApprovalNotifications(Outbox outbox, PlanQueries plans, Clock clock) {
		this.outbox = outbox;
		this.plans = plans;
		this.clock = clock;
	}

	@EventListener
	void on(ApprovalRequested requested) {
		UUID projectId = plans.projectId(requested.projectKey()).orElse(null);
		if (projectId == null) {
			return;
		}
		List<String> recipients = Deciders.people(requested.approvers(), plans.roster(projectId).orElse(null));
		String order = requested.mode() == ApprovalMode.SEQUENTIAL ? " in turn" : "";
		String title = "Approval #" + requested.number() + " of " + requested.projectKey() + ": " + requested.title();
		String text = requested.requestedBy() + " asks for your approval" + order + (requested.dueDate() == null ? ""
				: " by " + requested.dueDate()) + ".";
		Map<String, Object> data = data(requested.projectKey(), requested.requestId(), requested.number());
		data.put("title", requested.title());
		data.put("mode", requested.mode().name());
		data.put("approvers", requested.approvers());
		data.put("dueDate", requested.dueDate() == null ? null : requested.dueDate().toString());
		data.put("requestedBy", requested.requestedBy());
		outbox.enqueue(new Notice("approval-requested:" + requested.requestId(), NotificationKind.APPROVAL_REQUESTED,
				projectId, requested.projectKey(), "approval", requested.requestId().toString(), title, text, data,
				clock.instant(), EventKeys.approval(requested.requestId(), EventKeys.REQUESTED)), recipients);
	}

	@EventListener
	void on(ApprovalDecided decided) {
		UUID projectId = plans.projectId(decided.projectKey()).orElse(null);
		if (projectId == null) {
			return;
		}
		List<String> recipients = new ArrayList<>();
		plans.roster(projectId).ifPresent(roster -> recipients.add(roster.manager()));
		String by = decided.decidedBy() + (decided.onBehalfOf() == null ? "" : " for " + decided.onBehalfOf());
		String title = "Approval #" + decided.number() + " of " + decided.projectKey() + ": "
				+ decided.decision().name().toLowerCase(java.util.Locale.ROOT) + " by " + by;
		String text = by + " decided " + decided.decision().name().toLowerCase(java.util.Locale.ROOT)
				+ (decided.comment() == null || decided.comment().isBlank() ? "." : ": " + Sentences.end(decided.comment()))
				+ " The request is now " + decided.status().name().toLowerCase(java.util.Locale.ROOT) + ".";
		Map<String, Object> data = data(decided.projectKey(), decided.requestId(), decided.number());
		data.put("decision", decided.decision().name());
		data.put("decidedBy", decided.decidedBy());
		data.put("onBehalfOf", decided.onBehalfOf());
		data.put("status", decided.status().name());
		outbox.enqueue(new Notice("approval-decided:" + decided.requestId() + ":" + decided.decidedBy() + ":"
				+ decided.decidedAt().toEpochMilli(), NotificationKind.APPROVAL_DECIDED, projectId,
				decided.projectKey(), "approval", decided.requestId().toString(), title, text, data, clock.instant(),
				// a decision that leaves the request pending is news of its own; the one that closes it is the outcome
				decided.status() == ApprovalStatus.PENDING ? null
						: EventKeys.approval(decided.requestId(), decided.status().name())),
				recipients);
	}

	private static Map<String, Object> data(String projectKey, UUID requestId, long number) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("project", projectKey);
		data.put("approval", requestId.toString());
		data.put("number", number);
		return data;
	}

}
