package dev.milepost.common;

import java.time.Instant;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Reads a timestamp only as a string like {@code 2026-03-02T09:00:00Z} (or with an offset); not
 * Jackson's numbers of seconds since 1970, which a client sends by mistake far more often than on
 * purpose.
 */
@JacksonComponent
class IsoInstantDeserializer extends IsoStringDeserializer<Instant> {

	IsoInstantDeserializer() {
		super(Instant.class, SupportedDates::instantOf);
	}

}
