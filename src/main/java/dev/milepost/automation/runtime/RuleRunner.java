package dev.milepost.automation.runtime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.milepost.automation.definition.ActiveRule;
import dev.milepost.automation.definition.ConditionResult;
import dev.milepost.automation.definition.Conditions;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
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

	/** Runs the rules of a captured event. */
	void handle(PendingEvents.Pending pending) {
		Occurrence occurrence = pending.occurrence();
		List<ActiveRule> rules = book.rules(pending.projectId(), occurrence);
		if (rules.isEmpty()) {
			return;
		}
		Supplier<PlanFacts> facts = memo(() -> facts(pending.projectId()));
		for (ActiveRule rule : rules) {
			run(pending.projectId(), occurrence, rule,
					"event:" + pending.id() + ":" + rule.versionId() + ":" + rule.ruleIndex(), pending.causeRunId(),
					pending.causeDepth(), pending.causeRules(), facts);
		}
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
		Optional<UUID> started = log.begin(new RunLog.Start(dedupeKey, projectId, occurrence.projectKey(),
				rule.blueprintId(), rule.blueprintName(), rule.versionId(), rule.versionNumber(), rule.ruleIndex(),
				rule.rule().name(), occurrence.trigger(), occurrence.data(), rule.rule().condition(), causeRunId,
				depth));
		if (started.isEmpty()) {
			return Optional.empty();
		}
		UUID runId = started.get();
		String ruleKey = RunCause.ruleKey(rule.blueprintId(), rule.ruleIndex());
		PlanFacts known;
		Map<String, Object> variables;
		try {
			known = facts.get();
			variables = Variables.of(occurrence, known, clock.instant());
		}
		catch (Variables.Missing e) {
			log.condition(runId, null, e.getMessage());
			log.finish(runId, RunLog.Status.CONDITION_ERROR, e.getMessage());
			return started;
		}
		ActionRunner.Run run = new ActionRunner.Run(runId, projectId, occurrence.projectKey(), rule.blueprintName(),
				rule.rule().name(), rule.rule().then(), variables, known, null);
		if (depth > maxDepth || causeRules.contains(ruleKey)) {
			String message = causeRules.contains(ruleKey)
					? "Stopped a loop: rule '" + rule.rule().name() + "' of blueprint '" + rule.blueprintName()
							+ "' was triggered by an effect of its own earlier run (run " + causeRunId + "); nothing was done."
					: "Stopped a chain of rules " + depth + " deep (the limit is " + maxDepth + "): rule '"
							+ rule.rule().name() + "' of blueprint '" + rule.blueprintName()
							+ "' was triggered by run " + causeRunId + "; nothing was done.";
			log.finish(runId, RunLog.Status.LOOP_STOPPED, message);
			actions.incident(run, "LOOP_STOPPED", message);
			return started;
		}
		if (rule.condition() != null) {
			ConditionResult result = Conditions.evaluate(rule.condition(), variables);
			log.condition(runId, result.failed() ? null : result.value(), result.error());
			if (result.failed()) {
				String message = "The condition of rule '" + rule.rule().name() + "' in blueprint '"
						+ rule.blueprintName() + "' could not be evaluated: " + result.error();
				log.finish(runId, RunLog.Status.CONDITION_ERROR, message);
				actions.incident(run, "CONDITION_ERROR", message);
				return started;
			}
			if (!result.value()) {
				log.finish(runId, RunLog.Status.SKIPPED, "The condition did not hold.");
				return started;
			}
		}
		List<String> chain = new ArrayList<>(causeRules);
		chain.add(ruleKey);
		List<String> failures = actions.runAll(new ActionRunner.Run(runId, projectId, occurrence.projectKey(),
				rule.blueprintName(), rule.rule().name(), rule.rule().then(), variables, known,
				new RunCause(runId, depth, chain)));
		log.finish(runId, failures.isEmpty() ? RunLog.Status.SUCCEEDED : RunLog.Status.FAILED,
				failures.isEmpty() ? rule.rule().then().size() + " action(s) taken." : String.join(" ", failures));
		return started;
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
