package dev.milepost.job;

import java.util.List;

import dev.milepost.common.MilepostException;
import org.springframework.http.HttpStatus;

/** Every background worker is busy and the queue is full: try again shortly. */
public class JobsBusyException extends MilepostException {

	public JobsBusyException() {
		super("Too much work is running in the background right now; try again in a minute.", List.of());
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String title() {
		return "Busy";
	}

}
