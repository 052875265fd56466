package dev.milepost.automation.definition;

import java.util.List;

import dev.milepost.common.FieldError;
import dev.milepost.common.RuleViolationException;

/** A blueprint version that is not valid cannot run: 422 with each problem, located. */
class InvalidBlueprintException extends RuleViolationException {

	InvalidBlueprintException(String message, List<Problem> problems) {
		super(message, problems.stream()
			.map(p -> new FieldError(p.path().isEmpty() ? "yaml" : p.path(),
					"line " + p.line() + ", column " + p.column() + ": " + p.message()))
			.toList());
	}

}
