package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Too many or too few milestones for the project's length, none at all, and milestones outside the project. */
class HealthCountTests {

	@Test
	void aYearLongProjectWithNoMilestoneIsAProblem() {
		PlanFixture plan = PlanFixture.twelveMonthProject();

		assertThat(plan.findings(MilestoneCount.NONE)).singleElement().satisfies(none -> {
			assertThat(none.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(none.message()).contains("'Finance system migration' has no milestone", "51 weeks and 4 days");
			assertThat(none.fix()).contains("about 9 to 13 for this project");
			assertThat(none.about()).extracting(Finding.Subject::kind).containsExactly("project");
		});
		assertThat(plan.findings(MilestoneGaps.CODE)).as("reported once, as no milestone").isEmpty();
	}

	@Test
	void aTwoMonthProjectWithNoMilestoneIsAWarning() {
		assertThat(PlanFixture.twoMonthProject().findings(MilestoneCount.NONE)).singleElement()
			.satisfies(none -> assertThat(none.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void aYearLongProjectWithFourMilestonesHasTooFew() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestone("Design approved", START.plusWeeks(13))
			.milestone("Build complete", START.plusWeeks(26))
			.milestone("UAT approved", START.plusWeeks(39))
			.milestone("Go-live approved", LocalDate.of(2027, 12, 31));

		assertThat(plan.findings(MilestoneCount.TOO_FEW)).singleElement().satisfies(few -> {
			assertThat(few.severity()).isEqualTo(Severity.WARNING);
			assertThat(few.message()).contains("4 milestones on this 12-month project", "one every 13 weeks",
					"fewer than one every 8 weeks");
			assertThat(few.fix()).contains("about 9 to 13");
		});
	}

	@Test
	void aYearLongProjectWithThirtyMilestonesHasTooMany() {
		PlanFixture plan = PlanFixture.twelveMonthProject();
		for (int n = 1; n <= 30; n++) {
			plan.milestone("Checkpoint " + n, START.plusDays(12L * n));
		}

		assertThat(plan.findings(MilestoneCount.TOO_MANY)).singleElement().satisfies(many -> {
			assertThat(many.severity()).isEqualTo(Severity.WARNING);
			assertThat(many.message()).contains("30 milestones on this 12-month project", "2.5 a month", "noise");
		});
	}

	@Test
	void milestonesEveryFiveWeeksAreTheRightNumber() {
		PlanFixture plan = PlanFixture.twelveMonthProject().milestonesEvery(5);

		assertThat(plan.findings(MilestoneCount.NONE)).isEmpty();
		assertThat(plan.findings(MilestoneCount.TOO_FEW)).isEmpty();
		assertThat(plan.findings(MilestoneCount.TOO_MANY)).isEmpty();
	}

	@Test
	void aShortProjectIsNotCountedAgainstTheLongProjectRhythm() {
		PlanFixture plan = PlanFixture.twoMonthProject().milestone("Rolled out", START.plusWeeks(8));

		assertThat(plan.findings(MilestoneCount.TOO_FEW)).isEmpty();
	}

	@Test
	void aMilestoneAfterTheTargetFinishContradictsTheProjectsDates() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Benefits review", LocalDate.of(2028, 2, 11));

		assertThat(plan.findings(MilestonesWithinProject.AFTER_FINISH)).singleElement().satisfies(late -> {
			assertThat(late.severity()).isEqualTo(Severity.WARNING);
			assertThat(late.message()).contains("'Benefits review' is targeted on 2028-02-11, 6 weeks after the "
					+ "project's target finish (2027-12-31)");
		});
	}

	@Test
	void aMilestoneBeforeTheStartIsOutsideTheProject() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Business case approved", START.minusWeeks(2));

		assertThat(plan.findings(MilestonesWithinProject.BEFORE_START)).singleElement()
			.satisfies(early -> assertThat(early.message()).contains("before the project starts (2027-01-04)"));
	}

	@Test
	void milestonesWithinTheProjectAreInside() {
		PlanFixture plan = PlanFixture.twelveMonthProject().milestonesEvery(5);

		assertThat(plan.findings(MilestonesWithinProject.AFTER_FINISH)).isEmpty();
		assertThat(plan.findings(MilestonesWithinProject.BEFORE_START)).isEmpty();
	}

}
