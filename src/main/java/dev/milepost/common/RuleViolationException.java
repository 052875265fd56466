package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The request was understood but breaks a rule of the domain (422). */
public class RuleViolationException extends MilepostException {

	public RuleViolationException(String message, List<FieldError> fieldErrors) {
		super(message, fieldErrors);
	}

	public RuleViolationException(String field, String message) {
		this(message, List.of(new FieldError(field, message)));
	}

	public RuleViolationException(String message) {
		this(message, List.of());
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

	@Override
	public String title() {
		return "Rule violated";
	}

}
