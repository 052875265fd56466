package dev.milepost.common;

/**
 * A value of the right kind that Milepost will not store: a date outside the
 * {@linkplain SupportedDates supported range}, text that is not {@linkplain StorableText storable}.
 * Its reason completes a sentence about the field ("'start' is not a date like …"), wherever the
 * value came from: a JSON body, a query parameter or a form field.
 */
public class UnsupportedValueException extends IllegalArgumentException {

	private final String reason;

	public UnsupportedValueException(String reason) {
		super(reason);
		this.reason = reason;
	}

	/** What is wrong, to follow the field's name: "is not a date like 2026-03-31 from …". */
	public String reason() {
		return reason;
	}

}
