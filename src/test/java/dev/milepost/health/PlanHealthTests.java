package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** All checks together: a well-planned project is quiet, and findings come worst first. */
class PlanHealthTests {

	final PlanHealth health = new PlanHealth();

	@Test
	void aWellPlannedYearHasNothingToReport() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.goal("Reduce invoice processing time by 60 %", "median working days from receipt to posting");

		assertThat(health.check(plan.plan(), START)).isEmpty();
	}

	@Test
	void findingsComeWorstFirstThenByCode() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestone("Reduce invoice processing time by 60 %", START.plusWeeks(5))
			.milestone("Phase one done", START.plusWeeks(20), m -> m.confirmedByOwner("Phase one complete").ownerLeft())
			.milestone("Phase two done", START.plusWeeks(20).plusDays(2), m -> m.nothingFeedsIt())
			.milestone("Go-live approved", START.plusWeeks(51));

		List<Finding> findings = health.check(plan.plan(), START);

		assertThat(findings).extracting(Finding::code)
			.containsExactly("MILESTONE_GAP_TOO_LONG", "MILESTONE_GAP_TOO_LONG", "MILESTONE_WITHOUT_OWNER",
					"FUZZY_CRITERION", "GOAL_AS_MILESTONE", "MILESTONE_NOT_FED", "TOO_FEW_MILESTONES",
					"MILESTONES_TOO_CLOSE");
		assertThat(findings).extracting(Finding::severity).isSorted();
		assertThat(findings).filteredOn(f -> f.code().equals("MILESTONE_GAP_TOO_LONG"))
			.extracting(f -> f.about().get(0).name())
			.as("within a code, in timeline order")
			.containsExactly("Reduce invoice processing time by 60 %", "Phase two done");
	}

	@Test
	void everyCheckHasItsOwnPlaceInTheList() {
		assertThat(PlanHealth.allChecks()).extracting(check -> check.getClass()).doesNotHaveDuplicates().hasSize(10);
	}

}
