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

	@Property(tries = 300)
	void withoutProgressThePassesAgreeWithThePassesThatHandleProgress(@ForAll("plans") RandomPlans.Plan plan) {
		Network network = plan.network();
		Scenario plain = Scenario.of(network);
		for (int i = 0; i < network.size(); i += 7) {
			plain.deadline(i, 5 + i * 13 % 40);
		}
		for (int i = 3; i < network.size(); i += 11) {
			plain.startNoEarlierThan(i, i % 9);
		}
		// the same scenario, but with progress arrays in which no activity has started
		Scenario tracked = plain.copy();
		tracked.actualStart = new int[network.size()];
		java.util.Arrays.fill(tracked.actualStart, Scenario.NONE);
		Schedule fast = Scheduler.schedule(network, plain);
		Schedule general = Scheduler.schedule(network, tracked);
		assertThat(fast.finish()).isEqualTo(general.finish());
		for (int i = 0; i < network.size(); i++) {
			assertThat(new int[] { fast.earlyStart(i), fast.earlyFinish(i), fast.lateStart(i), fast.lateFinish(i),
					fast.freeFloat(i) })
				.as("activity %d", i)
				.containsExactly(general.earlyStart(i), general.earlyFinish(i), general.lateStart(i),
						general.lateFinish(i), general.freeFloat(i));
		}
	}

	@Property(tries = 100)
	void linksGivenAsArraysMakeTheSameNetworkAsLinksGivenOneByOne(@ForAll("plans") RandomPlans.Plan plan) {
		Network.Builder builder = Network.builder();
		for (int duration : plan.durations()) {
			builder.task(duration);
		}
		int links = plan.links().size();
		int[] from = new int[links];
		int[] to = new int[links];
		byte[] kind = new byte[links];
		int[] lag = new int[links];
		for (int l = 0; l < links; l++) {
			RandomPlans.Link link = plan.links().get(l);
			from[l] = link.from();
			to[l] = link.to();
			kind[l] = (byte) link.kind().ordinal();
			lag[l] = link.lag();
		}
		Network bulk = builder.links(from, to, kind, lag).build();
		Network oneByOne = plan.network();
		Schedule expected = Scheduler.schedule(oneByOne, Scenario.of(oneByOne));
		Schedule actual = Scheduler.schedule(bulk, Scenario.of(bulk));
		assertThat(bulk.linkCount()).isEqualTo(oneByOne.linkCount());
		for (int i = 0; i < bulk.size(); i++) {
			assertThat(actual.lateStart(i)).isEqualTo(expected.lateStart(i));
			assertThat(actual.earlyFinish(i)).isEqualTo(expected.earlyFinish(i));
			assertThat(actual.drivingPredecessor(i)).isEqualTo(expected.drivingPredecessor(i));
		}
	}

}
