package dev.milepost.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Feedability;
import dev.milepost.schedule.MilestoneFacts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusPolicy;
import dev.milepost.schedule.PlanFixture;
import dev.milepost.schedule.Reason;
import dev.milepost.schedule.StatusMemory;
import dev.milepost.schedule.StatusRules;
import org.junit.jupiter.api.Test;

/**
 * The status's memory ({@link StatusMemory}) under the shipped rules ({@link ScheduleSettings#DEFAULTS}):
 * the evidence of risk must last before a milestone is put at risk, and a milestone at risk stays
 * so until its chance is back above the higher line. Decided day after day on chosen facts, each
 * day's memory carried to the next, as the recompute and the replay carry it.
 */
class StatusMemoryTests {

	static final StatusRules SHIPPED = ScheduleSettings.DEFAULTS.rules();

	final MilestoneStatusPolicy policy = new MilestoneStatusPolicy(SHIPPED);

	final ProjectPlan plan;

	final ProjectPlan.Milestone milestone;

	StatusMemoryTests() {
		PlanFixture fixture = PlanFixture.project();
		UUID build = fixture.task("Build", 20, 15, 20, 40);
		UUID ready = fixture.milestone("Ready", LocalDate.of(2026, 6, 26));
		fixture.link(build, ready);
		plan = fixture.plan();
		milestone = plan.milestones().get(0);
	}

	/** The facts of a day: forecast with {@code slack} working days to spare, and the chance. */
	MilestoneFacts day(LocalDate date, int slack, Double chance) {
		return new MilestoneFacts(milestone, date, milestone.targetDate().minusDays(slack), slack, chance,
				chance == null ? 0 : 500, Feedability.of(plan, milestone), List.of(), List.of("Build"), List.of());
	}

	@Test
	void theShippedRulesWaitAWeekAndClearAtAHigherChance() {
		assertThat(SHIPPED.atRiskChance()).isLessThan(SHIPPED.clearChance());
		assertThat(SHIPPED.atRiskAfterDays()).isPositive();
	}

	@Test
	void aLowChanceIsWatchedFirstAndPutsTheMilestoneAtRiskOnceItHasLasted() {
		LocalDate first = LocalDate.of(2026, 3, 2);
		StatusMemory memory = StatusMemory.NONE;
		LocalDate atRiskOn = first.plusDays(SHIPPED.atRiskAfterDays());
		for (LocalDate date = first; date.isBefore(atRiskOn); date = date.plusDays(1)) {
			MilestoneStatusPolicy.Decision decision = policy.decide(day(date, 10, 0.3), memory);
			assertThat(decision.status()).as(date.toString()).isEqualTo(MilestoneStatus.ON_TRACK);
			assertThat(decision.reasons()).extracting(Reason::code).containsExactly("ON_TRACK", "WATCHED");
			assertThat(decision.reasons().get(1).message()).startsWith("Only 30 % of 500 simulated runs reach it")
				.endsWith("Seen since 2026-03-02; at risk if it lasts until " + atRiskOn + ".");
			memory = decision.memory();
			assertThat(memory).isEqualTo(new StatusMemory(date, first, null));
		}

		MilestoneStatusPolicy.Decision atRisk = policy.decide(day(atRiskOn, 10, 0.3), memory);

		assertThat(atRisk.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(atRisk.decidedBy().code()).isEqualTo("LOW_CHANCE");
		assertThat(atRisk.memory()).isEqualTo(new StatusMemory(atRiskOn, first, atRiskOn));
	}

	@Test
	void oneGoodDayStartsTheWatchAgain() {
		LocalDate first = LocalDate.of(2026, 3, 2);
		StatusMemory memory = policy.decide(day(first, 10, 0.3), StatusMemory.NONE).memory();
		memory = policy.decide(day(first.plusDays(3), 10, 0.3), memory).memory();
		assertThat(memory.lowSince()).isEqualTo(first);

		MilestoneStatusPolicy.Decision good = policy.decide(day(first.plusDays(4), 10, 0.55), memory);
		assertThat(good.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(good.reasons()).extracting(Reason::code).containsExactly("ON_TRACK");
		assertThat(good.memory().lowSince()).isNull();

		MilestoneStatusPolicy.Decision again = policy.decide(day(first.plusDays(SHIPPED.atRiskAfterDays()), 10, 0.3),
				good.memory());
		assertThat(again.status()).as("the week counts from the low day after the good one")
			.isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(again.memory().lowSince()).isEqualTo(first.plusDays(SHIPPED.atRiskAfterDays()));
	}

	@Test
	void aMilestoneAtRiskStaysSoUntilTheChanceIsBackAboveTheHigherLine() {
		LocalDate since = LocalDate.of(2026, 3, 9);
		StatusMemory atRisk = new StatusMemory(since, LocalDate.of(2026, 3, 2), since);
		double between = (SHIPPED.atRiskChance() + SHIPPED.clearChance()) / 2;

		MilestoneStatusPolicy.Decision held = policy.decide(day(since.plusDays(1), 8, between), atRisk);

		assertThat(held.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(held.decidedBy().code()).isEqualTo("STILL_AT_RISK");
		assertThat(held.decidedBy().message()).startsWith("At risk since 2026-03-09: "
				+ MilestoneStatusPolicy.percent(between) + " of 500 simulated runs reach it by its target 2026-06-26, "
				+ "not yet the " + MilestoneStatusPolicy.percent(SHIPPED.clearChance()) + " that puts it back on track");
		assertThat(held.memory()).isEqualTo(new StatusMemory(since.plusDays(1), null, since));

		MilestoneStatusPolicy.Decision cleared = policy.decide(day(since.plusDays(2), 8, SHIPPED.clearChance()),
				held.memory());

		assertThat(cleared.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(cleared.memory()).isEqualTo(new StatusMemory(since.plusDays(2), null, null));
	}

	@Test
	void aForecastAfterTheTargetIsWatchedLikeALowChanceAndHoldsTheFlagWhateverTheChance() {
		LocalDate first = LocalDate.of(2026, 3, 2);
		MilestoneStatusPolicy.Decision watched = policy.decide(day(first, -2, 0.45), StatusMemory.NONE);
		assertThat(watched.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(watched.decidedBy().message()).contains("2 working days after the target 2026-06-26");
		assertThat(watched.reasons().get(1).code()).isEqualTo("WATCHED");
		assertThat(watched.reasons().get(1).message()).startsWith("Forecast for ");

		StatusMemory since = new StatusMemory(first, first.minusDays(30), first.minusDays(20));
		MilestoneStatusPolicy.Decision late = policy.decide(day(first.plusDays(1), -2, 0.9), since);
		assertThat(late.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(late.decidedBy().code()).isEqualTo("FORECAST_AFTER_TARGET");
		assertThat(late.memory().atRiskSince()).isEqualTo(first.minusDays(20));
	}

	@Test
	void aForecastFarAfterTheTargetIsAtRiskAtOnce() {
		LocalDate first = LocalDate.of(2026, 3, 2);
		int late = SHIPPED.lateAtOnceDays();

		MilestoneStatusPolicy.Decision justBelow = policy.decide(day(first, -(late - 1), 0.0), StatusMemory.NONE);
		MilestoneStatusPolicy.Decision atOnce = policy.decide(day(first, -late, 0.0), StatusMemory.NONE);

		assertThat(justBelow.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(atOnce.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(atOnce.decidedBy().code()).isEqualTo("FORECAST_AFTER_TARGET");
		assertThat(atOnce.decidedBy().message()).contains(late + " working days after the target 2026-06-26");
		assertThat(atOnce.memory()).isEqualTo(new StatusMemory(first, first, first));
	}

	@Test
	void decidingTheSameDayAgainChangesNothing() {
		LocalDate date = LocalDate.of(2026, 3, 9);
		StatusMemory memory = new StatusMemory(date.minusDays(1), date.minusDays(SHIPPED.atRiskAfterDays()), null);
		MilestoneStatusPolicy.Decision once = policy.decide(day(date, 5, 0.2), memory);
		MilestoneStatusPolicy.Decision twice = policy.decide(day(date, 5, 0.2), once.memory());

		assertThat(once.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(twice).isEqualTo(once);
	}

	@Test
	void aStatusAskedForADayBeforeTheMemoryIsDecidedAsAFirstDay() {
		LocalDate date = LocalDate.of(2026, 3, 9);
		StatusMemory later = new StatusMemory(date.plusDays(5), date.minusDays(30), date.minusDays(20));

		MilestoneStatusPolicy.Decision decision = policy.decide(day(date, 5, 0.2), later);

		assertThat(decision.status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(decision.memory()).isEqualTo(new StatusMemory(date, date, null));
	}

	@Test
	void thePreviousRulesWithoutMemoryPutALowChanceAtRiskAtOnce() {
		MilestoneStatusPolicy previous = new MilestoneStatusPolicy(new StatusRules(14, 3, 0.5));

		MilestoneStatusPolicy.Decision decision = previous.decide(day(LocalDate.of(2026, 3, 2), 10, 0.3));

		assertThat(decision.status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(decision.decidedBy().code()).isEqualTo("LOW_CHANCE");
	}

	@Test
	void aClearingChanceBelowTheAtRiskChanceIsRefused() {
		assertThatThrownBy(() -> new StatusRules(14, 3, 0.5, 0.4, 7, 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("from the at-risk chance (0.5) to 1, got 0.4");
		assertThatThrownBy(() -> new StatusRules(14, 3, 0.5, 0.6, -1, 10)).isInstanceOf(IllegalArgumentException.class);
	}

}
