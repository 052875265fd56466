package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An update came without If-Match (428): updates must name the version they were based on. */
public class PreconditionRequiredException extends MilepostException {

	public PreconditionRequiredException(String message) {
		super(message, List.of());
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.PRECONDITION_REQUIRED;
	}

	@Override
	public String title() {
		return "If-Match required";
	}

}
