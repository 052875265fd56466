package dev.milepost.notification.trigger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.Sentences;
import dev.milepost.notification.EventKeys;
import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.outbox.Notice;
import dev.milepost.notification.outbox.Outbox;
import dev.milepost.notification.webhook.Webhooks;
import dev.milepost.plan.MilestoneAchieved;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectRoster;
import dev.milepost.plan.ProjectRole;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.Reason;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What milestones tell people, written to the outbox inside the transaction that changed them: a
 * milestone now at risk or missed goes to its owner and the project manager; an achieved one to
 * its owner, the manager, the sponsor and the stakeholders. Webhooks get every one of them.
 */
@Component
class MilestoneNotifications {

	private final Outbox outbox;

	private final PlanQueries plans;

	private final Webhooks webhooks;

	private final Clock clock;

	MilestoneNotifications(Outbox outbox, PlanQueries plans, Webhooks webhooks, Clock clock) {
		this.outbox = outbox;
		this.plans = plans;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	@EventListener
	void on(MilestoneStatusChanged change) {
		if (change.to() != MilestoneStatus.AT_RISK && change.to() != MilestoneStatus.MISSED) {
			return;
		}
		UUID projectId = plans.projectId(change.projectKey()).orElse(null);
		if (projectId == null) {
			return;
		}
		ProjectRoster people = plans.roster(projectId).orElse(null);
		String owner = plans.milestoneOwner(change.milestoneId()).orElse(null);
		boolean missed = change.to() == MilestoneStatus.MISSED;
		// at most one at-risk notice per milestone a day, so a status that flaps does not flood anyone;
		// a milestone is missed once per target date
		String key = missed ? "milestone-missed:" + change.milestoneId() + ":" + change.target()
				: "milestone-at-risk:" + change.milestoneId() + ":" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		String title = missed ? "Milestone '" + change.name() + "' of " + change.projectKey() + " was missed"
				: "Milestone '" + change.name() + "' of " + change.projectKey() + " is at risk";
		StringBuilder text = new StringBuilder(missed
				? "Its target, " + change.target() + ", passed without it being achieved."
				: "It is now at risk" + (change.from() == null ? "" : " (it was " + describe(change.from()) + ")")
						+ ". Target " + change.target() + ", forecast " + (change.forecast() == null ? "unknown"
								: change.forecast()) + ".");
		if (!change.reasons().isEmpty()) {
			text.append(" Why: ");
			text.append(Sentences.join(change.reasons().stream().map(Reason::message).toList()));
		}
		Map<String, Object> data = milestone(change.projectKey(), change.milestoneId(), change.name());
		data.put("from", change.from() == null ? null : change.from().name());
		data.put("to", change.to().name());
		data.put("target", String.valueOf(change.target()));
		data.put("forecast", change.forecast() == null ? null : change.forecast().toString());
		data.put("reasons", change.reasons().stream().map(reason -> Map.of("code", reason.code(), "message",
				reason.message())).toList());
		List<String> recipients = new ArrayList<>();
		recipients.add(owner);
		if (people != null) {
			recipients.add(people.manager());
		}
		outbox.enqueue(new Notice(key, missed ? NotificationKind.MILESTONE_MISSED : NotificationKind.MILESTONE_AT_RISK,
				projectId, change.projectKey(), "milestone", change.milestoneId().toString(), title, text.toString(),
				data, clock.instant(), EventKeys.milestoneStatus(change.milestoneId(), change.to().name(), clock.instant())),
				recipients);
	}

	@EventListener
	void on(MilestoneAchieved achieved) {
		UUID projectId = plans.projectId(achieved.projectKey()).orElse(null);
		if (projectId == null) {
			return;
		}
		List<String> recipients = new ArrayList<>();
		recipients.add(plans.milestoneOwner(achieved.milestoneId()).orElse(null));
		plans.roster(projectId).ifPresent(people -> {
			recipients.add(people.manager());
			recipients.add(people.sponsor());
			recipients.addAll(people.withRole(ProjectRole.STAKEHOLDER));
		});
		String title = "Milestone '" + achieved.name() + "' of " + achieved.projectKey() + " was achieved";
		String text = "Achieved by " + achieved.achievedBy() + " on " + achieved.achievedAt().atZone(ZoneOffset.UTC)
			.toLocalDate() + (achieved.evidence() == null || achieved.evidence().isBlank() ? "."
					: ". Evidence: " + achieved.evidence());
		Map<String, Object> data = milestone(achieved.projectKey(), achieved.milestoneId(), achieved.name());
		data.put("achievedBy", achieved.achievedBy());
		data.put("achievedAt", achieved.achievedAt().toString());
		data.put("evidenceKind", achieved.evidenceKind());
		data.put("evidence", achieved.evidence());
		outbox.enqueue(new Notice("milestone-achieved:" + achieved.milestoneId() + ":"
				+ achieved.achievedAt().toEpochMilli(), NotificationKind.MILESTONE_ACHIEVED, projectId,
				achieved.projectKey(), "milestone", achieved.milestoneId().toString(), title, text, data,
				clock.instant(), EventKeys.milestoneAchieved(achieved.milestoneId(), achieved.achievedAt())), recipients);
	}

	/** A deleted project takes its webhooks with it. */
	@EventListener
	void on(EntityChanged change) {
		if (change.entityType().equals("project") && change.action().equals("deleted")) {
			webhooks.forgetDeletedProjects();
		}
	}

	static Map<String, Object> milestone(String projectKey, UUID id, String name) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("projectKey", projectKey);
		data.put("milestone", Map.of("id", id.toString(), "name", name));
		return data;
	}

	private static String describe(MilestoneStatus status) {
		return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}
