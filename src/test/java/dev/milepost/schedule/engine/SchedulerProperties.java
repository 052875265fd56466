package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SchedulerProperties {

	@Provide
	Arbitrary<RandomPlans.Plan> plans() {
		return RandomPlans.plans();
	}

	@Property(tries = 300)
	void earlyNeverAfterLateAndNoNegativeFloatWithoutDeadlines(@ForAll("plans") RandomPlans.Plan plan) {
		Network network = plan.network();
		Schedule schedule = Scheduler.schedule(network, Scenario.of(network));
		for (int i = 0; i < network.size(); i++) {
			assertThat(schedule.earlyStart(i)).isLessThanOrEqualTo(schedule.lateStart(i));
			assertThat(schedule.earlyFinish(i)).isLessThanOrEqualTo(schedule.lateFinish(i));
			assertThat(schedule.totalFloat(i)).isGreaterThanOrEqualTo(0);
			assertThat(schedule.freeFloat(i)).isBetween(0, schedule.totalFloat(i));
			assertThat(schedule.earlyStart(i)).isGreaterThanOrEqualTo(0);
			assertThat(schedule.lateFinish(i)).isLessThanOrEqualTo(schedule.finish());
		}
	}

	@Property(tries = 300)
	void bothEarlyAndLateDatesKeepEveryLink(@ForAll("plans") RandomPlans.Plan plan) {
		Network network = plan.network();
		Schedule s = Scheduler.schedule(network, Scenario.of(network));
		for (RandomPlans.Link link : plan.links()) {
			int p = link.from();
			int q = link.to();
			int lag = link.lag();
			switch (link.kind()) {
				case FS -> {
					assertThat(s.earlyStart(q)).isGreaterThanOrEqualTo(Math.max(0, s.earlyFinish(p) + lag));
					assertThat(s.lateStart(q)).isGreaterThanOrEqualTo(s.lateFinish(p) + lag);
				}
				case SS -> {
					assertThat(s.earlyStart(q)).isGreaterThanOrEqualTo(Math.max(0, s.earlyStart(p) + lag));
					assertThat(s.lateStart(q)).isGreaterThanOrEqualTo(s.lateStart(p) + lag);
				}
				case FF -> {
					assertThat(s.earlyFinish(q)).isGreaterThanOrEqualTo(s.earlyFinish(p) + lag);
					assertThat(s.lateFinish(q)).isGreaterThanOrEqualTo(s.lateFinish(p) + lag);
				}
				case SF -> {
					assertThat(s.earlyFinish(q)).isGreaterThanOrEqualTo(s.earlyStart(p) + lag);
					assertThat(s.lateFinish(q)).isGreaterThanOrEqualTo(s.lateStart(p) + lag);
				}
			}
		}
	}

	@Property(tries = 300)
	void theLastActivityToFinishIsCriticalAndItsDrivingPathIsToo(@ForAll("plans") RandomPlans.Plan plan) {
		Network network = plan.network();
		Schedule s = Scheduler.schedule(network, Scenario.of(network));
		int last = 0;
		for (int i = 0; i < network.size(); i++) {
			if (s.earlyFinish(i) > s.earlyFinish(last)) {
				last = i;
			}
		}
		if (s.finish() > 0) {
			assertThat(s.isCritical(last)).isTrue();
			for (int step : s.drivingPath(last)) {
				assertThat(s.totalFloat(step)).as("activity %d on the driving path", step).isZero();
			}
		}
	}

}
