package dev.milepost.common;

import java.time.DateTimeException;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a date or time only from a JSON string in the one form the API documents; any other token
 * or form is refused and {@link JsonProblems} names the field and the form expected. It reads the
 * form only: whether a request may name the value is for {@link SupportedDate} to say, while the
 * application's own JSON (a stored forecast, say) may hold any.
 */
abstract class IsoStringDeserializer<T> extends StdScalarDeserializer<T> {

	private final Class<T> type;

	private final Function<String, T> parser;

	IsoStringDeserializer(Class<T> type, Function<String, T> parser) {
		super(type);
		this.type = type;
		this.parser = parser;
	}

	@Override
	public T deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return type.cast(context.handleUnexpectedToken(type, parser));
		}
		String text = parser.getString();
		try {
			return this.parser.apply(text);
		}
		catch (DateTimeException e) {
			return type.cast(context.handleWeirdStringValue(type, text, "not " + JsonProblems.describe(type)));
		}
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.DateTime;
	}

}
