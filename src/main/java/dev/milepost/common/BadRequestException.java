package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The request itself is malformed: unreadable JSON, wrong types, unknown fields (400). */
public class BadRequestException extends MilepostException {

	public BadRequestException(String message, List<FieldError> fieldErrors) {
		super(message, fieldErrors);
	}

	public BadRequestException(String field, String message) {
		this(message, List.of(new FieldError(field, message)));
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public String title() {
		return "Bad request";
	}

}
