package dev.milepost.automation.runtime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.milepost.automation.definition.Action;
import dev.milepost.automation.definition.ActiveBlueprints;
import dev.milepost.automation.definition.ActiveRule;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRoster;
import dev.milepost.plan.ProjectTimeZones;
import dev.milepost.schedule.Forecasts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the rules an occurrence triggers: for each, once (the dedupe key), with the loop guard
 * first, then the CEL variables, the condition and the actions, logging all of it.
 */
@Component
class RuleRunner {

	private final RuleBook book;

	private final RunLog log;

	private final ActionRunner actions;

	private final ProjectAccess access;

	private final Forecasts forecasts;

	private final PlanQueries plans;

	private final ProjectTimeZones zones;

	private final Clock clock;

	private final int maxDepth;

	RuleRunner(RuleBook book, RunLog log, ActionRunner actions, ProjectAccess access, Forecasts forecasts,
			PlanQueries plans, ProjectTimeZones zones, Clock clock,
			@Value("${milepost.automation.max-depth:3}") int maxDepth) {
		this.book = book;
		this.log = log;
		this.actions = actions;
		this.access = access;
		this.forecasts = forecasts;
		this.plans = plans;
		this.zones = zones;
		this.clock = clock;
		this.maxDepth = maxDepth;
	}

	/**
	 * Runs the rules of a batch of captured events, in order, in the caller's transaction. Their
	 * runs are started in one write (with {@code deferRuns}, those that only tell people are
	 * written whole at the end instead, so a run that had run before fails the batch there). What
	 * is in force and the plan as rules see it are read once per project (at handling time, so
	 * events handled together share them; the plan is read again after a run whose actions may
	 * have changed it), and the notices and run-log entries of the batch are written together at
	 * its end.
	 */
	void handleAll(List<PendingEvents.Pending> events, boolean deferRuns) {
		record Planned(PendingEvents.Pending event, ActiveRule rule, RunLog.Start start) {
		}
		Map<UUID, ActiveBlueprints.InForce> inForce = new HashMap<>();
		List<Planned> planned = new ArrayList<>();
		for (PendingEvents.Pending pending : events) {
			Occurrence occurrence = pending.occurrence();
			for (ActiveRule rule : RuleBook.rules(inForce.computeIfAbsent(pending.projectId(), book::inForce),
					occurrence)) {
				planned.add(new Planned(pending, rule, start(pending.projectId(), occurrence, rule,
						"event:" + pending.id() + ":" + rule.versionId() + ":" + rule.ruleIndex(), pending.causeRunId(),
						pending.causeDepth())));
			}
		}
		// a run that only tells people is written whole at the end of the batch; the others when they begin
		RunBatch batch = new RunBatch();
		List<Planned> writtenFirst = deferRuns ? planned.stream().filter(p -> !onlyTells(p.rule())).toList() : planned;
		List<Optional<UUID>> begun = log.beginAll(writtenFirst.stream().map(Planned::start).toList());
		List<Optional<UUID>> started = new ArrayList<>();
		for (int i = 0, first = 0; i < planned.size(); i++) {
			if (first < writtenFirst.size() && writtenFirst.get(first) == planned.get(i)) {
				started.add(begun.get(first++));
			}
			else {
				UUID runId = UUID.randomUUID();
				batch.begin(runId, planned.get(i).start());
				started.add(Optional.of(runId));
			}
		}
		Map<UUID, Supplier<PlanFacts>> facts = new HashMap<>();
		for (int i = 0; i < planned.size(); i++) {
			if (started.get(i).isEmpty()) {
				continue;
			}
			PendingEvents.Pending pending = planned.get(i).event();
			ActiveRule rule = planned.get(i).rule();
			UUID projectId = pending.projectId();
			Supplier<PlanFacts> known = facts.computeIfAbsent(projectId, id -> memo(() -> facts(id)));
			boolean acted = execute(started.get(i).get(), projectId, pending.occurrence(), rule, pending.causeRunId(),
					pending.causeDepth(), pending.causeRules(), known, batch);
			if (acted && rule.rule().then().stream().anyMatch(RuleRunner::mayChangePlan)) {
				facts.remove(projectId);
			}
		}
		actions.flush(batch);
	}

	/**
	 * Records that the rules of an event were given up after its last try: an incident with no
	 * run (its runs were rolled back with each try), and a notice to the project's manager.
	 */
	void gaveUp(PendingEvents.Pending event, String error) {
		Occurrence occurrence = event.occurrence();
		String message = "The rules for a " + occurrence.trigger() + " event of " + occurrence.at()
				+ " could not be run after " + PendingEvents.MAX_ATTEMPTS + " tries and were given up: " + error;
		actions.incident(event.projectId(), occurrence.projectKey(), null,
				plans.roster(event.projectId()).map(ProjectRoster::manager).orElse(null),
				"Automation needs a look: a " + occurrence.trigger() + " event was given up", "EVENT_FAILED", message);
	}

	/** Whether all the rule's actions only tell people (their runs can be written whole when they end). */
	static boolean onlyTells(ActiveRule rule) {
		return rule.rule().then().stream().allMatch(RuleRunner::tells);
	}

	/** Whether an action may change what rules see of the plan (telling people or calling a webhook does not). */
	static boolean mayChangePlan(Action action) {
		return !(tells(action) || action instanceof Action.CallWebhook);
	}

	private static boolean tells(Action action) {
		return action instanceof Action.Notify || action instanceof Action.RemindFeedingTaskOwners
				|| action instanceof Action.Escalate;
	}

	/** The plan as rules see it now, in the project's zone. */
	PlanFacts facts(UUID projectId) {
		ProjectContext context = access.asAutomation(projectId, null)
			.orElseThrow(() -> new Variables.Missing("The project no longer exists."));
		ZoneId zone = zones.of(projectId);
		return new PlanFacts(forecasts.forecast(context), plans.roster(projectId).orElse(null), zone,
				LocalDate.now(clock.withZone(zone)));
	}

	/**
	 * Runs one rule for one occurrence, unless a run with the same dedupe key exists. Returns the
	 * run's id when this call ran it.
	 */
	Optional<UUID> run(UUID projectId, Occurrence occurrence, ActiveRule rule, String dedupeKey, UUID causeRunId,
			int depth, List<String> causeRules, Supplier<PlanFacts> facts) {
		Optional<UUID> started = log.begin(start(projectId, occurrence, rule, dedupeKey, causeRunId, depth));
		started.ifPresent(runId -> execute(runId, projectId, occurrence, rule, causeRunId, depth, causeRules, facts,
				null));
		return started;
	}

	private static RunLog.Start start(UUID projectId, Occurrence occurrence, ActiveRule rule, String dedupeKey,
			UUID causeRunId, int depth) {
		return new RunLog.Start(dedupeKey, projectId, occurrence.projectKey(), rule.blueprintId(), rule.blueprintName(),
				rule.versionId(), rule.versionNumber(), rule.ruleIndex(), rule.rule().name(), occurrence.trigger(),
				occurrence.data(), rule.rule().condition(), causeRunId, depth);
	}

	/**
	 * Runs a started run: the loop guard, the variables, the condition, the actions and the run's
	 * end, which a batch (when given) writes with the rest. Returns whether its actions were taken.
	 */
	private boolean execute(UUID runId, UUID projectId, Occurrence occurrence, ActiveRule rule, UUID causeRunId,
			int depth, List<String> causeRules, Supplier<PlanFacts> facts, RunBatch batch) {
		String ruleKey = RunCause.ruleKey(rule.blueprintId(), rule.ruleIndex());
		PlanFacts known;
		RuleDecision.Decision decision;
		try {
			known = facts.get();
			decision = RuleDecision.decide(rule.rule(), rule.condition(), occurrence, known, clock.instant());
		}
		catch (Variables.Missing e) {
			finish(batch, runId, RunLog.Status.CONDITION_ERROR, e.getMessage(), null, e.getMessage());
			return false;
		}
		if (decision instanceof RuleDecision.Missing missing) {
			finish(batch, runId, RunLog.Status.CONDITION_ERROR, missing.message(), null, missing.message());
			return false;
		}
		if (decision instanceof RuleDecision.NotListening) {
			finish(batch, runId, RunLog.Status.SKIPPED, "The trigger's parameters do not match this event.", null, null);
			return false;
		}
		Map<String, Object> variables = decision.variables();
		ActionRunner.Run run = new ActionRunner.Run(runId, projectId, occurrence.projectKey(), rule.blueprintName(),
				rule.rule().name(), rule.rule().then(), variables, known, null, occurrence.about());
		if (depth > maxDepth || causeRules.contains(ruleKey)) {
			String message = causeRules.contains(ruleKey)
					? "Stopped a loop: rule '" + rule.rule().name() + "' of blueprint '" + rule.blueprintName()
							+ "' was triggered by an effect of its own earlier run (run " + causeRunId + "); nothing was done."
					: "Stopped a chain of rules " + depth + " deep (the limit is " + maxDepth + "): rule '"
							+ rule.rule().name() + "' of blueprint '" + rule.blueprintName()
							+ "' was triggered by run " + causeRunId + "; nothing was done.";
			finish(batch, runId, RunLog.Status.LOOP_STOPPED, message, null, null);
			if (batch != null) {
				batch.written(runId, log);
			}
			actions.incident(run, "LOOP_STOPPED", message);
			return false;
		}
		if (decision instanceof RuleDecision.ConditionFailed failed) {
			String message = "The condition of rule '" + rule.rule().name() + "' in blueprint '" + rule.blueprintName()
					+ "' could not be evaluated: " + failed.error();
			finish(batch, runId, RunLog.Status.CONDITION_ERROR, message, null, failed.error());
			if (batch != null) {
				batch.written(runId, log);
			}
			actions.incident(run, "CONDITION_ERROR", message);
			return false;
		}
		if (decision instanceof RuleDecision.Skipped) {
			finish(batch, runId, RunLog.Status.SKIPPED, "The condition did not hold.", false, null);
			return false;
		}
		Boolean conditionValue = ((RuleDecision.Fires) decision).conditionValue();
		List<String> chain = new ArrayList<>(causeRules);
		chain.add(ruleKey);
		List<String> failures = actions.runAll(new ActionRunner.Run(runId, projectId, occurrence.projectKey(),
				rule.blueprintName(), rule.rule().name(), rule.rule().then(), variables, known,
				new RunCause(runId, depth, chain), occurrence.about()), batch);
		finish(batch, runId, failures.isEmpty() ? RunLog.Status.SUCCEEDED : RunLog.Status.FAILED,
				failures.isEmpty() ? rule.rule().then().size() + " action(s) taken." : String.join(" ", failures),
				conditionValue, null);
		return true;
	}

	private void finish(RunBatch batch, UUID runId, RunLog.Status status, String detail, Boolean conditionValue,
			String conditionError) {
		RunLog.Finish finish = new RunLog.Finish(runId, status, detail, conditionValue, conditionError);
		if (batch != null) {
			batch.finish(finish);
		}
		else {
			log.finishAll(List.of(finish));
		}
	}

	static <T> Supplier<T> memo(Supplier<T> supplier) {
		return new Supplier<>() {

			private T value;

			@Override
			public T get() {
				if (value == null) {
					value = supplier.get();
				}
				return value;
			}

		};
	}

}
