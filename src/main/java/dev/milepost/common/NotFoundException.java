package dev.milepost.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Nothing the caller may see exists under that name (404). Also used to hide what outsiders may not know of. */
public class NotFoundException extends MilepostException {

	public NotFoundException(String message) {
		super(message, List.of());
	}

	public static NotFoundException of(String kind, Object id) {
		return new NotFoundException("No " + kind + " '" + id + "' exists, or you may not see it.");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String title() {
		return "Not found";
	}

}
