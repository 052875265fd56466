package dev.milepost.health;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;

/**
 * Builds the plans the health stories are told about. Every milestone starts healthy (an owner,
 * approval by a named person, a task feeding it); a story changes only what it is about.
 */
final class PlanFixture {

	static final LocalDate START = LocalDate.of(2027, 1, 4);

	private final LocalDate start;

	private final LocalDate finish;

	private final List<ProjectPlan.Goal> goals = new ArrayList<>();

	private final List<ProjectPlan.Task> tasks = new ArrayList<>();

	private final List<ProjectPlan.Milestone> milestones = new ArrayList<>();

	private final List<ProjectPlan.Deliverable> deliverables = new ArrayList<>();

	private final List<ProjectPlan.Link> links = new ArrayList<>();

	private final Set<String> deactivated = new java.util.HashSet<>();

	private PlanFixture(LocalDate start, LocalDate finish) {
		this.start = start;
		this.finish = finish;
	}

	static PlanFixture project(LocalDate start, LocalDate finish) {
		return new PlanFixture(start, finish);
	}

	/** Twelve months, 4 January to 31 December 2027 (51 weeks and 4 days). */
	static PlanFixture twelveMonthProject() {
		return project(START, LocalDate.of(2027, 12, 31));
	}

	/** Eight weeks: too short for the brief's spacing advice. */
	static PlanFixture twoMonthProject() {
		return project(START, START.plusWeeks(8));
	}

	/** Milestones every {@code weeks} weeks from the start, the last one on the target finish. */
	PlanFixture milestonesEvery(int weeks) {
		int n = 0;
		for (LocalDate date = start.plusWeeks(weeks); date.isBefore(finish); date = date.plusWeeks(weeks)) {
			milestone("Phase " + ++n + " acceptance", date);
		}
		return milestone("Go-live approved", finish);
	}

	PlanFixture milestone(String name, LocalDate target) {
		return milestone(name, target, m -> m);
	}

	PlanFixture milestone(String name, LocalDate target, UnaryOperator<MilestoneSpec> details) {
		MilestoneSpec spec = details.apply(new MilestoneSpec(name, target));
		UUID id = UUID.randomUUID();
		milestones.add(new ProjectPlan.Milestone(id, name, target, spec.owner, spec.kind, spec.text, spec.approver,
				spec.role, spec.tags, spec.achieved ? target.atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : null,
				spec.achieved ? spec.owner : null));
		if (spec.fedByTask) {
			UUID task = UUID.randomUUID();
			tasks.add(new ProjectPlan.Task(task, "Work towards " + name, 10, 0, target.minusWeeks(2), null, null, null,
					null, null, List.of("ana")));
			links.add(new ProjectPlan.Link(UUID.randomUUID(), task, ActivityKind.TASK, id, ActivityKind.MILESTONE,
					LinkType.FS, 0));
		}
		if (spec.fedByMilestone != null) {
			UUID from = milestones.stream().filter(m -> m.name().equals(spec.fedByMilestone)).findFirst().orElseThrow().id();
			links.add(new ProjectPlan.Link(UUID.randomUUID(), from, ActivityKind.MILESTONE, id, ActivityKind.MILESTONE,
					LinkType.FS, 0));
		}
		for (String deliverable : spec.deliverables) {
			deliverables.add(new ProjectPlan.Deliverable(UUID.randomUUID(), deliverable, spec.acceptor, id, false));
		}
		return this;
	}

	/** The people whose accounts are deactivated, while the plan still names them. */
	PlanFixture deactivated(String... usernames) {
		deactivated.addAll(List.of(usernames));
		return this;
	}

	PlanFixture goal(String outcome, String measure) {
		goals.add(new ProjectPlan.Goal(UUID.randomUUID(), outcome, measure));
		return this;
	}

	/** What the plan's health says of one code, read on the project's first day (so nothing is history yet). */
	List<Finding> findings(String code) {
		return findingsOn(start, code);
	}

	List<Finding> findingsOn(LocalDate today, String code) {
		return new PlanHealth().check(plan(), today).stream().filter(f -> f.code().equals(code)).toList();
	}

	ProjectPlan plan() {
		Set<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		return new ProjectPlan(UUID.randomUUID(), "FIN", "Finance system migration", "sam", "maria", start, finish,
				"ACTIVE", week, Set.of(), List.copyOf(goals), List.copyOf(tasks), List.copyOf(milestones),
				List.copyOf(deliverables), List.copyOf(links), deactivated);
	}

	/** A milestone as a story wants it; healthy unless told otherwise. */
	static final class MilestoneSpec {

		final String name;

		final LocalDate target;

		String owner = "maria";

		CriterionKind kind = CriterionKind.APPROVAL_BY_PERSON;

		String text = "Approved by the business sponsor";

		String approver = "sam";

		String role;

		boolean fedByTask = true;

		String fedByMilestone;

		List<String> deliverables = List.of();

		String acceptor = "sam";

		boolean achieved;

		List<String> tags = List.of();

		MilestoneSpec(String name, LocalDate target) {
			this.name = name;
			this.target = target;
		}

		MilestoneSpec tagged(String... tags) {
			this.tags = List.of(tags);
			return this;
		}

		MilestoneSpec ownerLeft() {
			owner = null;
			return this;
		}

		MilestoneSpec ownedBy(String owner) {
			this.owner = owner;
			return this;
		}

		MilestoneSpec approvedBy(String approver) {
			this.approver = approver;
			return this;
		}

		MilestoneSpec acceptedBy(String acceptor, String... deliverables) {
			whenAccepted("Accepted by " + acceptor, deliverables);
			this.acceptor = acceptor;
			return this;
		}

		MilestoneSpec confirmedByOwner(String text) {
			return criterion(CriterionKind.OWNER_CONFIRMATION, text);
		}

		MilestoneSpec whenFeedingTasksDone(String text) {
			return criterion(CriterionKind.ALL_FEEDING_TASKS_DONE, text);
		}

		MilestoneSpec whenAccepted(String text, String... deliverables) {
			this.deliverables = List.of(deliverables);
			return criterion(CriterionKind.DELIVERABLE_ACCEPTED, text);
		}

		MilestoneSpec approvedByRole(String role, String text) {
			criterion(CriterionKind.APPROVAL_BY_ROLE, text);
			this.role = role;
			return this;
		}

		MilestoneSpec nothingFeedsIt() {
			fedByTask = false;
			return this;
		}

		MilestoneSpec fedOnlyBy(String milestone) {
			fedByTask = false;
			fedByMilestone = milestone;
			return this;
		}

		MilestoneSpec achieved() {
			achieved = true;
			return this;
		}

		private MilestoneSpec criterion(CriterionKind kind, String text) {
			this.kind = kind;
			this.text = text;
			this.approver = null;
			this.role = null;
			return this;
		}

	}

}
