package dev.milepost.plan.project;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * A calendar as the API shows and takes it. On a project, {@code workingDays} null means "the
 * workspace's"; its holidays come on top of the workspace's.
 */
public record CalendarSettings(@Size(min = 1, max = 7, message = "name between one and seven working weekdays") Set<DayOfWeek> workingDays,
		@Valid @Size(max = 400) List<Holiday> holidays) {

	public CalendarSettings {
		holidays = holidays == null ? List.of() : holidays;
	}

}
