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
	void allFeedingTasksDoneWithNoTaskUpstreamCanNeverBeAchieved() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Steering committee go", START.plusWeeks(22), m -> m.nothingFeedsIt())
			.milestone("Build complete", START.plusWeeks(23),
					m -> m.whenFeedingTasksDone("Every build task is finished and unit-tested")
						.fedOnlyBy("Steering committee go"));

		assertThat(plan.findings(FedMilestones.CODE)).filteredOn(f -> f.severity() == Severity.PROBLEM)
			.singleElement()
			.satisfies(unfed -> assertThat(unfed.message()).contains("'Build complete'", "no task feeds it",
					"can never be achieved"));
	}

	@Test
	void theFeedingTasksOfAnEarlierMilestoneFeedTheOneAfterIt() {
		// the feeding tasks are the whole network upstream: Phase 4's work leads into Build complete
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Build complete", START.plusWeeks(23),
					m -> m.whenFeedingTasksDone("Every build task is finished and unit-tested").fedOnlyBy("Phase 4 acceptance"));

		assertThat(plan.findings(FedMilestones.CODE)).isEmpty();
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

	@Test
	void aMilestoneOwnedBySomeoneDeactivatedHasNobodyAnsweringForIt() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Data centre exit", START.plusWeeks(23), m -> m.ownedBy("olga"))
			.deactivated("olga");

		assertThat(plan.findings(DeactivatedPeople.OWNER)).singleElement().satisfies(finding -> {
			assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(finding.message()).contains("'Data centre exit' (2027-06-14) is owned by olga",
					"account is deactivated");
			assertThat(finding.fix()).contains("Name an active project member as the owner of 'Data centre exit'",
					"remove them from the project");
			assertThat(finding.about()).extracting(Finding.Subject::name).containsExactly("Data centre exit");
		});
	}

	@Test
	void anApprovalOrAnAcceptanceOnlySomeoneDeactivatedCouldGiveCanNeverBeAchieved() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Security audit approved", START.plusWeeks(23), m -> m.approvedBy("olga"))
			.milestone("Runbook accepted", START.plusWeeks(24), m -> m.acceptedBy("olga", "Runbook"))
			.deactivated("olga");

		assertThat(plan.findings(DeactivatedPeople.APPROVER)).singleElement().satisfies(finding -> {
			assertThat(finding.message()).contains("'Security audit approved' is achieved by the approval of olga",
					"can never be achieved");
			assertThat(finding.fix()).contains("name an active approver");
		});
		assertThat(plan.findings(DeactivatedPeople.ACCEPTOR)).singleElement().satisfies(finding -> {
			assertThat(finding.message()).contains("'Runbook'", "accepted by olga", "'Runbook accepted' can never be achieved");
			assertThat(finding.fix()).contains("acceptor of 'Runbook'");
		});
	}

	@Test
	void activePeopleAndAchievedMilestonesAreNotFlagged() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Kick-off held", START.plusWeeks(1), m -> m.ownedBy("olga").approvedBy("olga").achieved())
			.milestone("Data centre exit", START.plusWeeks(23), m -> m.ownedBy("ivan"))
			.deactivated("olga");

		assertThat(plan.findings(DeactivatedPeople.OWNER)).isEmpty();
		assertThat(plan.findings(DeactivatedPeople.APPROVER)).isEmpty();
	}

}
