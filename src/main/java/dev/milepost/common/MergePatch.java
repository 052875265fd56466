package dev.milepost.common;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396, nested objects merged member by member) to the editable
 * view of a resource and returns the result, read and validated exactly as a create request would
 * be. Unknown fields, wrong types and constraint violations come out as problems naming the field.
 */
@Component
public class MergePatch {

	private final JsonMapper mapper;

	private final Validator validator;

	MergePatch(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	public <T> T apply(T current, JsonNode patch, Class<T> type) {
		if (patch == null || !patch.isObject()) {
			throw new BadRequestException("body", "A PATCH body must be a JSON object of the fields to change.");
		}
		JsonNode merged = merge(mapper.valueToTree(current), patch);
		T result;
		try {
			result = mapper.treeToValue(merged, type);
		}
		catch (JacksonException e) {
			throw JsonProblems.toProblem(e);
		}
		validate(result);
		return result;
	}

	/**
	 * RFC 7396 section 2: a patch object changes the target member by member, recursing into
	 * objects, so {@code {"criterion": {"approver": "ana"}}} keeps the criterion's other fields; a
	 * null removes the member; anything else (text, a number, an array) replaces it whole.
	 */
	static JsonNode merge(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode merged = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
				: JsonNodeFactory.instance.objectNode();
		patch.properties().forEach(member -> {
			if (member.getValue().isNull()) {
				merged.remove(member.getKey());
			}
			else {
				merged.set(member.getKey(), merge(merged.get(member.getKey()), member.getValue()));
			}
		});
		return merged;
	}

	public <T> void validate(T value) {
		Set<ConstraintViolation<T>> violations = validator.validate(value);
		if (!violations.isEmpty()) {
			List<FieldError> errors = violations.stream()
				.map(v -> new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
				.sorted(java.util.Comparator.comparing(FieldError::field))
				.toList();
			throw new RuleViolationException("Some fields are invalid: " + errors.stream()
				.map(error -> error.field() + " " + error.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse(""), errors);
		}
	}

	/**
	 * The field as a client names it, the way Spring names it for a create request: a list
	 * element is {@code assignees[0]}, not the validator's {@code assignees[0].<list element>}.
	 */
	static String fieldOf(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable() && !field.isEmpty()) {
				Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
				field.append('[').append(position == null ? "" : position).append(']');
			}
			if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(node.getName());
			}
		}
		return field.toString();
	}

}
