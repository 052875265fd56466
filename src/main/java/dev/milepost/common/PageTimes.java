package dev.milepost.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** How pages write moments: to the minute, in UTC, the same on every page ({@code ${@times.utc(x)}}). */
@Component("times")
public class PageTimes {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String utc(Instant instant) {
		return instant == null ? "" : MINUTES.format(instant);
	}

	/** The machine-readable form for a {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

}
