package dev.milepost.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Feedability;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.PlanFixture;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.Reason;
import dev.milepost.schedule.StatusRules;
import org.junit.jupiter.api.Test;

/**
 * One status story: a milestone's status, the reason that decided it and the figures beside it
 * (forecast, slack, chance of meeting the target) come from one set of facts, decided as the
 * application decides them (500 seeded runs) on a day the evidence counts at once: the thresholds
 * without memory, as the shipped rules decide once the evidence has lasted (the memory itself:
 * {@link StatusMemoryTests}).
 */
class MilestoneStatusStoriesTests {

	static final StatusRules RULES = new StatusRules(14, 3, 0.5);

	static final int RUNS = 500;

	@Test
	void aMilestoneThatCanNeverBeAchievedIsAtRiskAndNotForecastInThePast() {
		PlanFixture plan = PlanFixture.project();
		plan.task("Design", 5, 100, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
		plan.milestone("Build complete", LocalDate.of(2026, 4, 30), "ALL_FEEDING_TASKS_DONE");
		LocalDate status = LocalDate.of(2026, 3, 18);
		ProjectPlan project = plan.plan();

		MilestoneEvaluation build = evaluate(project, status, RUNS).get(0);

		assertThat(build.status()).isEqualTo(MilestoneStatus.AT_RISK);
		Feedability rule = Feedability.of(project, project.milestones().get(0));
		assertThat(build.decidedBy().code()).isEqualTo("CANNOT_BE_ACHIEVED");
		// word for word what plan health says, because both ask the same rule
		assertThat(build.decidedBy().message()).startsWith(rule.problem(project.milestones().get(0)).orElseThrow())
			.contains("can never be achieved", "Link the tasks that must be done into 'Build complete'");
		assertThat(build.forecast()).isEqualTo(status);
		assertThat(build.risk()).as("a chance of meeting the target says nothing here").isNull();
	}

	@Test
	void aMilestoneNothingFeedsFollowsItsTargetAloneAndSaysItGivesNoEarlyWarning() {
		PlanFixture plan = PlanFixture.project();
		plan.milestone("Steering committee decision", LocalDate.of(2026, 4, 30));
		LocalDate status = LocalDate.of(2026, 3, 18);

		MilestoneEvaluation decision = evaluate(plan.plan(), status, RUNS).get(0);

		assertThat(decision.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(decision.decidedBy().code()).isEqualTo("NOT_FED");
		assertThat(decision.decidedBy().message()).contains("Nothing feeds 'Steering committee decision'",
				"no early warning", "Its target 2026-04-30 is 43 days away.");
		assertThat(decision.forecast()).isEqualTo(status);
		assertThat(decision.risk()).isNull();
	}

	@Test
	void lateWorkWithSlackAndAHighChanceToSpareIsNotedButDoesNotPutTheMilestoneAtRisk() {
		PlanFixture plan = PlanFixture.project();
		// planned Mon 2 – Fri 6 March; 20 % done on Mon 9: 4 days left, forecast to finish Thu 12 March
		UUID migrate = plan.task("Migrate ledgers", 5, 20, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null);
		UUID live = plan.milestone("Ledgers live", LocalDate.of(2026, 3, 26));
		plan.link(migrate, live);

		MilestoneEvaluation ledgers = evaluate(plan.plan(), LocalDate.of(2026, 3, 9), RUNS).get(0);

		assertThat(ledgers.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(ledgers.slackDays()).isEqualTo(10);
		assertThat(ledgers.risk().chanceOfMeetingTarget()).isEqualTo(1.0);
		assertThat(ledgers.decidedBy().message()).isEqualTo("Forecast for 2026-03-12, 10 working days before the target "
				+ "2026-03-26, and 100 % of 500 simulated runs meet it.");
		assertThat(ledgers.reasons()).extracting(Reason::code).containsExactly("ON_TRACK", "LATE_TASK");
	}

	@Test
	void aLowChanceIsAtRiskThoughTheForecastLeavesDaysToSpareAndTheReasonSaysWhyTheyDiffer() {
		PlanFixture plan = PlanFixture.project();
		UUID ready = plan.milestone("Ready for UAT", LocalDate.of(2026, 3, 19));
		for (int i = 1; i <= 8; i++) {
			// planned at 10 days, but often far longer: eight of them must all be done
			plan.link(plan.task("Interface " + i, 10, 9, 10, 30), ready);
		}

		MilestoneEvaluation uat = evaluate(plan.plan(), PlanFixture.START, RUNS).get(0);

		assertThat(uat.slackDays()).isEqualTo(4);
		assertThat(uat.risk().chanceOfMeetingTarget()).isLessThan(0.5);
		assertThat(uat.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(uat.decidedBy().code()).isEqualTo("LOW_CHANCE");
		assertThat(uat.decidedBy().message()).startsWith("Only " + Math.round(uat.risk().chanceOfMeetingTarget() * 100)
				+ " % of 500 simulated runs reach it by its target 2026-03-19, although the forecast 2026-03-13 leaves "
				+ "4 working days to spare");
	}

	@Test
	void withoutTheChanceLittleSlackIsAtRiskAsBefore() {
		PlanFixture plan = PlanFixture.project();
		UUID build = plan.task("Build", 10);
		UUID ready = plan.milestone("Ready", LocalDate.of(2026, 3, 16));
		plan.link(build, ready);

		MilestoneEvaluation evaluation = evaluate(plan.plan(), PlanFixture.START, 0).get(0);

		assertThat(evaluation.slackDays()).isEqualTo(1);
		assertThat(evaluation.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(evaluation.decidedBy().code()).isEqualTo("LOW_SLACK");
		assertThat(evaluation.risk()).isNull();
	}

	@Test
	void aLongDrivingPathIsNamedByItsFirstStepsAndTheRestCounted() {
		PlanFixture plan = PlanFixture.project();
		UUID previous = null;
		for (int i = 1; i <= 12; i++) {
			UUID step = plan.task("Step " + i, 2);
			if (previous != null) {
				plan.link(previous, step);
			}
			previous = step;
		}
		UUID done = plan.milestone("Chain done", LocalDate.of(2026, 4, 3));
		plan.link(previous, done);

		MilestoneEvaluation chain = evaluate(plan.plan(), PlanFixture.START, 0).get(0);

		// 24 working days of work end on 2 April, one day before the target: little slack names the work
		assertThat(chain.drivingPath()).hasSize(13);
		assertThat(chain.decidedBy().code()).isEqualTo("LOW_SLACK");
		String said = String.join(" ", chain.reasons().stream().map(Reason::message).toList());
		assertThat(said).contains("'Step 1' → 'Step 2' → 'Step 3' → 'Step 4' → 'Step 5' and 7 more steps")
			.doesNotContain("'Step 6'");
	}

	private static List<MilestoneEvaluation> evaluate(ProjectPlan plan, LocalDate status, int runs) {
		PlanMapping mapping = PlanMapping.of(plan, status, ForecastMethod.PLANNED_RATE);
		return Schedules.evaluate(new Schedules.Computed(mapping, mapping.schedule(), status,
				ForecastMethod.PLANNED_RATE), RULES, runs, ScheduleSettings.DEFAULTS.statusSharedSpread(), null, Map.of(),
				Map.of());
	}

}
