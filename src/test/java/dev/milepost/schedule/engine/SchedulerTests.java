package dev.milepost.schedule.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Small networks checked by hand: every link kind, lags and leads, constraints, deadlines, progress. */
class SchedulerTests {

	@Test
	void aFinishToStartChainRunsEndToEndAndIsAllCritical() {
		Network.Builder plan = Network.builder();
		int design = plan.task(3);
		int build = plan.task(2);
		int done = plan.milestone();
		plan.link(design, build, LinkKind.FS, 0).link(build, done, LinkKind.FS, 0);
		Schedule schedule = Scheduler.schedule(plan.build(), Scenario.of(plan.build()));
		assertThat(dates(schedule, build)).containsExactly(3, 5, 3, 5);
		assertThat(schedule.earlyStart(done)).isEqualTo(5);
		assertThat(schedule.finish()).isEqualTo(5);
		assertThat(schedule.criticalActivities()).containsExactly(design, build, done);
		assertThat(schedule.drivingPath(done)).containsExactly(design, build, done);
	}

	@Test
	void aShorterParallelBranchHasTotalAndFreeFloat() {
		Network.Builder plan = Network.builder();
		int longer = plan.task(5);
		int shorter = plan.task(2);
		int gate = plan.milestone();
		plan.link(longer, gate, LinkKind.FS, 0).link(shorter, gate, LinkKind.FS, 0);
		Schedule schedule = schedule(plan);
		assertThat(schedule.totalFloat(shorter)).isEqualTo(3);
		assertThat(schedule.freeFloat(shorter)).isEqualTo(3);
		assertThat(schedule.lateStart(shorter)).isEqualTo(3);
		assertThat(schedule.isCritical(shorter)).isFalse();
		assertThat(schedule.drivingPath(gate)).containsExactly(longer, gate);
	}

	@Test
	void startToStartWithALagStartsTheSuccessorAfterTheLag() {
		Network.Builder plan = Network.builder();
		int pour = plan.task(5);
		int finishWalls = plan.task(4);
		plan.link(pour, finishWalls, LinkKind.SS, 2);
		Schedule schedule = schedule(plan);
		assertThat(dates(schedule, finishWalls)).containsExactly(2, 6, 2, 6);
		assertThat(dates(schedule, pour)).containsExactly(0, 5, 0, 5);
		assertThat(schedule.totalFloat(pour)).isZero();
	}

	@Test
	void finishToFinishWithALagPushesTheSuccessorsFinish() {
		Network.Builder plan = Network.builder();
		int code = plan.task(5);
		int document = plan.task(2);
		plan.link(code, document, LinkKind.FF, 1);
		Schedule schedule = schedule(plan);
		assertThat(schedule.earlyStart(document)).isEqualTo(4);
		assertThat(schedule.earlyFinish(document)).isEqualTo(6);
		assertThat(schedule.totalFloat(code)).isZero();
	}

	@Test
	void startToFinishLetsTheSuccessorFinishOnceThePredecessorStarts() {
		Network.Builder plan = Network.builder();
		int newShift = plan.task(3);
		int oldShift = plan.task(2);
		plan.link(newShift, oldShift, LinkKind.SF, 4);
		Schedule schedule = schedule(plan);
		assertThat(schedule.earlyFinish(oldShift)).isEqualTo(4);
		assertThat(schedule.earlyStart(oldShift)).isEqualTo(2);
	}

	@Test
	void aLeadOverlapsTheSuccessorWithItsPredecessor() {
		Network.Builder plan = Network.builder();
		int test = plan.task(5);
		int train = plan.task(3);
		plan.link(test, train, LinkKind.FS, -2);
		Schedule schedule = schedule(plan);
		assertThat(schedule.earlyStart(train)).isEqualTo(3);
		assertThat(schedule.finish()).isEqualTo(6);
	}

	@Test
	void nothingStartsBeforeTheProjectStartEvenWithALead() {
		Network.Builder plan = Network.builder();
		int a = plan.task(1);
		int b = plan.task(2);
		plan.link(a, b, LinkKind.SS, -5);
		assertThat(schedule(plan).earlyStart(b)).isZero();
	}

	@Test
	void aStartNoEarlierThanConstraintHoldsWorkBackAndGivesItsPredecessorsFloat() {
		Network.Builder plan = Network.builder();
		int prepare = plan.task(2);
		int migrate = plan.task(3);
		plan.link(prepare, migrate, LinkKind.FS, 0);
		Network network = plan.build();
		Schedule schedule = Scheduler.schedule(network, Scenario.of(network).startNoEarlierThan(migrate, 10));
		assertThat(schedule.earlyStart(migrate)).isEqualTo(10);
		assertThat(schedule.freeFloat(prepare)).isEqualTo(8);
		assertThat(schedule.drivingPath(migrate)).containsExactly(migrate);
	}

	@Test
	void aMissedDeadlineShowsAsNegativeFloatAlongTheChainThatDrivesIt() {
		Network.Builder plan = Network.builder();
		int a = plan.task(3);
		int b = plan.task(2);
		int side = plan.task(1);
		int goLive = plan.milestone();
		plan.link(a, b, LinkKind.FS, 0).link(b, goLive, LinkKind.FS, 0).link(side, goLive, LinkKind.FS, 0);
		Network network = plan.build();
		Schedule schedule = Scheduler.schedule(network, Scenario.of(network).deadline(goLive, 4));
		assertThat(schedule.totalFloat(goLive)).isEqualTo(-1);
		assertThat(schedule.totalFloat(a)).isEqualTo(-1);
		assertThat(schedule.totalFloat(b)).isEqualTo(-1);
		assertThat(schedule.totalFloat(side)).isEqualTo(3);
		assertThat(schedule.isCritical(a)).isTrue();
	}

	@Test
	void progressFixesFinishedWorkResumesWorkUnderWayAtTheStatusDateAndHoldsTheRest() {
		Network.Builder plan = Network.builder();
		int done = plan.task(3);
		int underWay = plan.task(5);
		int later = plan.task(2);
		int notStarted = plan.task(1);
		plan.link(done, underWay, LinkKind.FS, 0).link(underWay, later, LinkKind.FS, 0);
		Network network = plan.build();
		Scenario scenario = Scenario.of(network).statusDate(6).done(done, 0, 4).inProgress(underWay, 4, 4);
		Schedule schedule = Scheduler.schedule(network, scenario);
		assertThat(schedule.earlyFinish(done)).isEqualTo(4);
		assertThat(schedule.isDone(done)).isTrue();
		assertThat(schedule.isCritical(done)).isFalse();
		assertThat(schedule.earlyStart(underWay)).isEqualTo(4);
		assertThat(schedule.earlyFinish(underWay)).isEqualTo(10);
		assertThat(schedule.earlyStart(later)).isEqualTo(10);
		assertThat(schedule.earlyStart(notStarted)).isEqualTo(6);
		assertThat(schedule.drivingPath(later)).containsExactly(underWay, later);
	}

	@Test
	void aCycleIsRefusedAndNamed() {
		Network.Builder plan = Network.builder();
		int a = plan.task(1);
		int b = plan.task(1);
		int c = plan.task(1);
		int d = plan.task(1);
		plan.link(d, a, LinkKind.FS, 0).link(a, b, LinkKind.FS, 0).link(b, c, LinkKind.SS, 0).link(c, a, LinkKind.FF, 0);
		assertThatThrownBy(plan::build).isInstanceOfSatisfying(CycleFoundException.class,
				e -> assertThat(e.cycle()).containsExactly(a, b, c, a));
	}

	@Test
	void linksGivenAsArraysAreCheckedLikeLinksGivenOneByOne() {
		Network.Builder plan = Network.builder();
		int a = plan.task(1);
		int b = plan.task(1);
		assertThatThrownBy(() -> plan.links(new int[] { a }, new int[] { b }, new byte[] { 4 }, new int[] { 0 }))
			.hasMessageContaining("Unknown link kind 4");
		assertThatThrownBy(() -> plan.links(new int[] { a }, new int[] { 7 }, new byte[] { 0 }, new int[] { 0 }))
			.hasMessageContaining("Unknown activity in link 0 → 7");
		assertThatThrownBy(() -> plan.links(new int[] { a, b }, new int[] { b }, new byte[] { 0 }, new int[] { 0 }))
			.hasMessageContaining("differ in length");
		assertThatThrownBy(() -> plan.link(a, b, LinkKind.FS, Network.MAX_LAG + 1))
			.hasMessageContaining("A lag cannot exceed");
		plan.links(new int[] { a, b }, new int[] { b, a }, new byte[] { 0, 1 }, new int[] { 0, -Network.MAX_LAG });
		assertThatThrownBy(plan::build).isInstanceOfSatisfying(CycleFoundException.class,
				e -> assertThat(e.cycle()).containsExactly(a, b, a));
	}

	@Test
	void durationsCanBeOverriddenPerScenario() {
		Network.Builder plan = Network.builder();
		int a = plan.task(3);
		int b = plan.task(2);
		plan.link(a, b, LinkKind.FS, 0);
		Network network = plan.build();
		assertThat(Scheduler.schedule(network, Scenario.of(network).duration(a, 10)).finish()).isEqualTo(12);
		assertThat(Scheduler.schedule(network, Scenario.of(network)).finish()).isEqualTo(5);
	}

	private static Schedule schedule(Network.Builder plan) {
		Network network = plan.build();
		return Scheduler.schedule(network, Scenario.of(network));
	}

	private static List<Integer> dates(Schedule schedule, int activity) {
		return List.of(schedule.earlyStart(activity), schedule.earlyFinish(activity), schedule.lateStart(activity),
				schedule.lateFinish(activity));
	}

}
