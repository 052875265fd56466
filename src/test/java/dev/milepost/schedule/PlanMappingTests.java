package dev.milepost.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import dev.milepost.schedule.engine.Schedule;
import org.junit.jupiter.api.Test;

class PlanMappingTests {

	@Test
	void aMilestoneFallsOnTheDayItsLastFeedingTaskFinishesCountingWorkingDaysOnly() {
		PlanFixture plan = PlanFixture.project().holidays(LocalDate.of(2026, 3, 9));
		UUID design = plan.task("Design", 5);
		UUID build = plan.task("Build", 3);
		UUID ready = plan.milestone("Ready", LocalDate.of(2026, 3, 13));
		plan.link(design, build).link(build, ready);
		PlanMapping mapping = PlanMapping.of(plan.plan(), null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		// design Mon 2 – Fri 6 March; Monday 9 is a holiday, so build runs Tue 10 – Thu 12
		PlanMapping.Dates buildDates = mapping.dates(schedule, mapping.indexOf(build));
		assertThat(buildDates.earlyStart()).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(buildDates.earlyFinish()).isEqualTo(LocalDate.of(2026, 3, 12));
		int milestone = mapping.indexOf(ready);
		assertThat(mapping.dates(schedule, milestone).earlyFinish()).isEqualTo(LocalDate.of(2026, 3, 12));
		// target Friday 13: one working day of slack to the target, none in the network (it ends the plan)
		assertThat(mapping.slackToTarget(schedule, milestone)).isEqualTo(1);
		assertThat(schedule.totalFloat(milestone)).isZero();
		assertThat(mapping.drivingPath(schedule, milestone)).containsExactly(design, build, ready);
	}

	@Test
	void aMilestoneWithNoPredecessorIsOnTheProjectStartNotTheWorkingDayBefore() {
		PlanFixture plan = PlanFixture.project();
		UUID kickOff = plan.milestone("Kick-off", PlanFixture.START);
		UUID design = plan.task("Design", 5);
		plan.link(kickOff, design);
		PlanMapping mapping = PlanMapping.of(plan.plan(), null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		int milestone = mapping.indexOf(kickOff);
		assertThat(mapping.dates(schedule, milestone).earlyFinish()).isEqualTo(PlanFixture.START);
		assertThat(mapping.dates(schedule, milestone).lateFinish()).isEqualTo(PlanFixture.START);
		// on its target, with nothing to spare; the work it starts still starts that day
		assertThat(mapping.slackToTarget(schedule, milestone)).isZero();
		assertThat(mapping.dates(schedule, mapping.indexOf(design)).earlyStart()).isEqualTo(PlanFixture.START);
	}

	@Test
	void anOpenMilestoneIsNeverForecastBeforeTheStatusDate() {
		PlanFixture plan = PlanFixture.project();
		LocalDate status = LocalDate.of(2026, 3, 18);
		UUID unfed = plan.milestone("Steering decision", LocalDate.of(2026, 4, 30));
		UUID done = plan.task("Done", 2, 100, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
		UUID ready = plan.milestone("Ready", LocalDate.of(2026, 4, 30));
		plan.link(done, ready);
		PlanMapping mapping = PlanMapping.of(plan.plan(), status, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		// neither can be reached any more on a day already past: the earliest is the status date
		assertThat(mapping.dates(schedule, mapping.indexOf(unfed)).earlyFinish()).isEqualTo(status);
		assertThat(mapping.dates(schedule, mapping.indexOf(ready)).earlyFinish()).isEqualTo(status);
		// an achieved milestone keeps the day it was achieved
		PlanFixture achieved = PlanFixture.project();
		UUID kickOff = achieved.milestone("Kick-off", PlanFixture.START,
				LocalDate.of(2026, 3, 17).atTime(16, 0).toInstant(java.time.ZoneOffset.UTC));
		PlanMapping history = PlanMapping.of(achieved.plan(), status, ForecastMethod.PLANNED_RATE);
		assertThat(history.dates(history.schedule(), history.indexOf(kickOff)).earlyFinish())
			.isEqualTo(LocalDate.of(2026, 3, 17));
	}

	@Test
	void workUnderWayResumesAtTheStatusDateAtThePlannedOrTheObservedRate() {
		PlanFixture plan = PlanFixture.project();
		// started Mon 2 March, 10 days planned, 40 % done at the status date Mon 9 March (5 days worked)
		UUID migrate = plan.task("Migrate", 10, 40, null, LocalDate.of(2026, 3, 2), null);
		LocalDate status = LocalDate.of(2026, 3, 9);
		PlanMapping planned = PlanMapping.of(plan.plan(), status, ForecastMethod.PLANNED_RATE);
		// 60 % of 10 days = 6 days from Mon 9: finishes Mon 16
		assertThat(planned.dates(planned.schedule(), planned.indexOf(migrate)).earlyFinish())
			.isEqualTo(LocalDate.of(2026, 3, 16));
		PlanMapping observed = PlanMapping.of(plan.plan(), status, ForecastMethod.OBSERVED_RATE);
		// 40 % in 5 days → 12.5 days in all → 8 more from Mon 9: finishes Wed 18
		assertThat(observed.dates(observed.schedule(), observed.indexOf(migrate)).earlyFinish())
			.isEqualTo(LocalDate.of(2026, 3, 18));
	}

	@Test
	void finishedWorkKeepsItsDatesAndUnstartedWorkWaitsForTheStatusDate() {
		PlanFixture plan = PlanFixture.project();
		UUID done = plan.task("Done late", 2, 100, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
		UUID next = plan.task("Next", 2);
		UUID independent = plan.task("Independent", 1);
		plan.link(done, next);
		PlanMapping mapping = PlanMapping.of(plan.plan(), LocalDate.of(2026, 3, 11), ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		assertThat(mapping.dates(schedule, mapping.indexOf(done)).earlyFinish()).isEqualTo(LocalDate.of(2026, 3, 6));
		assertThat(mapping.dates(schedule, mapping.indexOf(next)).earlyStart()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(mapping.dates(schedule, mapping.indexOf(independent)).earlyStart())
			.isEqualTo(LocalDate.of(2026, 3, 11));
	}

	@Test
	void aPlannedStartHoldsATaskBack() {
		PlanFixture plan = PlanFixture.project();
		UUID later = plan.task("Later", 2, 0, LocalDate.of(2026, 3, 16), null, null);
		PlanMapping mapping = PlanMapping.of(plan.plan(), null, ForecastMethod.PLANNED_RATE);
		assertThat(mapping.dates(mapping.schedule(), mapping.indexOf(later)).earlyStart())
			.isEqualTo(LocalDate.of(2026, 3, 16));
	}

	@Test
	void aDependencyOnAnActivityOutsideThePlanIsRefusedAndNamed() {
		PlanFixture plan = PlanFixture.project();
		UUID design = plan.task("Design", 5);
		UUID elsewhere = UUID.randomUUID();
		plan.link(design, elsewhere);
		assertThatThrownBy(() -> PlanMapping.of(plan.plan(), null, ForecastMethod.PLANNED_RATE))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(elsewhere.toString())
			.hasMessageContaining("no task or milestone of TEST");
	}

}
