package dev.milepost.automation.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.milepost.audit.AuditHistory;
import dev.milepost.automation.definition.Blueprint;
import dev.milepost.automation.definition.CompiledCondition;
import dev.milepost.automation.definition.ConditionCheck;
import dev.milepost.automation.definition.ConditionResult;
import dev.milepost.automation.definition.Conditions;
import dev.milepost.automation.definition.Rule;
import dev.milepost.automation.definition.Trigger;
import dev.milepost.common.BadRequestException;
import dev.milepost.common.EntityChanged;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Forecasts;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Dry runs and replays of a draft blueprint: what its rules would do now against the current plan,
 * and what they would have done over a past window. Both only read; nothing is written, sent or
 * logged.
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

	private final Forecasts forecasts;

	private final Clock clock;

	Rehearsals(RuleRunner runner, TimeTriggers time, ActionRunner actions, AuditHistory audit, Forecasts forecasts,
			Clock clock) {
		this.runner = runner;
		this.time = time;
		this.actions = actions;
		this.audit = audit;
		this.forecasts = forecasts;
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

	DryRun dryRun(ProjectContext context, Blueprint blueprint) {
		Instant now = clock.instant();
		PlanFacts facts = runner.facts(context.projectId());
		List<RuleDryRun> results = new ArrayList<>();
		for (int i = 0; i < blueprint.rules().size(); i++) {
			Rule rule = blueprint.rules().get(i);
			CompiledCondition condition = compile(rule);
			List<Occurrence> occurrences = new ArrayList<>();
			String note = candidates(context, rule.when(), facts, now, occurrences);
			results.add(evaluate(i, rule, condition, occurrences, facts, note, true));
		}
		return new DryRun(blueprint.name(), now, facts.today(), facts.zone().getId(), results);
	}

	/** The occurrences a rule would see now; returns a note on how they were chosen. */
	private String candidates(ProjectContext context, Trigger trigger, PlanFacts facts, Instant now,
			List<Occurrence> out) {
		String key = context.projectKey();
		String name = trigger.name();
		if (TimeTriggers.DAILY.contains(name) || trigger instanceof Trigger.Schedule) {
			for (TimeTriggers.Firing firing : time.firings(trigger, () -> facts, facts.zone(), now)) {
				out.add(new Occurrence(key, name, firing.data(), "system", now));
			}
			if (trigger instanceof Trigger.Schedule schedule) {
				ZoneId zone = schedule.zone() == null ? facts.zone() : ZoneId.of(schedule.zone());
				ZonedDateTime next = CronExpression.parse(schedule.cron()).next(now.atZone(zone));
				return "Fires on its cron; next at " + (next == null ? "never" : next.toOffsetDateTime()) + ".";
			}
			return "The tasks or milestones it matches today (" + facts.today() + ").";
		}
		if (name.startsWith("task.")) {
			for (ProjectPlan.Task task : facts.plan().tasks()) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("taskId", task.id().toString());
				if (name.equals("task.updated")) {
					data.put("changes", Map.of());
				}
				out.add(new Occurrence(key, name, data, context.actor(), now));
			}
			return "Evaluated over every task as if it had just been " + name.substring(5)
					+ (name.equals("task.updated") ? " (with no field changes; fields filters are not applied)." : ".");
		}
		if (name.startsWith("milestone.")) {
			for (ProjectPlan.Milestone milestone : facts.plan().milestones()) {
				if (milestone.achieved() && !name.equals("milestone.achieved")) {
					continue;
				}
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("milestoneId", milestone.id().toString());
				if (!name.equals("milestone.achieved")) {
					String from = String.valueOf(facts.milestoneVariable(milestone).get("status"));
					String to = name.equals("milestone.at-risk") ? "AT_RISK" : name.equals("milestone.missed")
							? "MISSED" : trigger instanceof Trigger.MilestoneStatusChanged changed && changed.to() != null
									? changed.to() : from;
					data.put("from", from);
					data.put("to", to);
					data.put("reasons", List.of());
				}
				out.add(new Occurrence(key, name, data, "system", now));
			}
			return "Evaluated over every " + (name.equals("milestone.achieved") ? "" : "unachieved ")
					+ "milestone as if the event had just happened to it.";
		}
		if (name.equals("deliverable.accepted")) {
			for (ProjectPlan.Deliverable deliverable : facts.plan().deliverables()) {
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("deliverableId", deliverable.id().toString());
				data.put("name", deliverable.name());
				data.put("milestoneId", deliverable.milestoneId() == null ? "" : deliverable.milestoneId().toString());
				out.add(new Occurrence(key, name, data, context.actor(), now));
			}
			return "Evaluated over every deliverable as if it had just been accepted.";
		}
		return "Approvals and processes have no current state to evaluate: replay the past to see this rule at work.";
	}

	/** Evaluates a rule over its occurrences; with {@code plan}, lists the actions each match would take. */
	private RuleDryRun evaluate(int index, Rule rule, CompiledCondition condition, List<Occurrence> occurrences,
			PlanFacts facts, String note, boolean plan) {
		int wouldFire = 0;
		List<Match> matches = new ArrayList<>();
		for (Occurrence occurrence : occurrences) {
			if (!RuleBook.accepts(rule.when(), occurrence.data())) {
				continue;
			}
			Map<String, Object> variables;
			try {
				variables = occurrence.data().containsKey("$task") ? replayVariables(occurrence, facts)
						: Variables.of(occurrence, facts, occurrence.at());
			}
			catch (Variables.Missing e) {
				continue;
			}
			ConditionResult result = condition == null ? ConditionResult.of(true)
					: Conditions.evaluate(condition, variables);
			if (result.value() && !result.failed()) {
				wouldFire++;
			}
			if (matches.size() < EXAMPLES && (result.value() || result.failed())) {
				String[] subject = subject(variables);
				matches.add(new Match(subject[0], subject[1], subject[2], occurrence.at(),
						condition == null ? null : result.failed() ? null : result.value(), result.error(),
						plan && result.value() ? rule.then().stream().map(a -> actions.plan(a, variables, facts)).toList()
								: List.of()));
			}
		}
		return new RuleDryRun(index, rule.name(), rule.when().name(), occurrences.size(), wouldFire, note, matches);
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
		List<Occurrence> past = pastEvents(context, facts, from, to);
		List<RuleDryRun> results = new ArrayList<>();
		for (int i = 0; i < blueprint.rules().size(); i++) {
			Rule rule = blueprint.rules().get(i);
			String name = rule.when().name();
			List<Occurrence> occurrences = new ArrayList<>();
			String note;
			if (TimeTriggers.DAILY.contains(name)) {
				note = "Time triggers are replayed day by day against the current plan (past plans are not kept).";
				for (LocalDate day = from.atZone(facts.zone()).toLocalDate(); day.atStartOfDay(facts.zone())
					.toInstant()
					.isBefore(to); day = day.plusDays(1)) {
					PlanFacts onDay = facts.on(day);
					Instant at = day.atStartOfDay(facts.zone()).toInstant();
					for (TimeTriggers.Firing firing : time.firings(rule.when(), () -> onDay, facts.zone(), at)) {
						occurrences.add(new Occurrence(context.projectKey(), name, firing.data(), "system", at));
					}
				}
				results.add(evaluateDaily(i, rule, compile(rule), occurrences, facts, note));
				continue;
			}
			if (rule.when() instanceof Trigger.Schedule schedule) {
				ZoneId zone = schedule.zone() == null ? facts.zone() : ZoneId.of(schedule.zone());
				CronExpression cron = CronExpression.parse(schedule.cron());
				ZonedDateTime next = cron.next(from.atZone(zone).minusNanos(1));
				while (next != null && next.toInstant().isBefore(to) && occurrences.size() < 10_000) {
					occurrences.add(new Occurrence(context.projectKey(), name,
							Map.of("scheduledFor", next.toInstant().toString()), "system", next.toInstant()));
					next = cron.next(next);
				}
				note = "Each time its cron fired in the window.";
			}
			else {
				past.stream().filter(o -> o.trigger().equals(name)).forEach(occurrences::add);
				note = "Events from the audit record and the milestones' forecast history; task fields as they were"
						+ " then, other fields as they are now.";
			}
			results.add(evaluate(i, rule, compile(rule), occurrences, facts, note, false));
		}
		return new Replay(blueprint.name(), from, to, results);
	}

	private RuleDryRun evaluateDaily(int index, Rule rule, CompiledCondition condition, List<Occurrence> occurrences,
			PlanFacts facts, String note) {
		int wouldFire = 0;
		List<Match> matches = new ArrayList<>();
		for (Occurrence occurrence : occurrences) {
			PlanFacts onDay = facts.on(occurrence.at().atZone(facts.zone()).toLocalDate());
			Map<String, Object> variables;
			try {
				variables = Variables.of(occurrence, onDay, occurrence.at());
			}
			catch (Variables.Missing e) {
				continue;
			}
			ConditionResult result = condition == null ? ConditionResult.of(true)
					: Conditions.evaluate(condition, variables);
			if (result.value()) {
				wouldFire++;
			}
			if (matches.size() < EXAMPLES && (result.value() || result.failed())) {
				String[] subject = subject(variables);
				matches.add(new Match(subject[0], subject[1], subject[2], occurrence.at(),
						condition == null ? null : result.failed() ? null : result.value(), result.error(), List.of()));
			}
		}
		return new RuleDryRun(index, rule.name(), rule.when().name(), occurrences.size(), wouldFire, note, matches);
	}

	/** The event triggers' occurrences in the window, from the audit record and the forecast history. */
	private List<Occurrence> pastEvents(ProjectContext context, PlanFacts facts, Instant from, Instant to) {
		List<Occurrence> past = new ArrayList<>();
		for (AuditHistory.Recorded recorded : audit.changes(context.projectKey(),
				List.of("task", "deliverable", "milestone", "approval"), from, to)) {
			EntityChanged change = recorded.change();
			Instant at = recorded.recordedAt();
			switch (change.entityType()) {
				case "task" -> Occurrence.ofChange(change, at).forEach(occurrence -> {
					Map<String, Object> data = new LinkedHashMap<>(occurrence.data());
					data.put("$task", change.after());
					past.add(new Occurrence(occurrence.projectKey(), occurrence.trigger(), data, occurrence.actor(), at));
				});
				case "deliverable" -> past.addAll(Occurrence.ofChange(change, at));
				case "milestone" -> {
					if (change.action().equals("achieved")) {
						past.add(new Occurrence(context.projectKey(), "milestone.achieved",
								Map.of("milestoneId", change.entityId()), change.actor(), at));
					}
				}
				case "approval" -> approval(context, change, at).ifPresent(past::add);
				default -> {
				}
			}
		}
		past.addAll(statusChanges(context, facts, from, to));
		past.sort(java.util.Comparator.comparing(Occurrence::at));
		return past;
	}

	private static java.util.Optional<Occurrence> approval(ProjectContext context, EntityChanged change, Instant at) {
		Map<String, Object> after = change.after();
		String status = String.valueOf(after.getOrDefault("status", ""));
		String trigger = change.action().equals("requested") ? "approval.requested"
				: change.action().equals("decided") && !status.equals("PENDING") ? "approval.decided" : null;
		if (trigger == null) {
			return java.util.Optional.empty();
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
		return java.util.Optional.of(new Occurrence(context.projectKey(), trigger, data, change.actor(), at));
	}

	/**
	 * Status changes rebuilt from each milestone's forecast history: at risk when a recorded forecast
	 * fell after the target, on track when it came back, missed the day after a target passed
	 * without the milestone being achieved.
	 */
	private List<Occurrence> statusChanges(ProjectContext context, PlanFacts facts, Instant from, Instant to) {
		List<Occurrence> found = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : facts.plan().milestones()) {
			LocalDate target = milestone.targetDate();
			if (target == null) {
				continue;
			}
			String status = "ON_TRACK";
			for (Forecasts.TrendPoint point : forecasts.trend(context, milestone.id())) {
				if (point.statusDate().isAfter(target)) {
					// past its target a milestone is missed, not at risk; that change is rebuilt below
					continue;
				}
				String now = point.forecast().isAfter(target) ? "AT_RISK" : "ON_TRACK";
				Instant at = point.statusDate().atStartOfDay(facts.zone()).toInstant();
				if (!now.equals(status) && !at.isBefore(from) && at.isBefore(to)) {
					found.addAll(statusChange(context, milestone, status, now, at));
				}
				status = now;
			}
			Instant missedAt = target.plusDays(1).atStartOfDay(facts.zone()).toInstant();
			boolean achievedInTime = milestone.achievedAt() != null && milestone.achievedAt().isBefore(missedAt);
			if (!achievedInTime && !missedAt.isBefore(from) && missedAt.isBefore(to)) {
				found.addAll(statusChange(context, milestone, status, "MISSED", missedAt));
			}
		}
		return found;
	}

	private static List<Occurrence> statusChange(ProjectContext context, ProjectPlan.Milestone milestone, String from,
			String to, Instant at) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("milestoneId", milestone.id().toString());
		data.put("from", from);
		data.put("to", to);
		data.put("reasons", List.of());
		List<Occurrence> found = new ArrayList<>();
		found.add(new Occurrence(context.projectKey(), "milestone.status-changed", data, "system", at));
		if (to.equals("AT_RISK")) {
			found.add(new Occurrence(context.projectKey(), "milestone.at-risk", data, "system", at));
		}
		if (to.equals("MISSED")) {
			found.add(new Occurrence(context.projectKey(), "milestone.missed", data, "system", at));
		}
		return found;
	}

	/** Variables of a replayed task event: the task as the audit record had it then. */
	private static Map<String, Object> replayVariables(Occurrence occurrence, PlanFacts facts) {
		Map<String, Object> data = new LinkedHashMap<>(occurrence.data());
		Object state = data.remove("$task");
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("project", facts.projectVariable());
		Map<String, Object> task = new LinkedHashMap<>();
		Map<?, ?> after = state instanceof Map<?, ?> map ? map : Map.of();
		task.put("id", String.valueOf(data.get("taskId")));
		task.put("name", text(after.get("name")));
		task.put("status", after.get("state") == null ? "NOT_STARTED" : String.valueOf(after.get("state")));
		task.put("assignees", after.get("assignees") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
				: List.of());
		task.put("plannedStart", text(after.get("plannedStart")));
		task.put("plannedFinish", text(after.get("plannedFinish")));
		task.put("percentComplete", after.get("percentComplete") instanceof Number n ? n.longValue() : 0L);
		task.put("durationDays", after.get("durationDays") instanceof Number n ? n.longValue() : 0L);
		task.put("critical", false);
		variables.put("task", task);
		if (occurrence.trigger().equals("task.updated")) {
			variables.put("changes", data.get("changes") instanceof Map<?, ?> changes ? changes : Map.of());
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", occurrence.trigger());
		event.put("actor", occurrence.actor());
		event.put("at", occurrence.at().toString());
		event.put("today", occurrence.at().atZone(facts.zone()).toLocalDate().toString());
		variables.put("event", event);
		return variables;
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
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
