package dev.milepost.schedule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.milepost.plan.ProjectPlan;

/**
 * Decides a milestone's status from its {@link MilestoneFacts}, with the reason that decided it
 * first and the others after it. In this order:
 * <ol>
 * <li><b>achieved</b> when its criterion was recorded as met;</li>
 * <li><b>missed</b> when its target day has passed;</li>
 * <li><b>at risk</b> when it can never be achieved as the plan stands ({@link Feedability}): such
 * a milestone is never on track;</li>
 * <li>a milestone that nothing feeds is <b>approaching</b> or <b>on track</b> by its target date
 * alone, and says that its status gives no early warning;</li>
 * <li><b>at risk</b> when the forecast is after the target;</li>
 * <li>where the chance of meeting the target is known (a seeded Monte Carlo run of the plan):
 * <b>at risk</b> when it is below {@link StatusRules#atRiskChance()}; otherwise little slack and
 * late work on the driving path are noted, but the chance decides;</li>
 * <li>where it is not known: <b>at risk</b> when the slack is below
 * {@link StatusRules#atRiskSlackDays()} or work on the driving path is late;</li>
 * <li><b>approaching</b> when the target is within {@link StatusRules#approachingDays()}, else
 * <b>on track</b>.</li>
 * </ol>
 * Plain Java, a pure function of the facts, so pages, the API, stored statuses and replays all
 * decide alike.
 */
public final class MilestoneStatusPolicy {

	private final StatusRules rules;

	public MilestoneStatusPolicy(StatusRules rules) {
		this.rules = rules;
	}

	/** A status with its reasons; the first reason is the one that decided it. */
	public record Decision(MilestoneStatus status, List<Reason> reasons) {

		public Decision {
			if (reasons.isEmpty()) {
				throw new IllegalArgumentException("A status is decided for a reason");
			}
			reasons = List.copyOf(reasons);
		}

		public Reason decidedBy() {
			return reasons.get(0);
		}

	}

	public Decision decide(MilestoneFacts facts) {
		ProjectPlan.Milestone milestone = facts.milestone();
		List<ProjectPlan.Milestone> self = List.of(milestone);
		if (milestone.achieved()) {
			LocalDate on = LocalDate.ofInstant(milestone.achievedAt(), ZoneOffset.UTC);
			return decision(MilestoneStatus.ACHIEVED, reason(facts, "ACHIEVED",
					"Achieved on " + on + " by " + milestone.achievedBy() + ".", null), List.of());
		}
		LocalDate target = milestone.targetDate();
		Optional<Reason> blocked = facts.feedability()
			.problem(milestone)
			.map(problem -> reason(facts, "CANNOT_BE_ACHIEVED",
					problem + " " + facts.feedability().fix(milestone).orElseThrow(), null));
		if (target.isBefore(facts.statusDate())) {
			long ago = ChronoUnit.DAYS.between(target, facts.statusDate());
			List<Reason> notes = new ArrayList<>();
			blocked.ifPresent(notes::add);
			notes.addAll(facts.lateWork());
			return decision(MilestoneStatus.MISSED, reason(facts, "TARGET_PASSED", "The target " + target + " passed "
					+ count(ago, "day") + " ago without the milestone being achieved; it is now forecast for "
					+ facts.forecast() + ".", (int) ago), notes);
		}
		if (blocked.isPresent()) {
			return decision(MilestoneStatus.AT_RISK, blocked.get(), List.of());
		}
		long daysAway = ChronoUnit.DAYS.between(facts.statusDate(), target);
		if (!facts.feedability().fed()) {
			Reason unfed = reason(facts, "NOT_FED", facts.feedability().unfed(milestone).orElseThrow() + " Its target "
					+ target + " is " + count(daysAway, "day") + " away. " + Feedability.feedIt(milestone), null);
			MilestoneStatus byTarget = daysAway <= rules.approachingDays() ? MilestoneStatus.APPROACHING
					: MilestoneStatus.ON_TRACK;
			return decision(byTarget, unfed, List.of());
		}
		int slack = facts.slackDays();
		if (slack < 0) {
			Reason late = new Reason("FORECAST_AFTER_TARGET", "Forecast for " + facts.forecast() + ", "
					+ count(-slack, "working day") + " after the target " + target + "; the work driving it: "
					+ names(facts) + "." + chanceSentence(facts), facts.drivingWork(), -slack);
			return decision(MilestoneStatus.AT_RISK, late, facts.lateWork());
		}
		if (facts.chance() != null) {
			return byChance(facts, slack, daysAway);
		}
		List<Reason> atRisk = new ArrayList<>();
		if (slack < rules.atRiskSlackDays()) {
			atRisk.add(lowSlack(facts, slack, " a small slip in " + names(facts) + " misses it."));
		}
		atRisk.addAll(facts.lateWork());
		if (!atRisk.isEmpty()) {
			return decision(MilestoneStatus.AT_RISK, atRisk.get(0), atRisk.subList(1, atRisk.size()));
		}
		return fine(facts, slack, daysAway, List.of());
	}

	/** Decided by the chance of meeting the target; little slack and late work are noted beside it. */
	private Decision byChance(MilestoneFacts facts, int slack, long daysAway) {
		List<Reason> notes = new ArrayList<>();
		String chance = percent(facts.chance()) + " of " + facts.runs() + " simulated runs";
		if (facts.chance() < rules.atRiskChance()) {
			String spare = slack == 0 ? ": the forecast " + facts.forecast() + " leaves no working day to spare."
					: ", although the forecast " + facts.forecast() + " leaves " + count(slack, "working day")
							+ " to spare: the estimates of the work driving it (" + names(facts)
							+ ") allow longer slips than that.";
			notes.addAll(facts.lateWork());
			Reason unlikely = new Reason("LOW_CHANCE",
					"Only " + chance + " reach it by its target " + facts.milestone().targetDate() + spare,
					facts.drivingWork(), slack);
			return decision(MilestoneStatus.AT_RISK, unlikely, notes);
		}
		if (slack < rules.atRiskSlackDays()) {
			notes.add(lowSlack(facts, slack, " still, " + chance + " meet it."));
		}
		notes.addAll(facts.lateWork());
		return fine(facts, slack, daysAway, notes);
	}

	private Decision fine(MilestoneFacts facts, int slack, long daysAway, List<Reason> notes) {
		LocalDate target = facts.milestone().targetDate();
		String chance = facts.chance() == null ? ""
				: ", and " + percent(facts.chance()) + " of " + facts.runs() + " simulated runs meet it";
		if (daysAway <= rules.approachingDays()) {
			return decision(MilestoneStatus.APPROACHING, reason(facts, "APPROACHING", "The target " + target + " is "
					+ count(daysAway, "day") + " away; forecast " + facts.forecast() + " with "
					+ count(slack, "working day") + " to spare" + chance + ".", (int) daysAway), notes);
		}
		return decision(MilestoneStatus.ON_TRACK, reason(facts, "ON_TRACK", "Forecast for " + facts.forecast() + ", "
				+ count(slack, "working day") + " before the target " + target + chance + ".", slack), notes);
	}

	private static Reason lowSlack(MilestoneFacts facts, int slack, String then) {
		return new Reason("LOW_SLACK", "Only " + count(slack, "working day") + " of slack before the target "
				+ facts.milestone().targetDate() + ";" + then, facts.drivingWork(), slack);
	}

	private static String chanceSentence(MilestoneFacts facts) {
		return facts.chance() == null ? ""
				: " " + percent(facts.chance()) + " of " + facts.runs() + " simulated runs meet the target.";
	}

	private static Decision decision(MilestoneStatus status, Reason decisive, List<Reason> notes) {
		List<Reason> reasons = new ArrayList<>();
		reasons.add(decisive);
		reasons.addAll(notes);
		return new Decision(status, reasons);
	}

	private static Reason reason(MilestoneFacts facts, String code, String message, Integer days) {
		return new Reason(code, message, List.of(facts.milestone().id()), days);
	}

	/** The chance as the pages show it: whole percent. */
	public static String percent(double chance) {
		return Math.round(chance * 100) + " %";
	}

	static String count(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

	/** How many names of the driving path a reason spells out; the rest are counted. */
	static final int PATH_NAMES = 5;

	private static String names(MilestoneFacts facts) {
		List<String> names = facts.drivingNames();
		if (names.isEmpty()) {
			return "nothing (it is held by its own constraint)";
		}
		String named = String.join(" → ", names.stream().limit(PATH_NAMES).map(name -> "'" + name + "'").toList());
		int more = names.size() - PATH_NAMES;
		return more > 0 ? named + " and " + count(more, "more step") : named;
	}

}
