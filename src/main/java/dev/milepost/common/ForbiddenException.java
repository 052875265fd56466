package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The caller may see the thing but not do this to it (403). */
public class ForbiddenException extends MilepostException {

	public ForbiddenException(String message) {
		super(message, List.of());
	}

	public ForbiddenException(String field, String message) {
		super(message, List.of(new FieldError(field, message)));
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

	@Override
	public String title() {
		return "Not allowed";
	}

}
