package dev.milepost.health;

import static dev.milepost.health.PlanFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Milestone spacing: about every four to six weeks on projects over three months, no quarter without one, no weekly ones. */
class HealthSpacingTests {

	static final String GAP = MilestoneGaps.CODE;

	static final String CLOSE = MilestoneCheckpoints.CODE;

	/** A twelve-month plan with milestones every five weeks except where a story wants a gap. */
	static PlanFixture twelveMonthsWithAGapBetweenWeeks(int fromWeek, int toWeek) {
		PlanFixture plan = PlanFixture.twelveMonthProject();
		for (int week = 5; week <= 50; week += 5) {
			if (week <= fromWeek || week >= toWeek) {
				plan.milestone("Milestone in week " + week, START.plusWeeks(week));
			}
		}
		if (fromWeek % 5 != 0) {
			plan.milestone("Milestone in week " + fromWeek, START.plusWeeks(fromWeek));
		}
		if (toWeek % 5 != 0) {
			plan.milestone("Milestone in week " + toWeek, START.plusWeeks(toWeek));
		}
		return plan.milestone("Hypercare closed", LocalDate.of(2027, 12, 31));
	}

	@Test
	void aTwelveMonthProjectWithAQuarterLongGapIsAProblem() {
		List<Finding> gaps = twelveMonthsWithAGapBetweenWeeks(10, 24).findings(GAP);

		assertThat(gaps).singleElement().satisfies(gap -> {
			assertThat(gap.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(gap.message()).contains("No milestone for 14 weeks", "'Milestone in week 10' (2027-03-15)",
					"'Milestone in week 24' (2027-06-21)", "a quarter or more", "12-month project",
					"no accountability marker");
			assertThat(gap.fix()).contains("Add 2 milestones, around 2027-04-16 and 2027-05-19", "4 to 6 weeks");
			assertThat(gap.about()).extracting(Finding.Subject::name)
				.containsExactly("Milestone in week 10", "Milestone in week 24");
		});
	}

	@Test
	void nineWeeksWithoutAMilestoneOnALongProjectIsAWarning() {
		assertThat(twelveMonthsWithAGapBetweenWeeks(10, 19).findings(GAP)).singleElement().satisfies(gap -> {
			assertThat(gap.severity()).isEqualTo(Severity.WARNING);
			assertThat(gap.message()).contains("No milestone for 9 weeks").doesNotContain("quarter");
			assertThat(gap.fix()).startsWith("Add a milestone around 2027-04-15");
		});
	}

	@Test
	void eightWeeksApartIsStillWithinTheRhythm() {
		assertThat(twelveMonthsWithAGapBetweenWeeks(10, 18).findings(GAP)).isEmpty();
	}

	@Test
	void theStretchFromTheStartToTheFirstMilestoneCountsAsAGap() {
		PlanFixture plan = PlanFixture.twelveMonthProject();
		for (int week = 15; week <= 50; week += 5) {
			plan.milestone("Milestone in week " + week, START.plusWeeks(week));
		}
		plan.milestone("Hypercare closed", LocalDate.of(2027, 12, 31));

		assertThat(plan.findings(GAP)).singleElement().satisfies(gap -> {
			assertThat(gap.severity()).isEqualTo(Severity.PROBLEM);
			assertThat(gap.message()).contains("between the project start (2027-01-04) and 'Milestone in week 15'");
			assertThat(gap.about()).extracting(Finding.Subject::kind).containsExactly("project", "milestone");
		});
	}

	@Test
	void theStretchFromTheLastMilestoneToTheTargetFinishCountsAsAGap() {
		PlanFixture plan = PlanFixture.twelveMonthProject();
		for (int week = 5; week <= 40; week += 5) {
			plan.milestone("Milestone in week " + week, START.plusWeeks(week));
		}

		assertThat(plan.findings(GAP)).singleElement().satisfies(gap -> {
			assertThat(gap.severity()).isEqualTo(Severity.WARNING);
			assertThat(gap.message()).contains("No milestone for 11 weeks and 4 days",
					"'Milestone in week 40' (2027-10-11) and the target finish (2027-12-31)");
		});
	}

	@Test
	void aGapAlreadyBehindIsHistoryNotSomethingToFix() {
		PlanFixture plan = twelveMonthsWithAGapBetweenWeeks(10, 24);

		assertThat(plan.findingsOn(START.plusWeeks(25), GAP)).isEmpty();
		assertThat(plan.findingsOn(START.plusWeeks(20), GAP)).as("still under way").hasSize(1);
	}

	@Test
	void milestonesEveryFiveWeeksLeaveNoGapAndAreNoCheckpoints() {
		PlanFixture plan = PlanFixture.twelveMonthProject().milestonesEvery(5);

		assertThat(plan.findings(GAP)).isEmpty();
		assertThat(plan.findings(CLOSE)).isEmpty();
	}

	@Test
	void aThreeMonthProjectIsNotHeldToTheRhythmOfLongProjects() {
		PlanFixture plan = PlanFixture.project(START, START.plusMonths(3)).milestone("Go-live", START.plusMonths(3));

		assertThat(plan.findings(GAP)).isEmpty();
	}

	@Test
	void weeklyMilestonesAreTaskCheckpoints() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Sprint 1 review", START.plusWeeks(21))
			.milestone("Sprint 2 review", START.plusWeeks(22));

		assertThat(plan.findings(CLOSE)).singleElement().satisfies(close -> {
			assertThat(close.severity()).isEqualTo(Severity.WARNING);
			assertThat(close.message()).contains("3 milestones from 'Phase 4 acceptance' (2027-05-24) to "
					+ "'Sprint 2 review' (2027-06-07)", "task checkpoints");
			assertThat(close.about()).extracting(Finding.Subject::name)
				.containsExactly("Phase 4 acceptance", "Sprint 1 review", "Sprint 2 review");
		});
	}

	@Test
	void twoMilestonesInTheSameWeekAreOnlyNoted() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Interfaces tested", START.plusWeeks(20).plusDays(3));

		assertThat(plan.findings(CLOSE)).singleElement().satisfies(close -> {
			assertThat(close.severity()).isEqualTo(Severity.INFO);
			assertThat(close.message()).contains("'Phase 4 acceptance' (2027-05-24) and 'Interfaces tested' "
					+ "(2027-05-27) are 3 days apart");
		});
	}

	@Test
	void closeMilestonesAlreadyBehindAreHistory() {
		PlanFixture plan = PlanFixture.twelveMonthProject()
			.milestonesEvery(5)
			.milestone("Sprint 1 review", START.plusWeeks(21))
			.milestone("Sprint 2 review", START.plusWeeks(22));

		assertThat(plan.findingsOn(START.plusWeeks(23), CLOSE)).isEmpty();
	}

	@Test
	void onAShortProjectWeeklyMilestonesAreNotJudged() {
		PlanFixture plan = PlanFixture.twoMonthProject();
		for (int week = 1; week <= 8; week++) {
			plan.milestone("Week " + week + " demo", START.plusWeeks(week));
		}

		assertThat(plan.findings(CLOSE)).isEmpty();
	}

}
