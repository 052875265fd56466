package dev.milepost.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The identity of the thing that happened which a notice tells of, the same whichever path
 * writes the notice (a built-in notice, the default blueprint, any other rule): a person gets at
 * most one delivery per channel for one key ({@link Notices.Send#about()}).
 */
public final class EventKeys {

	private EventKeys() {
	}

	/**
	 * A milestone's status became {@code status} (at risk, missed, …); at most once a day (UTC), so
	 * a status that flaps does not flood anyone.
	 */
	public static String milestoneStatus(UUID milestoneId, String status, Instant at) {
		return "milestone-status:" + milestoneId + ":" + status + ":" + LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/** A milestone was achieved at that moment. */
	public static String milestoneAchieved(UUID milestoneId, Instant achievedAt) {
		return "milestone-achieved:" + milestoneId + ":" + achievedAt.toEpochMilli();
	}

	/** The status of {@link #approval} for a request being opened. */
	public static final String REQUESTED = "REQUESTED";

	/** An approval request was opened ({@link #REQUESTED}), or was closed with this status. */
	public static String approval(UUID requestId, String status) {
		return "approval:" + requestId + ":" + status;
	}

	/** Something found on a day (a task overdue, a milestone approaching), once that day (UTC). */
	public static String onDay(String happening, String subjectId, Instant at) {
		return happening + ":" + subjectId + ":" + LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/** Anything else: what happened ({@code task.changed}, {@code task.overdue}, …) to which entity, when. */
	public static String of(String happening, String subjectId, Instant at) {
		return happening + ":" + subjectId + ":" + at.toEpochMilli();
	}

}
