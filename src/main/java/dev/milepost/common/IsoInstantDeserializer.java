package dev.milepost.common;

import java.time.DateTimeException;
import java.time.Instant;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a timestamp only as the API documents it, a string like {@code 2026-03-02T09:00:00Z} (or
 * with an offset); not Jackson's numbers of seconds since 1970, which a client sends by mistake far
 * more often than on purpose. Like {@link IsoDateDeserializer}, it reads the form only: whether a
 * request may name the timestamp is for {@link SupportedDate} to say, while the application's own
 * JSON (a stored forecast, say) may hold any.
 */
@JacksonComponent
class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

	IsoInstantDeserializer() {
		super(Instant.class);
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (Instant) context.handleUnexpectedToken(Instant.class, parser);
		}
		String text = parser.getString();
		try {
			return SupportedDates.instantOf(text);
		}
		catch (DateTimeException e) {
			return (Instant) context.handleWeirdStringValue(Instant.class, text, "not " + SupportedDates.TIMESTAMP);
		}
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.DateTime;
	}

}
