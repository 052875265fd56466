package dev.milepost.plan.project;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.milepost.common.RuleViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The workspace's default calendar, which every project uses unless it overrides it. */
@Table("workspace_calendar")
public class WorkspaceCalendar {

	static final String DEFAULT = "default";

	@Id
	private final String id;

	private String workingDays;

	@MappedCollection(idColumn = "calendar_id")
	private Set<StoredHoliday.OfWorkspace> holidays;

	@Version
	private Long version;

	@PersistenceCreator
	WorkspaceCalendar(String id, String workingDays, Set<StoredHoliday.OfWorkspace> holidays, Long version) {
		this.id = id;
		this.workingDays = workingDays;
		this.holidays = holidays == null ? new HashSet<>() : new HashSet<>(holidays);
		this.version = version;
	}

	public void change(CalendarSettings settings) {
		if (settings.workingDays() == null || settings.workingDays().isEmpty()) {
			throw new RuleViolationException("workingDays", "The workspace calendar needs at least one working weekday.");
		}
		this.workingDays = encode(settings.workingDays());
		this.holidays = StoredHoliday.forWorkspace(Holidays.distinct(settings.holidays()));
	}

	public Set<DayOfWeek> workingDays() {
		return decode(workingDays);
	}

	public Set<Holiday> holidays() {
		return holidays.stream().map(h -> new Holiday(h.date(), h.name())).collect(Collectors.toSet());
	}

	public CalendarSettings settings() {
		return new CalendarSettings(workingDays(), Holidays.sorted(holidays()));
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public void expectVersion(long expected) {
		this.version = expected;
	}

	static String encode(Set<DayOfWeek> days) {
		return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
	}

	static Set<DayOfWeek> decode(String days) {
		if (days == null || days.isBlank()) {
			return EnumSet.noneOf(DayOfWeek.class);
		}
		return Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
	}

	static final class Holidays {

		private Holidays() {
		}

		static Set<Holiday> distinct(List<Holiday> holidays) {
			Set<java.time.LocalDate> seen = new HashSet<>();
			for (Holiday holiday : holidays) {
				if (!seen.add(holiday.date())) {
					throw new RuleViolationException("holidays",
							"The holiday " + holiday.date() + " is listed twice; list each day once.");
				}
			}
			return new HashSet<>(holidays);
		}

		static List<Holiday> sorted(Set<Holiday> holidays) {
			return holidays.stream().sorted(java.util.Comparator.comparing(Holiday::date)).toList();
		}

	}

}
