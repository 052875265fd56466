package dev.milepost.automation.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The run whose action is executing on this thread: events captured meanwhile were caused by it.
 * The loop guard reads the chain back: how deep the causes go and which rules are in it.
 *
 * @param runId the run executing an action
 * @param depth how many runs led to it (0: caused by a person or a time trigger)
 * @param rules the rules of the chain so far, as {@code blueprintId#ruleIndex}, oldest first
 */
record RunCause(UUID runId, int depth, List<String> rules) {

	private static final ThreadLocal<RunCause> CURRENT = new ThreadLocal<>();

	static RunCause current() {
		return CURRENT.get();
	}

	static <T> T within(RunCause cause, Supplier<T> work) {
		RunCause outer = CURRENT.get();
		CURRENT.set(cause);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(outer);
			}
		}
	}

	static String ruleKey(UUID blueprintId, int ruleIndex) {
		return blueprintId + "#" + ruleIndex;
	}

	/** The chain as stored with a captured event: the rules, comma-separated. */
	String encoded() {
		return String.join(",", rules);
	}

	static List<String> decode(String rules) {
		List<String> list = new ArrayList<>();
		if (rules != null && !rules.isBlank()) {
			list.addAll(List.of(rules.split(",")));
		}
		return list;
	}

}
