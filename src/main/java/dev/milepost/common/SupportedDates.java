package dev.milepost.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The dates Milepost takes from a client: from 1900-01-01 to 2199-12-31, written as the API
 * documents them ({@code 2026-03-02}; timestamps {@code 2026-03-02T09:00:00Z} or with an offset).
 * Far-off dates are far more likely a typo than a plan, they overflow the working-day arithmetic
 * of the schedule, and before 1583 the calendar a database driver converts through is not the one
 * the API speaks. Request bodies declare the range with {@link SupportedDate} on each date field;
 * query parameters and form fields are parsed here.
 */
public final class SupportedDates {

	static final String FIRST_TEXT = "1900-01-01";

	static final String LAST_TEXT = "2199-12-31";

	public static final LocalDate FIRST = LocalDate.parse(FIRST_TEXT);

	public static final LocalDate LAST = LocalDate.parse(LAST_TEXT);

	/** The range, to follow "must be" or "a date" in a refusal. */
	static final String RANGE = "from " + FIRST_TEXT + " to " + LAST_TEXT;

	/** What a date must look like, to complete "expected …" or "must be …" in a refusal. */
	public static final String DATE = "a date like 2026-03-02 " + RANGE;

	/** What a timestamp must look like, to complete "expected …" or "must be …" in a refusal. */
	public static final String TIMESTAMP = "a timestamp like 2026-03-02T09:00:00Z " + RANGE;

	private static final Instant START = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();

	private static final Instant END = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private SupportedDates() {
	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(FIRST) && !date.isAfter(LAST);
	}

	public static boolean contains(Instant instant) {
		return !instant.isBefore(START) && instant.isBefore(END);
	}

	/** The supported date the text names, or an {@link UnsupportedValueException} saying what is expected. */
	public static LocalDate parseDate(String text) {
		try {
			LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
			if (contains(date)) {
				return date;
			}
		}
		catch (DateTimeException e) {
			// refused below, with what is expected
		}
		throw new UnsupportedValueException("is not " + DATE);
	}

	/** The supported instant the text names, or an {@link UnsupportedValueException} saying what is expected. */
	public static Instant parseInstant(String text) {
		try {
			Instant instant = instantOf(text);
			if (contains(instant)) {
				return instant;
			}
		}
		catch (DateTimeException e) {
			// refused below, with what is expected
		}
		throw new UnsupportedValueException("is not " + TIMESTAMP);
	}

	/** A timestamp in the documented form, whatever its date; a {@link DateTimeException} otherwise. */
	static Instant instantOf(String text) {
		return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
	}

}
