package dev.milepost.plan.project;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ProjectTimeZones;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A project: its key, people in charge, dates, status and calendar override. */
@Table("project")
public class Project {

	static final String KEY_PATTERN = "[A-Z][A-Z0-9]{1,9}";

	@Id
	private final UUID id;

	private final String projectKey;

	private String name;

	private String description;

	private UUID sponsorId;

	private UUID managerId;

	private LocalDate startDate;

	private LocalDate targetFinish;

	private ProjectStatus status;

	private String workingDays;

	private String timeZone;

	@MappedCollection(idColumn = "project_id")
	private Set<StoredHoliday.OfProject> holidays;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	Project(UUID id, String projectKey, String name, String description, UUID sponsorId, UUID managerId,
			LocalDate startDate, LocalDate targetFinish, ProjectStatus status, String workingDays, String timeZone,
			Set<StoredHoliday.OfProject> holidays, Instant createdAt, Long version) {
		this.id = id;
		this.projectKey = projectKey;
		this.name = name;
		this.description = description;
		this.sponsorId = sponsorId;
		this.managerId = managerId;
		this.startDate = startDate;
		this.targetFinish = targetFinish;
		this.status = status;
		this.workingDays = workingDays;
		this.timeZone = timeZone;
		this.holidays = holidays == null ? new HashSet<>() : new HashSet<>(holidays);
		this.createdAt = createdAt;
		this.version = version;
	}

	static Project create(String key, Details details, Instant now) {
		if (key == null || !key.matches(KEY_PATTERN)) {
			throw new RuleViolationException("key",
					"A project key is 2 to 10 upper-case letters or digits starting with a letter, like ERP or CRM2.");
		}
		Project project = new Project(UUID.randomUUID(), key, null, null, null, null, null, null, null, null, null,
				null, now, null);
		project.change(details);
		return project;
	}

	/** Everything about a project that can change, already resolved to people. */
	record Details(String name, String description, UUID sponsorId, UUID managerId, LocalDate start,
			LocalDate targetFinish, ProjectStatus status, Set<DayOfWeek> workingDays, List<Holiday> holidays,
			String timeZone) {
	}

	void change(Details details) {
		if (!details.targetFinish().isAfter(details.start())) {
			throw new RuleViolationException("targetFinish", "The target finish (" + details.targetFinish()
					+ ") must come after the start (" + details.start() + ").");
		}
		this.name = details.name().strip();
		this.description = details.description();
		this.sponsorId = details.sponsorId();
		this.managerId = details.managerId();
		this.startDate = details.start();
		this.targetFinish = details.targetFinish();
		this.status = details.status() == null ? ProjectStatus.PLANNED : details.status();
		this.workingDays = details.workingDays() == null ? null : WorkspaceCalendar.encode(details.workingDays());
		this.timeZone = ProjectTimeZones.validate("timeZone", details.timeZone());
		this.holidays = StoredHoliday.forProject(
				WorkspaceCalendar.Holidays.distinct(details.holidays() == null ? List.of() : details.holidays()));
	}

	public void expectVersion(long expected) {
		this.version = expected;
	}

	public UUID id() {
		return id;
	}

	public String key() {
		return projectKey;
	}

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

	public UUID sponsorId() {
		return sponsorId;
	}

	public UUID managerId() {
		return managerId;
	}

	public LocalDate startDate() {
		return startDate;
	}

	public LocalDate targetFinish() {
		return targetFinish;
	}

	public ProjectStatus status() {
		return status;
	}

	/** The project's own working weekdays, or null when it follows the workspace's. */
	public Set<DayOfWeek> workingDays() {
		return workingDays == null ? null : WorkspaceCalendar.decode(workingDays);
	}

	/** The project's own time zone (an IANA name), or null when it follows the workspace's. */
	public String timeZone() {
		return timeZone;
	}

	public Set<Holiday> holidays() {
		return holidays.stream().map(h -> new Holiday(h.date(), h.name())).collect(java.util.stream.Collectors.toSet());
	}

	public Instant createdAt() {
		return createdAt;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
