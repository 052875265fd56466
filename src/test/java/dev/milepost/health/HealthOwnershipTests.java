package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every milestone has a named owner and work that feeds it. */
class HealthOwnershipTests {

	@Test
	void aMilestoneWhoseOwnerLeftHasNobodyAnsweringForIt() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Security audit approved by the CISO", START.plusWeeks(23), m -> m.ownerLeft());

		assertThat(plan.findings(NamedOwners.CODE)).singleElement().satisfies(orphan -> {
			assertThat(orphan.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(orphan.message()).contains("'Security audit approved by the CISO' (2027-06-14) has no owner");
			assertThat(orphan.fix()).contains("Name a project member as the owner");
		});
	}

	@Test
	void milestonesWithTheirOwnersAreAnsweredFor() {
		assertThat(PlanFixture.twelveMonthProject().milestonesEvery(5).findings(NamedOwners.CODE)).isEmpty();
	}

	@Test
	void aMilestoneNoWorkFeedsGivesNoEarlyWarning() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Steering committee go decision", START.plusWeeks(23), m -> m.nothingFeedsIt());

		assertThat(plan.findings(FedMilestones.CODE)).singleElement().satisfies(unfed -> {
			assertThat(unfed.severity()).isEqualTo(Severity.WARNING);
			assertThat(unfed.message()).contains("Nothing feeds 'Steering committee go decision' (2027-06-14)",
					"no early warning");
		});
	}

	@Test
	void allFeedingTasksDoneWithNoTaskFeedingItCanNeverBeAchieved() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Build complete", START.plusWeeks(23),
					m -> m.whenFeedingTasksDone("Every build task is finished and unit-tested").fedOnlyBy("Phase 4 acceptance"));

		assertThat(plan.findings(FedMilestones.CODE)).singleElement().satisfies(unfed -> {
			assertThat(unfed.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(unfed.message()).contains("no task feeds it", "can never be achieved");
		});
	}

	@Test
	void aMilestoneFedByAnEarlierMilestoneIsFed() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Go decision", START.plusWeeks(21), m -> m.fedOnlyBy("Phase 4 acceptance"));

		assertThat(plan.findings(FedMilestones.CODE)).isEmpty();
	}

	@Test
	void aMilestoneOnTheStartDateMarksTheStartAndNeedsNoFeedingWork() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Project charter approved", START, m -> m.nothingFeedsIt());

		assertThat(plan.findings(FedMilestones.CODE)).isEmpty();
	}

	@Test
	void anAchievedMilestoneIsHistory() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Kick-off held", START.plusWeeks(1), m -> m.nothingFeedsIt().ownerLeft().achieved());

		assertThat(plan.findings(FedMilestones.CODE)).isEmpty();
		assertThat(plan.findings(NamedOwners.CODE)).isEmpty();
	}

}
