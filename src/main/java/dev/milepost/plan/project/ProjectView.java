package dev.milepost.plan.project;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A project as the API shows it. {@code calendar} is the project's own override (working days
 * null = the workspace's); {@code effectiveCalendar} is what its durations are counted in.
 */
public record ProjectView(String key, String name, String description, String sponsor, String manager,
		LocalDate start, LocalDate targetFinish, ProjectStatus status, CalendarSettings calendar,
		EffectiveCalendar effectiveCalendar, List<GoalSummary> goals, Instant createdAt, String timeZone) {

	public record EffectiveCalendar(Set<DayOfWeek> workingDays, List<Holiday> holidays) {
	}

	public record GoalSummary(String id, String outcome, String measure) {
	}

}
