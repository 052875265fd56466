package dev.milepost.common;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * An {@link UnsupportedValueException} met while reading JSON, as a Jackson error so Jackson adds
 * the path of the field it was reading; {@link JsonProblems} names that field with the reason.
 */
final class RefusedValueException extends InvalidFormatException {

	private final String reason;

	RefusedValueException(JsonParser parser, Object value, Class<?> type, UnsupportedValueException refusal) {
		super(parser, refusal.reason(), value, type);
		this.reason = refusal.reason();
	}

	String reason() {
		return reason;
	}

}
