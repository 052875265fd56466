package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The If-Match ETag no longer matches: someone changed the resource since the caller read it (412). */
public class PreconditionFailedException extends MilepostException {

	public PreconditionFailedException(String message) {
		super(message, List.of());
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.PRECONDITION_FAILED;
	}

	@Override
	public String title() {
		return "Changed since you read it";
	}

}
