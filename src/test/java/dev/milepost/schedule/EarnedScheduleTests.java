package dev.milepost.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EarnedScheduleTests {

	// two tasks of 10 days in sequence: days 0-10 and 10-20
	static List<EarnedSchedule.Work> twoTasks(double first, double second) {
		return List.of(new EarnedSchedule.Work(0, 10, 10, first), new EarnedSchedule.Work(10, 20, 10, second));
	}

	@Test
	void onPlanMeansSpiOfOne() {
		EarnedSchedule es = EarnedSchedule.of(twoTasks(1.0, 0.5), 15);
		assertThat(es.earnedScheduleDays()).isCloseTo(15, within(1e-9));
		assertThat(es.spiT()).isCloseTo(1.0, within(1e-9));
		assertThat(es.svTDays()).isCloseTo(0, within(1e-9));
	}

	@Test
	void behindPlanTheEarnedScheduleLagsTheActualTime() {
		// at day 15, only the first task is done: the plan had earned that by day 10
		EarnedSchedule es = EarnedSchedule.of(twoTasks(1.0, 0.0), 15);
		assertThat(es.earnedScheduleDays()).isCloseTo(10, within(1e-9));
		assertThat(es.spiT()).isCloseTo(10.0 / 15, within(1e-9));
		assertThat(es.svTDays()).isCloseTo(-5, within(1e-9));
		assertThat(es.plannedValue()).isCloseTo(15, within(1e-9));
		assertThat(es.earnedValue()).isCloseTo(10, within(1e-9));
	}

	@Test
	void aheadOfPlanTheEarnedScheduleRunsAhead() {
		EarnedSchedule es = EarnedSchedule.of(twoTasks(1.0, 0.4), 10);
		assertThat(es.earnedScheduleDays()).isCloseTo(14, within(1e-9));
		assertThat(es.spiT()).isCloseTo(1.4, within(1e-9));
	}

	@Test
	void atTheStartThereIsNoIndexYet() {
		assertThat(EarnedSchedule.of(twoTasks(0, 0), 0).spiT()).isNull();
	}

}
