package dev.milepost.automation.definition;

/**
 * The value of a condition for one event.
 *
 * @param value true when the condition holds (false when it could not be evaluated)
 * @param error why it could not be evaluated, or null when it was
 */
public record ConditionResult(boolean value, String error) {

	public static ConditionResult of(boolean value) {
		return new ConditionResult(value, null);
	}

	public static ConditionResult failed(String error) {
		return new ConditionResult(false, error);
	}

	public boolean failed() {
		return error != null;
	}

}
