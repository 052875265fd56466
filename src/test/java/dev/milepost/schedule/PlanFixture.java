package dev.milepost.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;

/** Builds ProjectPlans by hand for scheduling tests: a project starting Monday 2 March 2026. */
public final class PlanFixture {

	public static final LocalDate START = LocalDate.of(2026, 3, 2);

	private final List<ProjectPlan.Task> tasks = new ArrayList<>();

	private final List<ProjectPlan.Milestone> milestones = new ArrayList<>();

	private final List<ProjectPlan.Link> links = new ArrayList<>();

	private Set<LocalDate> holidays = Set.of();

	public static PlanFixture project() {
		return new PlanFixture();
	}

	public PlanFixture holidays(LocalDate... days) {
		holidays = Set.of(days);
		return this;
	}

	public UUID task(String name, int days) {
		return task(name, days, 0, null, null, null);
	}

	public UUID task(String name, int days, int percent, LocalDate plannedStart, LocalDate actualStart,
			LocalDate actualFinish) {
		UUID id = UUID.randomUUID();
		tasks.add(new ProjectPlan.Task(id, name, days, percent, plannedStart, actualStart, actualFinish, null, null,
				null, List.of()));
		return id;
	}

	/** A task not started, with a three-point estimate in working days. */
	public UUID task(String name, int days, int optimistic, int mostLikely, int pessimistic) {
		UUID id = UUID.randomUUID();
		tasks.add(new ProjectPlan.Task(id, name, days, 0, null, null, null, optimistic, mostLikely, pessimistic,
				List.of()));
		return id;
	}

	public UUID milestone(String name, LocalDate target) {
		return milestone(name, target, (Instant) null);
	}

	public UUID milestone(String name, LocalDate target, Instant achievedAt) {
		return milestone(name, target, "OWNER_CONFIRMATION", achievedAt);
	}

	/** A milestone achieved by its criterion of that kind, e.g. {@code ALL_FEEDING_TASKS_DONE}. */
	public UUID milestone(String name, LocalDate target, String criterionKind) {
		return milestone(name, target, criterionKind, null);
	}

	private UUID milestone(String name, LocalDate target, String criterionKind, Instant achievedAt) {
		UUID id = UUID.randomUUID();
		milestones.add(new ProjectPlan.Milestone(id, name, target, "owner", CriterionKind.valueOf(criterionKind), "confirmed", null,
				null, List.of(), achievedAt, achievedAt == null ? null : "owner"));
		return id;
	}

	public PlanFixture link(UUID from, UUID to) {
		return link(from, to, LinkType.FS, 0);
	}

	public PlanFixture link(UUID from, UUID to, LinkType type, int lag) {
		links.add(new ProjectPlan.Link(UUID.randomUUID(), from, kind(from), to, kind(to), type, lag));
		return this;
	}

	private ActivityKind kind(UUID id) {
		return tasks.stream().anyMatch(task -> task.id().equals(id)) ? ActivityKind.TASK : ActivityKind.MILESTONE;
	}

	public ProjectPlan plan() {
		return new ProjectPlan(UUID.randomUUID(), "TEST", "Test", "sponsor", "manager", START, START.plusMonths(6),
				"ACTIVE", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), holidays, List.of(), List.copyOf(tasks),
				List.copyOf(milestones), List.of(), List.copyOf(links));
	}

}
