package dev.milepost.plan.project;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** How holidays are stored: one table for the workspace calendar, one for project overrides. */
final class StoredHoliday {

	private StoredHoliday() {
	}

	@Table("workspace_holiday")
	record OfWorkspace(@Column("holiday_date") LocalDate date, String name) {
	}

	@Table("project_holiday")
	record OfProject(@Column("holiday_date") LocalDate date, String name) {
	}

	static Set<OfWorkspace> forWorkspace(Collection<Holiday> holidays) {
		return holidays.stream().map(h -> new OfWorkspace(h.date(), h.name())).collect(Collectors.toSet());
	}

	static Set<OfProject> forProject(Collection<Holiday> holidays) {
		return holidays.stream().map(h -> new OfProject(h.date(), h.name())).collect(Collectors.toSet());
	}

}
