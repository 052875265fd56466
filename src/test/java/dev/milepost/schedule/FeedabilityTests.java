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

}
