package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal a person can act on. Each subclass fixes the HTTP status; the message says what was
 * wrong and how to fix it, and {@link #fieldErrors()} names the offending fields.
 */
public abstract class MilepostException extends RuntimeException {

	private final List<FieldError> fieldErrors;

	protected MilepostException(String message, List<FieldError> fieldErrors) {
		super(message);
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	public abstract HttpStatus status();

	public abstract String title();

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

}
