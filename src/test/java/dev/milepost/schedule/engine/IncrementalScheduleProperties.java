package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IncrementalScheduleProperties {

	@Provide
	Arbitrary<RandomPlans.Plan> plans() {
		return RandomPlans.plans();
	}

	@Property(tries = 300)
	void everyEditGivesExactlyWhatAFullPassGives(@ForAll("plans") RandomPlans.Plan plan, @ForAll long seed) {
		Network network = plan.network();
		Random random = new Random(seed);
		Scenario full = Scenario.of(network);
		if (random.nextBoolean()) {
			full.deadline(random.nextInt(network.size()), random.nextInt(40));
		}
		IncrementalSchedule incremental = new IncrementalSchedule(network, full);
		for (int edit = 0; edit < 12; edit++) {
			int activity = random.nextInt(network.size());
			if (random.nextInt(4) == 0) {
				int day = random.nextInt(3) == 0 ? Integer.MIN_VALUE : random.nextInt(30);
				incremental.changeStartNoEarlierThan(activity, day);
				full.startNoEarlierThan(activity, day);
			}
			else if (!network.isMilestone(activity)) {
				int days = 1 + random.nextInt(20);
				incremental.changeDuration(activity, days);
				full.duration(activity, days);
			}
			assertSame(incremental.schedule(), Scheduler.schedule(network, full), network.size());
		}
	}

	@Property(tries = 200)
	void editsOfAPlanWithWorkDoneAndUnderWayGiveWhatAFullPassGives(@ForAll("plans") RandomPlans.Plan plan,
			@ForAll long seed) {
		Network network = plan.network();
		Random random = new Random(seed);
		Scenario full = Scenario.of(network);
		full.statusDate(random.nextInt(10));
		for (int i = 0; i < network.size(); i++) {
			int start = random.nextInt(8);
			switch (random.nextInt(5)) {
				case 0 -> full.done(i, start, start + random.nextInt(4));
				case 1 -> full.inProgress(i, start, random.nextInt(6));
				default -> {
				}
			}
		}
		if (random.nextBoolean()) {
			full.deadline(random.nextInt(network.size()), random.nextInt(40));
		}
		IncrementalSchedule incremental = new IncrementalSchedule(network, full);
		assertSame(incremental.schedule(), Scheduler.schedule(network, full), network.size());
		for (int edit = 0; edit < 12; edit++) {
			int activity = random.nextInt(network.size());
			if (random.nextInt(4) == 0) {
				int day = random.nextInt(3) == 0 ? Integer.MIN_VALUE : random.nextInt(30);
				incremental.changeStartNoEarlierThan(activity, day);
				full.startNoEarlierThan(activity, day);
			}
			else if (!network.isMilestone(activity)) {
				int days = 1 + random.nextInt(20);
				incremental.changeDuration(activity, days);
				full.duration(activity, days);
			}
			assertSame(incremental.schedule(), Scheduler.schedule(network, full), network.size());
		}
	}

	private static void assertSame(Schedule incremental, Schedule full, int size) {
		assertThat(incremental.finish()).isEqualTo(full.finish());
		for (int i = 0; i < size; i++) {
			assertThat(incremental.earlyStart(i)).as("early start of %d", i).isEqualTo(full.earlyStart(i));
			assertThat(incremental.earlyFinish(i)).as("early finish of %d", i).isEqualTo(full.earlyFinish(i));
			assertThat(incremental.lateStart(i)).as("late start of %d", i).isEqualTo(full.lateStart(i));
			assertThat(incremental.lateFinish(i)).as("late finish of %d", i).isEqualTo(full.lateFinish(i));
			assertThat(incremental.freeFloat(i)).as("free float of %d", i).isEqualTo(full.freeFloat(i));
		}
	}

}
