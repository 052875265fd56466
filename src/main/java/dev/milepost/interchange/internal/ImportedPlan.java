package dev.milepost.interchange.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.milepost.plan.LinkType;

/**
 * The plan Milepost would create from a file, in today's schedule model (whole working days, one
 * project calendar, tasks, milestones, four link types with a lag in days), with the file's own
 * schedule figures beside it for the schedule check. {@link PlanReading} decides what goes in;
 * this is what the import keeps between the preview and the confirm.
 */
record ImportedPlan(String name, LocalDate start, LocalDate fileFinish, Set<DayOfWeek> workingDays,
		List<Holiday> holidays, List<Item> items, List<Link> links, List<Person> people) {

	record Holiday(LocalDate date, String name) {
	}

	/**
	 * A task ({@code milestone} false, {@code durationDays} at least 1) or a milestone, named in the
	 * links by {@code ref} (the file's unique id). {@code target} and {@code targetFrom} are a
	 * milestone's; {@code fileFinish} and {@code fileFloatDays} the file's stored schedule (null where
	 * it stores none).
	 */
	record Item(String ref, String name, String description, boolean milestone, int durationDays,
			LocalDate plannedStart, int percentComplete, LocalDate actualStart, LocalDate actualFinish,
			LocalDate target, String targetFrom, LocalDate fileFinish, Double fileFloatDays) {
	}

	record Link(String predecessor, String successor, LinkType type, int lagDays) {
	}

	/** A resource of the file, which may be one of Milepost's people. */
	record Person(String name, String email) {
	}

}
