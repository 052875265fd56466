package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Completion criteria must be binary and checkable: an acceptor, evidence, or a deliverable to accept. */
class HealthCriteriaTests {

	static PlanFixture planWith(java.util.function.UnaryOperator<PlanFixture.MilestoneSpec> milestone) {
		return PlanFixture.twelveMonthProject().milestonesEvery(5).milestone("Phase one done", START.plusWeeks(12),
				milestone);
	}

	@Test
	void phaseOneCompleteWithNoAcceptorIsFuzzy() {
		PlanFixture plan = planWith(m -> m.confirmedByOwner("Phase one complete"));

		assertThat(plan.findings(CheckableCriteria.FUZZY)).singleElement().satisfies(fuzzy -> {
			assertThat(fuzzy.severity()).isEqualTo(Severity.WARNING);
			assertThat(fuzzy.message()).contains("'Phase one done' is achieved when its owner confirms "
					+ "'Phase one complete'", "names no acceptor and no evidence");
			assertThat(fuzzy.fix()).contains("signed by the IT director and the business sponsor");
			assertThat(fuzzy.about()).extracting(Finding.Subject::name).containsExactly("Phase one done");
		});
	}

	@Test
	void aCriterionWrittenAsASentenceIsQuotedWithoutItsFullStop() {
		PlanFixture plan = planWith(m -> m.confirmedByOwner("Phase one complete."));

		assertThat(plan.findings(CheckableCriteria.FUZZY)).singleElement()
			.satisfies(fuzzy -> assertThat(fuzzy.message()).contains("confirms 'Phase one complete': that names")
				.doesNotContain(".'"));
	}

	@Test
	void anAcceptanceSignedByNamedPeopleIsCheckable() {
		PlanFixture plan = planWith(
				m -> m.confirmedByOwner("Phase one acceptance signed by IT director and business sponsor"));

		assertThat(plan.findings(CheckableCriteria.FUZZY)).isEmpty();
	}

	@Test
	void doneWhenTheFeedingTasksAreDoneIsOnlyNoted() {
		PlanFixture plan = planWith(m -> m.whenFeedingTasksDone("Done"));

		assertThat(plan.findings(CheckableCriteria.FUZZY)).singleElement()
			.satisfies(fuzzy -> assertThat(fuzzy.severity()).isEqualTo(Severity.INFO));
	}

	@Test
	void aCriterionThatNamesItsDeliverableIsCheckable() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Runbook accepted", START.plusWeeks(11), m -> m.whenAccepted("Accepted by IT operations", "Runbook"))
			.milestone("Operations ready", START.plusWeeks(12), m -> m.confirmedByOwner("Runbook complete"));

		assertThat(plan.findings(CheckableCriteria.FUZZY)).isEmpty();
	}

	@Test
	void anApprovalByARoleIsNotJudgedOnItsWording() {
		PlanFixture plan = planWith(m -> m.approvedByRole("APPROVER", "Done"));

		assertThat(plan.findings(CheckableCriteria.FUZZY)).isEmpty();
	}

	@Test
	void anAchievedMilestoneIsNotJudgedAgain() {
		PlanFixture plan = planWith(m -> m.confirmedByOwner("Done").achieved());

		assertThat(plan.findings(CheckableCriteria.FUZZY)).isEmpty();
	}

	@Test
	void aDeliverableAcceptanceWithNoDeliverableCanNeverBeAchieved() {
		PlanFixture plan = planWith(m -> m.whenAccepted("The UAT report is accepted by the business sponsor"));

		assertThat(plan.findings(CheckableCriteria.NO_DELIVERABLE)).singleElement().satisfies(missing -> {
			assertThat(missing.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(missing.message()).contains("no deliverable is linked to it", "can never be achieved");
		});
	}

	@Test
	void aDeliverableAcceptanceWithItsDeliverableLinkedIsCheckable() {
		PlanFixture plan = planWith(
				m -> m.whenAccepted("The UAT report is accepted by the business sponsor", "UAT report"));

		assertThat(plan.findings(CheckableCriteria.NO_DELIVERABLE)).isEmpty();
		assertThat(plan.findings(CheckableCriteria.FUZZY)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Phase one complete", "Done", "Build finished", "Design approved", "OK", "Go-live",
			"Stage 2 complete", "Everything is ready for go-live" })
	void bareCompletionStatementsAreFuzzy(String text) {
		assertThat(CriterionText.isFuzzy(text, List.of())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Phase one acceptance signed by IT director and business sponsor",
			"Approved by the CISO", "Owner confirms the environment is live", "Reconciliation report attached",
			"At least 95 % of staff enrolled", "All SIT scenarios passed",
			"Every configuration, interface, report and workflow build task feeding this milestone is finished" })
	void textsNamingAnAcceptorOrEvidenceAreCheckable(String text) {
		assertThat(CriterionText.isFuzzy(text, List.of())).isFalse();
	}

}
