package dev.milepost.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import org.junit.jupiter.api.Test;

/** Which milestones work feeds and which can be achieved, for every milestone of a plan at once. */
class FeedabilityTests {

	@Test
	void workFeedsAMilestoneThroughAChainOfOtherMilestones() {
		PlanFixture fixture = PlanFixture.project();
		UUID build = fixture.task("Build", 5);
		UUID built = fixture.milestone("Built", LocalDate.of(2026, 4, 1), "ALL_FEEDING_TASKS_DONE");
		UUID accepted = fixture.milestone("Accepted", LocalDate.of(2026, 4, 8), "ALL_FEEDING_TASKS_DONE");
		UUID decided = fixture.milestone("Decided", LocalDate.of(2026, 4, 8), "ALL_FEEDING_TASKS_DONE");
		UUID gate = fixture.milestone("Gate", LocalDate.of(2026, 4, 15), "ALL_FEEDING_TASKS_DONE");
		UUID alone = fixture.milestone("Alone", LocalDate.of(2026, 4, 15));
		fixture.link(build, built).link(built, accepted).link(decided, gate);
		ProjectPlan plan = fixture.plan();

		Map<UUID, Feedability> all = Feedability.all(plan);

		assertThat(all).hasSize(5);
		assertThat(all.get(built)).isEqualTo(new Feedability(true, Feedability.Blocker.NONE));
		assertThat(all.get(accepted)).isEqualTo(new Feedability(true, Feedability.Blocker.NONE));
		// linked, but only from a milestone no task reaches: fed, yet its feeding tasks can never all be done
		assertThat(all.get(gate)).isEqualTo(new Feedability(true, Feedability.Blocker.NO_FEEDING_TASK));
		assertThat(all.get(decided)).isEqualTo(new Feedability(false, Feedability.Blocker.NO_FEEDING_TASK));
		assertThat(all.get(alone)).isEqualTo(new Feedability(false, Feedability.Blocker.NONE));
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			assertThat(Feedability.of(plan, milestone)).isEqualTo(all.get(milestone.id()));
		}
	}


	/** The same answers as a walk over ids and hash maps (the rule as first written), on random plans. */
	@Test
	void onRandomPlansTheAnswersAreThoseOfAWalkOverIds() {
		for (long seed = 1; seed <= 200; seed++) {
			java.util.Random random = new java.util.Random(seed);
			PlanFixture fixture = PlanFixture.project();
			java.util.List<UUID> activities = new java.util.ArrayList<>();
			int tasks = random.nextInt(12);
			for (int t = 0; t < tasks; t++) {
				activities.add(fixture.task("Task " + t, 1 + random.nextInt(5)));
			}
			for (int m = 0; m < 1 + random.nextInt(8); m++) {
				activities.add(fixture.milestone("Milestone " + m, LocalDate.of(2026, 3, 2).plusDays(random.nextInt(60)),
						random.nextBoolean() ? "ALL_FEEDING_TASKS_DONE" : "OWNER_CONFIRMATION"));
			}
			java.util.Collections.shuffle(activities, random);
			java.util.Set<String> made = new java.util.HashSet<>();
			for (int l = 0; l < random.nextInt(2 * activities.size() + 1); l++) {
				int a = random.nextInt(activities.size());
				int b = random.nextInt(activities.size());
				if (a < b && made.add(a + ">" + b)) {
					fixture.link(activities.get(a), activities.get(b));
				}
			}
			ProjectPlan plan = fixture.plan();
			assertThat(Feedability.all(plan)).as("seed %d", seed).isEqualTo(walkOverIds(plan));
		}
	}

	private static Map<UUID, Feedability> walkOverIds(ProjectPlan plan) {
		Map<UUID, java.util.List<UUID>> successors = new java.util.HashMap<>();
		java.util.Set<UUID> linked = new java.util.HashSet<>();
		for (ProjectPlan.Link link : plan.links()) {
			linked.add(link.successor());
			successors.computeIfAbsent(link.predecessor(), k -> new java.util.ArrayList<>()).add(link.successor());
		}
		java.util.Set<UUID> reached = new java.util.HashSet<>();
		java.util.ArrayDeque<UUID> queue = new java.util.ArrayDeque<>();
		plan.tasks().forEach(task -> queue.add(task.id()));
		while (!queue.isEmpty()) {
			for (UUID next : successors.getOrDefault(queue.poll(), java.util.List.of())) {
				if (reached.add(next)) {
					queue.add(next);
				}
			}
		}
		java.util.Set<UUID> withDeliverable = new java.util.HashSet<>();
		plan.deliverables().forEach(d -> withDeliverable.add(d.milestoneId()));
		Map<UUID, Feedability> all = new java.util.HashMap<>();
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			boolean isLinked = linked.contains(milestone.id());
			Feedability.Blocker blocker = Feedability.Blocker.NONE;
			if (milestone.criterionKind() == dev.milepost.plan.CriterionKind.ALL_FEEDING_TASKS_DONE
					&& (!isLinked || !reached.contains(milestone.id()))) {
				blocker = Feedability.Blocker.NO_FEEDING_TASK;
			}
			else if (milestone.criterionKind() == dev.milepost.plan.CriterionKind.DELIVERABLE_ACCEPTED
					&& !withDeliverable.contains(milestone.id())) {
				blocker = Feedability.Blocker.NO_DELIVERABLE;
			}
			boolean marksStart = milestone.targetDate() != null && !milestone.targetDate().isAfter(plan.start());
			all.put(milestone.id(), new Feedability(isLinked || marksStart, blocker));
		}
		return all;
	}

}
