package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state, e.g. a duplicate key or dependents in the way (409). */
public class ConflictException extends MilepostException {

	public ConflictException(String message) {
		super(message, List.of());
	}

	public ConflictException(String field, String message) {
		super(message, List.of(new FieldError(field, message)));
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
