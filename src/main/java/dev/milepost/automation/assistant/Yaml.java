package dev.milepost.automation.assistant;

import java.util.List;
import java.util.Map;

import dev.milepost.automation.assistant.Draft.DraftAction;
import dev.milepost.automation.assistant.Draft.DraftRule;

/** Writes a draft as blueprint YAML (docs/blueprints.md, "The format"), quoting every text. */
final class Yaml {

	private Yaml() {
	}

	static String write(String blueprint, String description, List<DraftRule> rules) {
		StringBuilder y = new StringBuilder();
		y.append("blueprint: ").append(scalar(blueprint)).append('\n');
		if (description != null) {
			y.append("description: ").append(scalar(description)).append('\n');
		}
		y.append("rules:\n");
		for (DraftRule rule : rules) {
			y.append("  - name: ").append(scalar(rule.name())).append('\n');
			y.append("    when:\n");
			y.append("      trigger: ").append(rule.trigger()).append('\n');
			rule.parameters().forEach((key, value) -> y.append("      ").append(key).append(": ").append(value(value)).append('\n'));
			if (rule.condition() != null) {
				y.append("    if: ").append(scalar(rule.condition())).append('\n');
			}
			y.append("    then:\n");
			for (DraftAction action : rule.actions()) {
				y.append("      - action: ").append(action.action()).append('\n');
				action.parameters().forEach((key, value) -> y.append("        ").append(key).append(": ")
					.append(value(value)).append('\n'));
			}
		}
		return y.toString();
	}

	private static String value(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return value.toString();
		}
		if (value instanceof List<?> list) {
			StringBuilder flow = new StringBuilder("[");
			for (Object item : list) {
				flow.append(flow.length() > 1 ? ", " : "").append(word(item.toString()));
			}
			return flow.append(']').toString();
		}
		if (value instanceof Map<?, ?>) {
			throw new IllegalArgumentException("maps are not drafted");
		}
		return word(value.toString());
	}

	/** A bare word stays bare (roles, channels, statuses); anything else is quoted. */
	private static String word(String text) {
		return text.matches("[A-Za-z][A-Za-z0-9_.-]*") && !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))
				? text : scalar(text);
	}

	private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "yes", "no", "on", "off",
			"null", "y", "n");

	/** A quoted YAML scalar: single quotes where they suffice, double quotes with escapes otherwise. */
	static String scalar(String text) {
		boolean plain = text.chars().allMatch(c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)
				&& c != 0x2028 && c != 0x2029 && c != 0xFEFF);
		if (plain) {
			return "'" + text.replace("'", "''") + "'";
		}
		StringBuilder q = new StringBuilder("\"");
		text.codePoints().forEach(c -> {
			switch (c) {
				case '"' -> q.append("\\\"");
				case '\\' -> q.append("\\\\");
				case '\n' -> q.append("\\n");
				case '\t' -> q.append("\\t");
				case '\r' -> q.append("\\r");
				default -> {
					if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
						q.append(String.format("\\u%04X", c));
					}
					else {
						q.appendCodePoint(c);
					}
				}
			}
		});
		return q.append('"').toString();
	}

	/** A CEL string literal, double-quoted with escapes. */
	static String celString(String text) {
		StringBuilder q = new StringBuilder("\"");
		text.codePoints().forEach(c -> {
			switch (c) {
				case '"' -> q.append("\\\"");
				case '\\' -> q.append("\\\\");
				case '\n' -> q.append("\\n");
				case '\r' -> q.append("\\r");
				case '\t' -> q.append("\\t");
				default -> {
					if (c < 0x20) {
						q.append(String.format("\\x%02X", c));
					}
					else {
						q.appendCodePoint(c);
					}
				}
			}
		});
		return q.append('"').toString();
	}

}
