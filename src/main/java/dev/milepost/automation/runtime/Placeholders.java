package dev.milepost.automation.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{variable.field}}} placeholders from a run's variables, and the three-part
 * {@code {{changes.field.before}}} and {@code {{changes.field.after}}} of {@code task.updated}. A
 * list reads as its items joined by commas; a placeholder of a variable the trigger does not offer,
 * or of a field that did not change, reads as empty (the parser refuses unknown ones at save, so
 * only a stored draft from an older vocabulary can have one).
 */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern
		.compile("\\{\\{\\s*([a-zA-Z]+)\\.([a-zA-Z]+)(?:\\.([a-zA-Z]+))?\\s*}}");

	private Placeholders() {
	}

	static String render(String text, Map<String, Object> variables) {
		if (text == null) {
			return null;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			Object variable = variables.get(matcher.group(1));
			Object value = variable instanceof Map<?, ?> fields ? fields.get(matcher.group(2)) : null;
			if (matcher.group(3) != null) {
				value = value instanceof Map<?, ?> parts ? parts.get(matcher.group(3)) : null;
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(text(value)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** Placeholders filled in every text of a webhook payload, nested maps and lists included. */
	static Object renderAll(Object value, Map<String, Object> variables) {
		if (value instanceof String text) {
			return render(text, variables);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> rendered = new java.util.LinkedHashMap<>();
			map.forEach((key, each) -> rendered.put(String.valueOf(key), renderAll(each, variables)));
			return rendered;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(each -> renderAll(each, variables)).toList();
		}
		return value;
	}

	private static String text(Object value) {
		if (value == null || value instanceof Map<?, ?>) {
			return "";
		}
		if (value instanceof Collection<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

}
