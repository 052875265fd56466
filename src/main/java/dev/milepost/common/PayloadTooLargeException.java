package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The request body is over the configured limit (413). */
public class PayloadTooLargeException extends MilepostException {

	public PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes; send less data per request.", List.of());
	}

	/** The same refusal in words of its own (an upload saying which limit it is over). */
	public PayloadTooLargeException(String message) {
		super(message, List.of());
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONTENT_TOO_LARGE;
	}

	@Override
	public String title() {
		return "Request too large";
	}

}
