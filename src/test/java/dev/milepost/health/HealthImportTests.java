package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Milestones imported from a plan file are listed for review until their tag is removed. */
class HealthImportTests {

	@Test
	void anImportedMilestoneIsListedForReviewOfItsOwnerCriterionAndTarget() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Prototype completed", START.plusWeeks(23), m -> m.tagged("imported"));

		assertThat(plan.findings(ImportedMilestones.CODE)).singleElement().satisfies(imported -> {
			assertThat(imported.severity()).isEqualTo(Severity.INFO);
			assertThat(imported.message()).contains("'Prototype completed' (2027-06-14) was imported from a plan file");
			assertThat(imported.fix()).contains("remove the tag 'imported'");
		});
	}

	@Test
	void oneReviewedOrWithOtherTagsIsNotListed() {
		assertThat(PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Prototype completed", START.plusWeeks(23), m -> m.tagged("release"))
			.findings(ImportedMilestones.CODE)).isEmpty();
	}

}
