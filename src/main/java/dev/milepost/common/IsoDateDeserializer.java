package dev.milepost.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a date only in the one form the API documents: a string like {@code 2026-03-31}.
 * Jackson's own reader also takes {@code [2026, 3, 31]}, a number of days since 1970, a
 * timestamp cut down to its date, and {@code ""} as no date at all; from a client each of those
 * is far more likely a mistake than a wish, and silently stored it is a wrong plan, so each is
 * refused and {@link JsonProblems} names the field. Whether a request may name the date is for
 * {@link SupportedDate} to say; the application's own JSON (a stored forecast, say) may hold any.
 */
@JacksonComponent
class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

	IsoDateDeserializer() {
		super(LocalDate.class);
	}

	@Override
	public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
		}
		String text = parser.getString();
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date like 2026-03-31");
		}
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.DateTime;
	}

}
