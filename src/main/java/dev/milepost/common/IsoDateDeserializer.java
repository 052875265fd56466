package dev.milepost.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Reads a date only as a string like {@code 2026-03-02}. Jackson's own reader also takes
 * {@code [2026, 3, 2]}, a number of days since 1970, a timestamp cut down to its date, and
 * {@code ""} as no date at all; from a client each of those is far more likely a mistake than a
 * wish, and silently stored it is a wrong plan, so each is refused.
 */
@JacksonComponent
class IsoDateDeserializer extends IsoStringDeserializer<LocalDate> {

	IsoDateDeserializer() {
		super(LocalDate.class, text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
	}

}
