package dev.milepost.interchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an upload would become, as the API answers and the preview page shows it: what the file
 * holds and what Milepost would create, the people its resources match, every kind of thing that
 * would not be kept (or only approximately), and the file's own schedule against Milepost's. A
 * sheet's preview has its {@code columns} and the {@code mapping} (field → column) it was read
 * through; a plan file's has neither.
 */
record ImportPreview(UUID id, String filename, String format, String name, String suggestedKey, LocalDate start,
		Counts inFile, Counts created, List<ResourceMatch> resources, List<Loss> losses, ScheduleCheck scheduleCheck,
		List<String> columns, Map<String, String> mapping, Instant expiresAt, String project) {

	/**
	 * Counts of tasks (work, not summaries), summary tasks, milestones, links by type, calendars,
	 * constraints (a created plan's are its planned starts) and activities with progress.
	 */
	record Counts(int tasks, int summaryTasks, int milestones, Map<String, Integer> links, int calendars,
			int constraints, int withProgress) {
	}

	/** A resource of the file and the Milepost person it matches ({@code by} e-mail or name), or none. */
	record ResourceMatch(String resource, String email, String username, String by) {
	}

	/**
	 * One kind of thing the file holds that Milepost does not keep as it is: {@code kept} says what
	 * happens to it (not kept, rounded to whole days, …), with how many and the first examples.
	 */
	record Loss(String kind, String kept, int count, List<String> examples) {
	}

	/**
	 * The file's stored finish and total floats against the ones Milepost computes for the plan it
	 * would create. {@code compared} is how many activities had a stored float; {@code mismatches} the
	 * first of the {@code mismatchCount} that differ.
	 */
	record ScheduleCheck(LocalDate fileFinish, LocalDate milepostFinish, boolean finishMatches, int compared,
			int mismatchCount, List<Mismatch> mismatches, String note) {
	}

	record Mismatch(String ref, String name, Double fileFloatDays, int milepostFloatDays, LocalDate fileFinish,
			LocalDate milepostFinish) {
	}

}
