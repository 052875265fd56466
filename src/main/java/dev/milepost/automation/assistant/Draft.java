package dev.milepost.automation.assistant;

import java.util.List;
import java.util.Map;

/**
 * What the grammar made of a request: the rules it understood, each sentence it understood with
 * its meaning, every word or clause it did not understand with its place in the text, and the
 * steps reading it took (see {@link Steps}).
 */
record Draft(List<DraftRule> rules, List<Understood> understood, List<NotUnderstood> notUnderstood, long steps) {

	/** A rule to write out: the trigger with its parameters, an optional CEL condition, the actions. */
	record DraftRule(String name, String trigger, Map<String, Object> parameters, String condition,
			List<DraftAction> actions) {
	}

	/** One action and its parameters, in the order they are written. */
	record DraftAction(String action, Map<String, Object> parameters) {
	}

}
