package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.Map;

import dev.milepost.automation.definition.CompiledCondition;
import dev.milepost.automation.definition.ConditionResult;
import dev.milepost.automation.definition.Conditions;
import dev.milepost.automation.definition.Rule;

/**
 * Whether a rule fires for an occurrence, given the plan as rules see it: the trigger's
 * parameters, the CEL variables and the condition. The one decision the runtime takes before a
 * rule's actions and the rehearsals count (a dry run now, a replay over past events), so that they
 * cannot disagree on what a rule would do.
 */
final class RuleDecision {

	private RuleDecision() {
	}

	/** What was decided. */
	sealed interface Decision permits NotListening, Missing, ConditionFailed, Skipped, Fires {

		/** The CEL variables the decision was taken on (none when the trigger or its subject did not match). */
		default Map<String, Object> variables() {
			return Map.of();
		}

		/** Whether the rule's actions are taken. */
		default boolean fires() {
			return this instanceof Fires;
		}

	}

	/** The trigger's parameters ({@code fields}, {@code from}/{@code to}, …) do not accept the occurrence. */
	record NotListening() implements Decision {
	}

	/** The thing the occurrence is about no longer exists (deleted before the rule ran). */
	record Missing(String message) implements Decision {
	}

	/** The condition could not be evaluated. */
	record ConditionFailed(Map<String, Object> variables, String error) implements Decision {
	}

	/** The condition did not hold. */
	record Skipped(Map<String, Object> variables) implements Decision {
	}

	/** The rule fires: its actions are taken with these variables; the condition's value, null without one. */
	record Fires(Map<String, Object> variables, Boolean conditionValue) implements Decision {
	}

	/**
	 * Decides one rule for one occurrence against the plan as rules see it at {@code now}
	 * ({@code event.today} is that day in the project's zone).
	 */
	static Decision decide(Rule rule, CompiledCondition condition, Occurrence occurrence, PlanFacts facts, Instant now) {
		if (!RuleBook.accepts(rule.when(), occurrence.data())) {
			return new NotListening();
		}
		Map<String, Object> variables;
		try {
			variables = Variables.of(occurrence, facts, now);
		}
		catch (Variables.Missing e) {
			return new Missing(e.getMessage());
		}
		if (condition == null) {
			return new Fires(variables, null);
		}
		ConditionResult result = Conditions.evaluate(condition, variables);
		if (result.failed()) {
			return new ConditionFailed(variables, result.error());
		}
		return result.value() ? new Fires(variables, true) : new Skipped(variables);
	}

}
