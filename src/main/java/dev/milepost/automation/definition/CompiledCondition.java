package dev.milepost.automation.definition;

import dev.cel.runtime.CelRuntime;

/**
 * A type-checked CEL condition, ready to evaluate with {@link Conditions#evaluate}. Immutable and
 * safe to share between threads.
 */
public final class CompiledCondition {

	private final String trigger;

	private final String expression;

	private final CelRuntime.Program program;

	CompiledCondition(String trigger, String expression, CelRuntime.Program program) {
		this.trigger = trigger;
		this.expression = expression;
		this.program = program;
	}

	/** The trigger whose variables it was checked against. */
	public String trigger() {
		return trigger;
	}

	/** The CEL text as written. */
	public String expression() {
		return expression;
	}

	CelRuntime.Program program() {
		return program;
	}

	@Override
	public String toString() {
		return expression;
	}

}
