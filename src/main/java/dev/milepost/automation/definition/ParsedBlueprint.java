package dev.milepost.automation.definition;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a blueprint: either the blueprint or the problems (never both).
 *
 * @param blueprint the blueprint, null when there are problems
 * @param problems in document order; empty when valid
 */
public record ParsedBlueprint(Blueprint blueprint, List<Problem> problems) {

	public ParsedBlueprint {
		problems = List.copyOf(problems);
		if ((blueprint == null) == problems.isEmpty()) {
			throw new IllegalArgumentException("either a blueprint or problems");
		}
	}

	public boolean valid() {
		return blueprint != null;
	}

	public Optional<Blueprint> result() {
		return Optional.ofNullable(blueprint);
	}

}
