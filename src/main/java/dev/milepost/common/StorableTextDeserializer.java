package dev.milepost.common;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every JSON string as Jackson does (so a number or boolean for text is refused by the
 * coercion rules of {@link JsonConfiguration}) and then refuses what is not
 * {@linkplain StorableText storable text}, naming the field. The application's own stored JSON
 * passes here too; it never holds such text, as nothing could have stored it.
 */
@JacksonComponent
class StorableTextDeserializer extends StdScalarDeserializer<String> {

	StorableTextDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String text = StringDeserializer.instance.deserialize(parser, context);
		if (text == null) {
			return null;
		}
		try {
			return StorableText.check(text);
		}
		catch (UnsupportedValueException e) {
			throw new RefusedValueException(parser, text, String.class, e);
		}
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.Textual;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public Object getEmptyValue(DeserializationContext context) {
		return "";
	}

}
