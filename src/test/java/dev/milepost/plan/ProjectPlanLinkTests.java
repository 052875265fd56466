package dev.milepost.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How a plan numbers its activities and carries its links' ends as those numbers. */
class ProjectPlanLinkTests {

	private final List<ProjectPlan.Task> tasks = List.of(task("Design"), task("Build"), task("Test"));

	private final List<ProjectPlan.Milestone> milestones = List.of(milestone("Ready"), milestone("Live"));

	@Test
	void numbersTasksFirstThenMilestonesAndGivesTheLinksEndsAsThoseNumbers() {
		ProjectPlan plan = plan(List.of(link(id(2), id(4), LinkType.FF, 2), link(id(0), id(3), LinkType.FS, -1)));
		assertThat(plan.activityCount()).isEqualTo(5);
		assertThat(plan.links()).extracting(ProjectPlan.Link::predecessorIndex).containsExactly(2, 0);
		assertThat(plan.links()).extracting(ProjectPlan.Link::successorIndex).containsExactly(4, 3);
		LinkTable table = plan.linkTable();
		assertThat(table.predecessors()).containsExactly(2, 0);
		assertThat(table.successors()).containsExactly(4, 3);
		assertThat(table.types()).containsExactly((byte) LinkType.FF.ordinal(), (byte) LinkType.FS.ordinal());
		assertThat(table.lags()).containsExactly(2, -1);
		assertThat(table.unresolved()).isEqualTo(-1);
	}

	@Test
	void linksReadByIdsAndNumberedAsTheyComeMakeTheSamePlan() {
		List<ProjectPlan.Link> stored = List.of(link(id(0), id(1), LinkType.FS, 0), link(id(1), id(2), LinkType.SS, 1),
				link(id(2), id(3), LinkType.FS, 0));
		LinkTable.Builder read = LinkTable.builder(tasks, milestones);
		for (ProjectPlan.Link link : stored) {
			read.add(link.id(), link.predecessor(), link.predecessorKind(), link.successor(), link.successorKind(),
					link.type(), link.lagDays());
		}
		ProjectPlan fromRows = plan(read.build());
		assertThat(fromRows.links()).isEqualTo(plan(stored).links());
		assertThat(fromRows.linkTable().successors()).containsExactly(1, 2, 3);
	}

	@Test
	void refusesALinkWhoseNumberIsNotTheActivityItsIdNames() {
		ProjectPlan.Link wrong = new ProjectPlan.Link(UUID.randomUUID(), id(0), ActivityKind.TASK, id(1),
				ActivityKind.TASK, LinkType.FS, 0, 0, 2);
		assertThatThrownBy(() -> plan(List.of(wrong))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(wrong.id().toString())
			.hasMessageContaining("index 2");
		ProjectPlan.Link beyond = new ProjectPlan.Link(UUID.randomUUID(), id(0), ActivityKind.TASK, id(1),
				ActivityKind.TASK, LinkType.FS, 0, 0, 5);
		assertThatThrownBy(() -> plan(List.of(beyond))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLinkToAnIdOutsideThePlanIsKeptUnnumberedAndMarked() {
		UUID elsewhere = UUID.randomUUID();
		ProjectPlan plan = plan(List.of(link(id(0), id(1), LinkType.FS, 0), link(id(1), elsewhere, LinkType.FS, 0)));
		assertThat(plan.links().get(1).successorIndex()).isEqualTo(-1);
		assertThat(plan.links().get(1).predecessorIndex()).isEqualTo(1);
		assertThat(plan.linkTable().unresolved()).isEqualTo(1);
	}

	@Test
	void aCopyOverTheSameActivitiesKeepsTheTableAndACopyOverOthersChecksAgain() {
		ProjectPlan plan = plan(List.of(link(id(0), id(1), LinkType.FS, 0)));
		List<ProjectPlan.Task> progressed = tasks.stream()
			.map(t -> new ProjectPlan.Task(t.id(), t.name(), t.durationDays(), 50, null, LocalDate.of(2026, 3, 2),
					null, null, null, null, List.of()))
			.toList();
		ProjectPlan copy = new ProjectPlan(plan.projectId(), plan.key(), plan.name(), null, null, plan.start(), null,
				plan.status(), plan.workingDays(), plan.holidays(), List.of(), progressed, milestones, List.of(),
				plan.links());
		assertThat(copy.linkTable()).isSameAs(plan.linkTable());
		List<ProjectPlan.Task> reordered = new ArrayList<>(tasks);
		java.util.Collections.swap(reordered, 0, 1);
		assertThatThrownBy(() -> new ProjectPlan(plan.projectId(), plan.key(), plan.name(), null, null, plan.start(),
				null, plan.status(), plan.workingDays(), plan.holidays(), List.of(), reordered, milestones, List.of(),
				plan.links()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void holdsTheTasksDurationsAndWhichTasksHaveAPlannedOrAnActualStart() {
		List<ProjectPlan.Task> mixed = List.of(task("Design"),
				new ProjectPlan.Task(UUID.randomUUID(), "Build", 8, 0, LocalDate.of(2026, 4, 1), null, null, null, null,
						null, List.of()),
				new ProjectPlan.Task(UUID.randomUUID(), "Test", 3, 20, null, LocalDate.of(2026, 3, 2), null, null, null,
						null, List.of()));
		ProjectPlan plan = new ProjectPlan(UUID.randomUUID(), "TEST", "Test", null, null, LocalDate.of(2026, 3, 2),
				null, "ACTIVE", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), List.of(), mixed,
				milestones, List.of(), List.of());
		assertThat(plan.tasks()).isEqualTo(mixed);
		assertThat(plan.taskTable().durations()).containsExactly(5, 8, 3);
		assertThat(plan.taskTable().held()).containsExactly(1, 2);
	}

	private UUID id(int activity) {
		return activity < tasks.size() ? tasks.get(activity).id() : milestones.get(activity - tasks.size()).id();
	}

	private ProjectPlan.Link link(UUID from, UUID to, LinkType type, int lag) {
		return new ProjectPlan.Link(UUID.randomUUID(), from, kind(from), to, kind(to), type, lag);
	}

	private ActivityKind kind(UUID id) {
		return milestones.stream().anyMatch(m -> m.id().equals(id)) ? ActivityKind.MILESTONE : ActivityKind.TASK;
	}

	private ProjectPlan plan(List<ProjectPlan.Link> links) {
		return new ProjectPlan(UUID.randomUUID(), "TEST", "Test", "sponsor", "manager", LocalDate.of(2026, 3, 2), null,
				"ACTIVE", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), List.of(), tasks, milestones,
				List.of(), links);
	}

	private static ProjectPlan.Task task(String name) {
		return new ProjectPlan.Task(UUID.randomUUID(), name, 5, 0, null, null, null, null, null, null, List.of());
	}

	private static ProjectPlan.Milestone milestone(String name) {
		return new ProjectPlan.Milestone(UUID.randomUUID(), name, LocalDate.of(2026, 6, 1), "owner",
				CriterionKind.OWNER_CONFIRMATION, "confirmed", null, null, List.of(), null, null);
	}

}
