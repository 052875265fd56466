package dev.milepost.automation.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.milepost.audit.AuditHistory;
import dev.milepost.automation.definition.Blueprint;
import dev.milepost.automation.definition.CompiledCondition;
import dev.milepost.automation.definition.ConditionCheck;
import dev.milepost.automation.definition.Conditions;
import dev.milepost.automation.definition.Rule;
import dev.milepost.automation.definition.Trigger;
import dev.milepost.common.BadRequestException;
import dev.milepost.common.EntityChanged;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Dry runs and replays of a draft blueprint: what its rules would do now against the current plan,
 * and what they would have done over a past window. Both decide each rule with the runtime's own
 * {@link RuleDecision} on the events the runtime would have seen (the same mapping from events to
 * occurrences, the status changes schedule recorded, the time triggers' firings and dedupe keys),
 * and only read; nothing is written, sent or logged.
 */
@Component
class Rehearsals {

	/** At most this many matches are listed per rule (the counts are complete). */
	static final int EXAMPLES = 50;

	/** The longest replay window. */
	static final Duration MAX_WINDOW = Duration.ofDays(366);

	private final RuleRunner runner;

	private final TimeTriggers time;

	private final ActionRunner actions;

	private final AuditHistory audit;

	private final HeardEvents heard;

	private final Clock clock;

	Rehearsals(RuleRunner runner, TimeTriggers time, ActionRunner actions, AuditHistory audit, HeardEvents heard,
			Clock clock) {
		this.runner = runner;
		this.time = time;
		this.actions = actions;
		this.audit = audit;
		this.heard = heard;
		this.clock = clock;
	}

	/** One thing a rule would fire for, with its condition's value and the actions it would take. */
	record Match(String subjectType, String subjectId, String subjectName, Instant at, Boolean conditionValue,
			String conditionError, List<ActionRunner.Planned> actions) {
	}

	/** A rule's dry run: how many things it was evaluated over, how many would fire, examples. */
	record RuleDryRun(int index, String rule, String trigger, int evaluated, int wouldFire, String note,
			List<Match> matches) {
	}

	record DryRun(String blueprint, Instant at, LocalDate today, String timeZone, List<RuleDryRun> rules) {
	}

	/**
	 * One occurrence as the runtime would have handled it: the plan as rules saw it, the moment it
	 * was handled and, for a time trigger, its dedupe key (a rule fires once per key).
	 */
	private record Rehearsed(Occurrence occurrence, PlanFacts facts, Instant now, String dedupe) {
	}

	DryRun dryRun(ProjectContext context, Blueprint blueprint) {
		Instant now = clock.instant();
		PlanFacts facts = runner.facts(context.projectId());
		List<RuleDryRun> results = new ArrayList<>();
		for (int i = 0; i < blueprint.rules().size(); i++) {
			Rule rule = blueprint.rules().get(i);
			List<Rehearsed> occurrences = new ArrayList<>();
			String note = candidates(context, rule.when(), facts, now, occurrences);
			results.add(evaluate(i, rule, compile(rule), occurrences, note, true));
		}
		return new DryRun(blueprint.name(), now, facts.today(), facts.zone().getId(), results);
	}

	/** The occurrences a rule would see now; returns a note on how they were chosen. */
	private String candidates(ProjectContext context, Trigger trigger, PlanFacts facts, Instant now,
			List<Rehearsed> out) {
		String key = context.projectKey();
		String name = trigger.name();
		if (TimeTriggers.DAILY.contains(name) || trigger instanceof Trigger.Schedule) {
			for (TimeTriggers.Firing firing : time.firings(trigger, () -> facts, facts.zone(), now)) {
				out.add(new Rehearsed(new Occurrence(key, name, firing.data(), "system", now), facts, now, null));
			}
			if (trigger instanceof Trigger.Schedule schedule) {
				ZoneId zone = schedule.zone() == null ? facts.zone() : ZoneId.of(schedule.zone());
				ZonedDateTime next = CronExpression.parse(schedule.cron()).next(now.atZone(zone));
				return "Fires on its cron; next at " + (next == null ? "never" : next.toOffsetDateTime()) + ".";
			}
			return "The tasks or milestones it matches today (" + facts.today() + ").";
		}
		if (name.startsWith("task.")) {
			for (ProjectPlan.Task task : facts.tasks()) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("taskId", task.id().toString());
				if (name.equals("task.updated")) {
					data.put("changes", Map.of());
				}
				out.add(new Rehearsed(new Occurrence(key, name, data, context.actor(), now), facts, now, null));
			}
			return "Evaluated over every task as if it had just been " + name.substring(5)
					+ (name.equals("task.updated") ? " (with no field changes; fields filters are not applied)." : ".");
		}
		if (name.equals("milestone.achieved")) {
			for (ProjectPlan.Milestone milestone : facts.plan().milestones()) {
				out.add(new Rehearsed(new Occurrence(key, name, Map.of("milestoneId", milestone.id().toString()),
						context.actor(), now), facts, now, null));
			}
			return "Evaluated over every milestone as if it had just been achieved.";
		}
		if (name.startsWith("milestone.")) {
			// each milestone's latest status change the runtime heard, as if it had just happened (its current
			// status where none was heard): a rule on milestone.at-risk sees only the milestones at risk now
			Map<String, Occurrence> latest = new LinkedHashMap<>();
			for (Occurrence heardChange : heard.between(context.projectId(), Instant.EPOCH, now.plusNanos(1))) {
				if (heardChange.trigger().equals("milestone.status-changed")) {
					latest.put(String.valueOf(heardChange.data().get("milestoneId")), heardChange);
				}
			}
			for (ProjectPlan.Milestone milestone : facts.plan().milestones()) {
				if (milestone.achieved()) {
					continue;
				}
				String status = String.valueOf(facts.milestoneVariable(milestone).get("status"));
				Occurrence last = latest.get(milestone.id().toString());
				MilestoneStatus from = last == null || !status.equals(last.data().get("to"))
						|| String.valueOf(last.data().get("from")).isEmpty() ? null
								: MilestoneStatus.valueOf(String.valueOf(last.data().get("from")));
				Occurrence.of(new MilestoneStatusChanged(key, milestone.id(), milestone.name(), from,
						MilestoneStatus.valueOf(status), milestone.targetDate(), null, List.of()), now)
					.stream()
					.filter(occurrence -> occurrence.trigger().equals(name))
					.forEach(occurrence -> out.add(new Rehearsed(occurrence, facts, now, null)));
			}
			return "Evaluated over every unachieved milestone's current status, as if it had just changed to it.";
		}
		if (name.equals("deliverable.accepted")) {
			for (ProjectPlan.Deliverable deliverable : facts.plan().deliverables()) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("deliverableId", deliverable.id().toString());
				data.put("name", deliverable.name());
				data.put("milestoneId", deliverable.milestoneId() == null ? "" : deliverable.milestoneId().toString());
				out.add(new Rehearsed(new Occurrence(key, name, data, context.actor(), now), facts, now, null));
			}
			return "Evaluated over every deliverable as if it had just been accepted.";
		}
		return "Approvals and processes have no current state to evaluate: replay the past to see this rule at work.";
	}

	/**
	 * Decides a rule for each occurrence with the runtime's decision; a time trigger's occurrence
	 * whose dedupe key came before is not run again, as the runtime would not. With {@code plan},
	 * lists the actions each match would take.
	 */
	private RuleDryRun evaluate(int index, Rule rule, CompiledCondition condition, List<Rehearsed> occurrences,
			String note, boolean plan) {
		int evaluated = 0;
		int wouldFire = 0;
		Set<String> fired = new HashSet<>();
		List<Match> matches = new ArrayList<>();
		for (Rehearsed rehearsed : occurrences) {
			if (rehearsed.dedupe() != null && !fired.add(rehearsed.dedupe())) {
				continue;
			}
			evaluated++;
			RuleDecision.Decision decision = RuleDecision.decide(rule, condition, rehearsed.occurrence(),
					rehearsed.facts(), rehearsed.now());
			boolean fires = decision.fires();
			boolean failed = decision instanceof RuleDecision.ConditionFailed;
			if (fires) {
				wouldFire++;
			}
			if (matches.size() < EXAMPLES && (fires || failed)) {
				Map<String, Object> variables = decision.variables();
				String[] subject = subject(variables);
				matches.add(new Match(subject[0], subject[1], subject[2], rehearsed.occurrence().at(),
						condition == null || failed ? null : true,
						failed ? ((RuleDecision.ConditionFailed) decision).error() : null,
						plan && fires ? rule.then().stream().map(a -> actions.plan(a, variables, rehearsed.facts())).toList()
								: List.of()));
			}
		}
		return new RuleDryRun(index, rule.name(), rule.when().name(), evaluated, wouldFire, note, matches);
	}

	// replay

	record Replay(String blueprint, Instant from, Instant to, List<RuleDryRun> rules) {
	}

	Replay replay(ProjectContext context, Blueprint blueprint, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw new BadRequestException("to", "to must come after from.");
		}
		if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
			throw new BadRequestException("to", "A replay covers at most 366 days.");
		}
		PlanFacts facts = runner.facts(context.projectId());
		Instant now = clock.instant();
		// the changes since the window began: its events, and the way back from today's tasks to theirs then
		List<AuditHistory.Recorded> recorded = audit.changes(context.projectKey(),
				List.of("task", "deliverable", "milestone", "approval"), from, now.isAfter(to) ? now : to);
		PastPlan past = new PastPlan(facts, recorded);
		List<Occurrence> events = pastEvents(context, facts, recorded, from, to);
		List<RuleDryRun> results = new ArrayList<>();
		for (int i = 0; i < blueprint.rules().size(); i++) {
			Rule rule = blueprint.rules().get(i);
			String name = rule.when().name();
			List<Rehearsed> occurrences = new ArrayList<>();
			String note;
			if (TimeTriggers.DAILY.contains(name)) {
				note = "Each day's sweeps from its daily time (the first day: from the window's start) and after every"
						+ " recorded change, with the tasks as the audit record had them then; once per task or milestone"
						+ " and date, as the runtime fires it.";
				daily(context, rule, facts.zone(), past, from, to, occurrences);
			}
			else if (rule.when() instanceof Trigger.Schedule schedule) {
				ZoneId zone = schedule.zone() == null ? facts.zone() : ZoneId.of(schedule.zone());
				CronExpression cron = CronExpression.parse(schedule.cron());
				ZonedDateTime next = cron.next(from.atZone(zone).minusNanos(1));
				while (next != null && next.toInstant().isBefore(to) && occurrences.size() < 10_000) {
					Instant at = next.toInstant();
					occurrences.add(new Rehearsed(new Occurrence(context.projectKey(), name,
							Map.of("scheduledFor", at.toString()), "system", at), facts, at, "cron:" + at));
					next = cron.next(next);
				}
				note = "Each time its cron fired in the window.";
			}
			else {
				events.stream()
					.filter(o -> o.trigger().equals(name))
					.forEach(o -> occurrences.add(new Rehearsed(o, past.at(o.at()).on(day(o.at(), facts)), o.at(), null)));
				note = "The events the runtime saw: task, deliverable, achievement and approval changes from the audit"
						+ " record, milestone status changes and completed processes as the runtime heard them; the tasks"
						+ " as they were then, the other fields as they are now.";
			}
			results.add(evaluate(i, rule, compile(rule), occurrences, note, false));
		}
		return new Replay(blueprint.name(), from, to, results);
	}

	/**
	 * A daily trigger's firings, day by day, as the sweeps would find them: from each day's daily time
	 * (the first day: from the window's start) and again after every change recorded that day, each
	 * on the plan as it was then; the dedupe keys let each fire once, as in the runtime.
	 */
	private void daily(ProjectContext context, Rule rule, ZoneId zone, PastPlan past, Instant from, Instant to,
			List<Rehearsed> out) {
		for (LocalDate day = from.atZone(zone).toLocalDate();; day = day.plusDays(1)) {
			Instant due = time.dailyMoment(day, zone);
			if (!due.isBefore(to)) {
				return;
			}
			Instant first = due.isBefore(from) ? from : due;
			Instant next = time.dailyMoment(day.plusDays(1), zone);
			List<Instant> sweeps = new ArrayList<>();
			sweeps.add(first);
			sweeps.addAll(past.changesBetween(first, next.isBefore(to) ? next : to));
			for (Instant at : sweeps) {
				PlanFacts then = past.at(at).on(day);
				for (TimeTriggers.Firing firing : time.firings(rule.when(), () -> then, zone, at)) {
					out.add(new Rehearsed(
							new Occurrence(context.projectKey(), rule.when().name(), firing.data(), "system", at), then, at,
							firing.dedupe()));
				}
			}
		}
	}

	private static LocalDate day(Instant at, PlanFacts facts) {
		return at.atZone(facts.zone()).toLocalDate();
	}

	/** The event triggers' occurrences in the window, as the runtime captured them, oldest first. */
	private List<Occurrence> pastEvents(ProjectContext context, PlanFacts facts, List<AuditHistory.Recorded> recorded,
			Instant from, Instant to) {
		List<Occurrence> past = new ArrayList<>();
		for (AuditHistory.Recorded entry : recorded) {
			Instant at = entry.recordedAt();
			if (!at.isBefore(to)) {
				continue;
			}
			EntityChanged change = entry.change();
			List<Occurrence> found = switch (change.entityType()) {
				case "task", "deliverable" -> Occurrence.ofChange(change, at);
				case "milestone" -> achieved(context, change, at).stream().toList();
				case "approval" -> approval(context, change, at).stream().toList();
				default -> List.of();
			};
			// what the runtime would not capture either: history being filled in
			found.stream().filter(occurrence -> EventCapture.isNews(occurrence, at)).forEach(past::add);
		}
		past.addAll(heard.between(context.projectId(), from, to));
		past.sort(Comparator.comparing(Occurrence::at));
		return past;
	}

	private static Optional<Occurrence> achieved(ProjectContext context, EntityChanged change, Instant recordedAt) {
		if (!change.action().equals("achieved")) {
			return Optional.empty();
		}
		Instant at = recordedAt;
		if (change.after().get("achievement") instanceof Map<?, ?> achievement && achievement.get("at") != null) {
			at = Instant.parse(String.valueOf(achievement.get("at")));
		}
		return Optional.of(new Occurrence(context.projectKey(), "milestone.achieved",
				Map.of("milestoneId", change.entityId()), change.actor(), at));
	}

	private static Optional<Occurrence> approval(ProjectContext context, EntityChanged change, Instant at) {
		Map<String, Object> after = change.after();
		String status = String.valueOf(after.getOrDefault("status", ""));
		String trigger = change.action().equals("requested") ? "approval.requested"
				: change.action().equals("decided") && !status.equals("PENDING") ? "approval.decided" : null;
		if (trigger == null) {
			return Optional.empty();
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("approvalId", change.entityId());
		data.put("number", after.get("number") instanceof Number n ? n.longValue() : 0L);
		data.put("title", String.valueOf(after.getOrDefault("title", "")));
		data.put("status", status);
		data.put("decidedBy", trigger.equals("approval.decided") ? change.actor() : "");
		data.put("comment", "");
		Object subject = after.get("subject");
		data.put("subjectKind", subject instanceof Map<?, ?> s && s.get("kind") != null ? String.valueOf(s.get("kind")) : "");
		data.put("subjectId", subject instanceof Map<?, ?> s && s.get("id") != null ? String.valueOf(s.get("id")) : "");
		data.put("dueDate", after.get("dueDate") == null ? "" : String.valueOf(after.get("dueDate")));
		return Optional.of(new Occurrence(context.projectKey(), trigger, data, change.actor(), at));
	}

	private static CompiledCondition compile(Rule rule) {
		if (rule.condition() == null) {
			return null;
		}
		ConditionCheck check = Conditions.compile(rule.when().name(), rule.condition());
		return check.condition();
	}

	private static String[] subject(Map<String, Object> variables) {
		for (String name : List.of("milestone", "task", "approval", "deliverable", "process")) {
			if (variables.get(name) instanceof Map<?, ?> fields) {
				Object label = fields.get("name") != null ? fields.get("name") : fields.get("title");
				return new String[] { name, String.valueOf(fields.get("id")), label == null ? null : String.valueOf(label) };
			}
		}
		return new String[] { null, null, null };
	}

}
