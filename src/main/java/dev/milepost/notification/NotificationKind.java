package dev.milepost.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of things Milepost tells people about; each person chooses the channels per kind. */
public enum NotificationKind {

	/** A milestone's status became at risk. */
	MILESTONE_AT_RISK,
	/** A milestone's target passed without it being achieved. */
	MILESTONE_MISSED,
	/** A milestone's completion criterion was met. */
	MILESTONE_ACHIEVED,
	/** A milestone's target is a few days away. */
	MILESTONE_REMINDER,
	/** A task's planned finish is a few days away. */
	TASK_REMINDER,
	/** An approval you can decide is due in a few days. */
	APPROVAL_REMINDER,
	/** Someone asked you for an approval. */
	APPROVAL_REQUESTED,
	/** An approval request of your project was decided. */
	APPROVAL_DECIDED,
	/** A blueprint rule's notice (notify, escalate, remind-feeding-task-owners actions). */
	AUTOMATION,
	/** The day's e-mails of a person who asked for one digest a day (e-mail only, not a choice). */
	DIGEST;

	/** The kinds a person or a webhook can choose. */
	public static List<NotificationKind> choosable() {
		return Arrays.stream(values()).filter(kind -> kind != DIGEST).toList();
	}

	/** The event type in webhook payloads, e.g. {@code milestone.at_risk}. */
	public String type() {
		return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
	}

}
