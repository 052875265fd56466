package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Goals are outcomes with a measure; milestones are moments on the way to them. */
class HealthGoalsTests {

	static PlanFixture planWithMilestone(String name) {
		return PlanFixture.twelveMonthProject().milestonesEvery(5).milestone(name, START.plusWeeks(23));
	}

	@Test
	void reduceInvoiceProcessingTimeBySixtyPercentIsAGoal() {
		PlanFixture plan = planWithMilestone("Reduce invoice processing time by 60 %");

		assertThat(plan.findings(GoalsPosingAsMilestones.CODE)).singleElement().satisfies(goal -> {
			assertThat(goal.severity()).isEqualTo(Severity.WARNING);
			assertThat(goal.message()).contains("'Reduce invoice processing time by 60 %' reads like an outcome",
					"starts with 'reduce'");
			assertThat(goal.fix()).contains("project goal with a measure", "'Finance system go-live'");
		});
	}

	@Test
	void increaseAndImproveOpenOutcomes() {
		PlanFixture plan = planWithMilestone("Increase first-call resolution")
			.milestone("Improve month-end close", START.plusWeeks(24));

		assertThat(plan.findings(GoalsPosingAsMilestones.CODE)).extracting(Finding::severity)
			.containsExactly(Severity.WARNING, Severity.WARNING);
	}

	@Test
	void aChangeByAPercentageIsAnOutcome() {
		assertThat(planWithMilestone("Invoice processing time down by 60 percent").findings(GoalsPosingAsMilestones.CODE))
			.singleElement()
			.satisfies(goal -> assertThat(goal.message()).contains("names a change 'by 60 percent'"));
	}

	@Test
	void aMilestoneThatRepeatsTheProjectsGoalIsThatGoal() {
		PlanFixture plan = planWithMilestone("Paperless accounts payable").goal("Paperless accounts payable",
				"share of supplier invoices received electronically");

		assertThat(plan.findings(GoalsPosingAsMilestones.CODE)).singleElement().satisfies(goal -> {
			assertThat(goal.message()).contains("repeats the project's goal");
			assertThat(goal.about()).extracting(Finding.Subject::kind).containsExactly("milestone", "goal");
		});
	}

	@Test
	void aPercentageThresholdIsOnlyNoted() {
		assertThat(planWithMilestone("95 % of staff enrolled").findings(GoalsPosingAsMilestones.CODE))
			.singleElement()
			.satisfies(goal -> assertThat(goal.severity()).isEqualTo(Severity.INFO));
	}

	@Test
	void financeSystemGoLiveIsAMilestone() {
		PlanFixture plan = planWithMilestone("Finance system go-live")
			.milestone("Cut-over rehearsal passed", START.plusWeeks(24))
			.milestone("Lower environments ready", START.plusWeeks(26))
			.milestone("Security audit approved by the CISO", START.plusWeeks(27));

		assertThat(plan.findings(GoalsPosingAsMilestones.CODE)).isEmpty();
	}

}
