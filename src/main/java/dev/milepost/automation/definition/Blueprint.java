package dev.milepost.automation.definition;

import java.util.List;
import java.util.Objects;

/**
 * A parsed, valid blueprint.
 *
 * @param name the blueprint's name (up to 120 characters)
 * @param description optional, null when absent
 * @param rules 1 to 50 rules
 */
public record Blueprint(String name, String description, List<Rule> rules) {

	public Blueprint {
		Objects.requireNonNull(name, "name");
		rules = List.copyOf(rules);
	}

}
