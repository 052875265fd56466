package dev.milepost.common;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson's reading errors into a {@link BadRequestException} that names the field. */
public final class JsonProblems {

	private JsonProblems() {
	}

	public static MilepostException toProblem(JacksonException e) {
		String field = fieldPath(e);
		if (e instanceof UnrecognizedPropertyException unknown) {
			return new BadRequestException(field, "Unknown field '" + unknown.getPropertyName()
					+ "'; leave it out or check its spelling.");
		}
		if (e instanceof ValueInstantiationException && e.getCause() instanceof MilepostException refusal) {
			return refusal;
		}
		if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException bad) {
			return new BadRequestException(field.isEmpty() ? "body" : field, bad.getMessage());
		}
		if (e instanceof InvalidNullException
				|| (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).contains("`null`"))) {
			return new BadRequestException(field, "'" + field + "' must not be null.");
		}
		if (e instanceof RefusedValueException refused) {
			return new BadRequestException(field, "'" + field + "' " + refused.reason() + ".");
		}
		if (e instanceof InvalidFormatException format) {
			return new BadRequestException(field, "'" + field + "' has an invalid value " + quote(format.getValue())
					+ "; expected " + describe(format.getTargetType()) + ".");
		}
		if (e instanceof MismatchedInputException mismatch && !field.isEmpty()) {
			return new BadRequestException(field,
					"'" + field + "' has the wrong type; expected " + describe(mismatch.getTargetType()) + ".");
		}
		if (e instanceof InputCoercionException coercion && !field.isEmpty()) {
			// the JSON is well formed, only this field's number does not fit its type
			return new BadRequestException(field,
					"'" + field + "' is out of range for " + describe(coercion.getTargetType()) + ".");
		}
		if (e instanceof StreamConstraintsException) {
			return new BadRequestException("body", "The JSON is too deeply nested or too long: " + e.getOriginalMessage());
		}
		if (e instanceof StreamReadException) {
			return new BadRequestException("body", "The body is not valid JSON: " + e.getOriginalMessage());
		}
		return new BadRequestException(field.isEmpty() ? "body" : field,
				"The body could not be read: " + e.getOriginalMessage());
	}

	static String fieldPath(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String quote(Object value) {
		return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
	}

	/** What a value of the type looks like, to complete "expected …". */
	static String describe(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (type == java.time.LocalDate.class) {
			return SupportedDates.DATE;
		}
		if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
			return SupportedDates.TIMESTAMP;
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == java.util.UUID.class) {
			return "an id (UUID)";
		}
		if (type.isEnum()) {
			return "one of " + List.of(type.getEnumConstants());
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object";
	}

}
