package dev.milepost.schedule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.milepost.plan.ProjectPlan;

/**
 * Decides a milestone's status from its {@link MilestoneFacts} and what it remembers of the days
 * before ({@link StatusMemory}), with the reason that decided it first and the others after it. In
 * this order:
 * <ol>
 * <li><b>achieved</b> when its criterion was recorded as met;</li>
 * <li><b>missed</b> when its target day has passed;</li>
 * <li><b>at risk</b> when it can never be achieved as the plan stands ({@link Feedability}): such
 * a milestone is never on track;</li>
 * <li>a milestone that nothing feeds is <b>approaching</b> or <b>on track</b> by its target date
 * alone, and says that its status gives no early warning;</li>
 * <li>the <b>evidence of risk</b>: the forecast after the target; where the chance of meeting the
 * target is known (a seeded Monte Carlo run of the plan), a chance below
 * {@link StatusRules#atRiskChance()}; where it is not known, slack below
 * {@link StatusRules#atRiskSlackDays()} or late work on the driving path;</li>
 * <li><b>at risk</b> once that evidence has lasted {@link StatusRules#atRiskAfterDays()} calendar
 * days without a break (0: at once), or at once when the forecast is
 * {@link StatusRules#lateAtOnceDays()} working days or more after the target, and so until the forecast is in time again and the chance is
 * back to {@link StatusRules#clearChance()} or more (hysteresis: it does not flicker); while the
 * evidence has not lasted long enough yet, the status says so in a note;</li>
 * <li><b>approaching</b> when the target is within {@link StatusRules#approachingDays()}, else
 * <b>on track</b>; little slack and late work on the driving path are noted.</li>
 * </ol>
 * Plain Java, a pure function of the facts and the memory, so pages, the API, stored statuses and
 * replays all decide alike; the decision carries the memory for the next day.
 */
public final class MilestoneStatusPolicy {

	private final StatusRules rules;

	public MilestoneStatusPolicy(StatusRules rules) {
		this.rules = rules;
	}

	/**
	 * A status with its reasons (the first is the one that decided it) and what to remember of this
	 * day for the next.
	 */
	public record Decision(MilestoneStatus status, List<Reason> reasons, StatusMemory memory) {

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

	/** Decided as a first day, with nothing remembered. */
	public Decision decide(MilestoneFacts facts) {
		return decide(facts, StatusMemory.NONE);
	}

	/** Decided on the facts of the status date and what was remembered from the days before it. */
	public Decision decide(MilestoneFacts facts, StatusMemory remembered) {
		StatusMemory memory = remembered.asSeenOn(facts.statusDate());
		Decision decided = decideOn(facts, memory);
		return decided.memory() != null ? decided
				: new Decision(decided.status(), decided.reasons(), new StatusMemory(facts.statusDate(), null, null));
	}

	private Decision decideOn(MilestoneFacts facts, StatusMemory memory) {
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
		Evidence evidence = evidence(facts, slack);
		boolean low = evidence.risk() != null;
		LocalDate statusDate = facts.statusDate();
		LocalDate lowSince = !low ? null : memory.lowSince() != null ? memory.lowSince() : statusDate;
		boolean wasAtRisk = memory.atRiskSince() != null;
		boolean clear = slack >= 0 && (facts.chance() == null ? !low : facts.chance() >= rules.clearChance());
		boolean atRisk = wasAtRisk ? !clear
				: low && (slack <= -rules.lateAtOnceDays()
						|| ChronoUnit.DAYS.between(lowSince, statusDate) >= rules.atRiskAfterDays());
		StatusMemory next = new StatusMemory(statusDate, lowSince,
				!atRisk ? null : wasAtRisk ? memory.atRiskSince() : statusDate);
		if (atRisk && low) {
			return decision(MilestoneStatus.AT_RISK, evidence.risk(), evidence.notes(), next);
		}
		if (atRisk) {
			// held by the hysteresis: the evidence is gone, but the chance is not back far enough yet
			List<Reason> notes = new ArrayList<>();
			if (slack < rules.atRiskSlackDays()) {
				notes.add(lowSlack(facts, slack, " a small slip in " + names(facts) + " misses it."));
			}
			notes.addAll(facts.lateWork());
			Reason held = new Reason("STILL_AT_RISK", "At risk since " + memory.atRiskSince() + ": "
					+ percent(facts.chance()) + " of " + facts.runs() + " simulated runs reach it by its target "
					+ facts.milestone().targetDate() + ", not yet the " + percent(rules.clearChance())
					+ " that puts it back on track; forecast " + facts.forecast() + " with "
					+ count(slack, "working day") + " to spare.", facts.drivingWork(), slack);
			return decision(MilestoneStatus.AT_RISK, held, notes, next);
		}
		List<Reason> notes = new ArrayList<>();
		if (low) {
			Reason seen = evidence.risk();
			LocalDate from = lowSince.plusDays(rules.atRiskAfterDays());
			notes.add(new Reason("WATCHED", seen.message() + " Seen since " + lowSince + "; at risk if it lasts until "
					+ from + ".", seen.activities(), seen.days()));
		}
		notes.addAll(evidence.notes());
		Decision fine = fine(facts, slack, daysAway, notes);
		return new Decision(fine.status(), fine.reasons(), next);
	}

	/**
	 * The evidence of risk as one day's facts show it: the reason it is at risk (null: none) and the
	 * notes beside it (little slack, late work).
	 */
	private record Evidence(Reason risk, List<Reason> notes) {
	}

	private Evidence evidence(MilestoneFacts facts, int slack) {
		LocalDate target = facts.milestone().targetDate();
		if (slack < 0) {
			Reason late = new Reason("FORECAST_AFTER_TARGET", "Forecast for " + facts.forecast() + ", "
					+ count(-slack, "working day") + " after the target " + target + "; the work driving it: "
					+ names(facts) + "." + chanceSentence(facts), facts.drivingWork(), -slack);
			return new Evidence(late, facts.lateWork());
		}
		List<Reason> notes = new ArrayList<>();
		if (facts.chance() != null) {
			// decided by the chance of meeting the target; little slack and late work are noted beside it
			String chance = percent(facts.chance()) + " of " + facts.runs() + " simulated runs";
			if (facts.chance() < rules.atRiskChance()) {
				String spare = slack == 0 ? ": the forecast " + facts.forecast() + " leaves no working day to spare."
						: ", although the forecast " + facts.forecast() + " leaves " + count(slack, "working day")
								+ " to spare: the estimates of the work driving it (" + names(facts)
								+ ") allow longer slips than that.";
				return new Evidence(new Reason("LOW_CHANCE", "Only " + chance + " reach it by its target " + target
						+ spare, facts.drivingWork(), slack), facts.lateWork());
			}
			if (slack < rules.atRiskSlackDays()) {
				notes.add(lowSlack(facts, slack, " still, " + chance + " meet it."));
			}
			notes.addAll(facts.lateWork());
			return new Evidence(null, notes);
		}
		if (slack < rules.atRiskSlackDays()) {
			notes.add(lowSlack(facts, slack, " a small slip in " + names(facts) + " misses it."));
		}
		notes.addAll(facts.lateWork());
		return notes.isEmpty() ? new Evidence(null, notes) : new Evidence(notes.get(0), notes.subList(1, notes.size()));
	}

	private Decision fine(MilestoneFacts facts, int slack, long daysAway, List<Reason> notes) {
		LocalDate target = facts.milestone().targetDate();
		String chance = facts.chance() == null ? ""
				: ", and " + percent(facts.chance()) + " of " + facts.runs() + " simulated runs meet it";
		String spare = slack < 0 ? count(-slack, "working day") + " too late (watched, see below)"
				: count(slack, "working day") + " to spare";
		if (daysAway <= rules.approachingDays()) {
			return decision(MilestoneStatus.APPROACHING, reason(facts, "APPROACHING", "The target " + target + " is "
					+ count(daysAway, "day") + " away; forecast " + facts.forecast() + " with " + spare + chance + ".",
					(int) daysAway), notes);
		}
		String before = slack < 0 ? count(-slack, "working day") + " after the target " + target + " (watched, see below)"
				: count(slack, "working day") + " before the target " + target;
		return decision(MilestoneStatus.ON_TRACK, reason(facts, "ON_TRACK", "Forecast for " + facts.forecast() + ", "
				+ before + chance + ".", slack), notes);
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
		return decision(status, decisive, notes, null);
	}

	private static Decision decision(MilestoneStatus status, Reason decisive, List<Reason> notes,
			StatusMemory memory) {
		List<Reason> reasons = new ArrayList<>();
		reasons.add(decisive);
		reasons.addAll(notes);
		return new Decision(status, reasons, memory);
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
