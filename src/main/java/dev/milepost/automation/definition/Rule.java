package dev.milepost.automation.definition;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a blueprint.
 *
 * @param name unique within its blueprint
 * @param when the trigger
 * @param condition the CEL expression of {@code if}, or null
 * @param then the actions, run in order (1 to 10)
 */
public record Rule(String name, Trigger when, String condition, List<Action> then) {

	public Rule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(when, "when");
		then = List.copyOf(then);
	}

}
