package dev.milepost.plan.project;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A project as the API shows it. {@code calendar} is the project's own override (working days
 * null = the workspace's); {@code effectiveCalendar} is what its durations are counted in.
 * {@code statusesStaleSince} (in the answer about one project, {@code GET}/{@code PATCH …/projects/{key}};
 * null in the list) says since when its milestone statuses miss a change, while their recompute
 * waits or is retried (null: current), as the schedule API's milestone-status says.
 */
public record ProjectView(String key, String name, String description, String sponsor, String manager,
		LocalDate start, LocalDate targetFinish, ProjectStatus status, CalendarSettings calendar,
		EffectiveCalendar effectiveCalendar, List<GoalSummary> goals, Instant createdAt, String timeZone,
		Instant statusesStaleSince) {

	/** The same, saying since when its statuses are stale. */
	ProjectView withStatusesStaleSince(Instant since) {
		return new ProjectView(key, name, description, sponsor, manager, start, targetFinish, status, calendar,
				effectiveCalendar, goals, createdAt, timeZone, since);
	}

	public record EffectiveCalendar(Set<DayOfWeek> workingDays, List<Holiday> holidays) {
	}

	public record GoalSummary(String id, String outcome, String measure) {
	}

}
