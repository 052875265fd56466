package dev.milepost.automation.definition;

import java.util.List;

/**
 * The outcome of compiling a condition: the compiled condition, or its issues.
 *
 * @param condition null when there are issues
 * @param issues empty when it compiled
 */
public record ConditionCheck(CompiledCondition condition, List<ConditionIssue> issues) {

	public ConditionCheck {
		issues = List.copyOf(issues);
	}

	public boolean ok() {
		return condition != null;
	}

}
