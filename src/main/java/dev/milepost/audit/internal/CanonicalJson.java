package dev.milepost.audit.internal;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes values as canonical JSON: object keys sorted, no whitespace, dates, ids and enums as
 * strings, whole numbers without a fraction. Equal values always give the same text, which is what
 * a hash chain needs. Hand-written rather than left to Jackson so that a library upgrade or a
 * changed mapper setting can never change the bytes of entries already hashed.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, normalize(value));
		return out.toString();
	}

	/**
	 * Reduces a value to JSON's own kinds (null, string, boolean, number, list, sorted map), so two
	 * values that would be written alike also compare equal.
	 */
	static Object normalize(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			TreeMap<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), normalize(item)));
			return sorted;
		}
		if (value instanceof Collection<?> items) {
			return normalizeAll(items);
		}
		if (value instanceof Object[] items) {
			return normalizeAll(Arrays.asList(items));
		}
		if (value instanceof Number number) {
			return normalizeNumber(number);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Record record) {
			return normalize(componentsOf(record));
		}
		if (value instanceof TemporalAccessor || value instanceof TemporalAmount || value instanceof UUID
				|| value instanceof CharSequence || value instanceof Character) {
			// ISO-8601 for dates and times, the usual text for ids
			return value.toString();
		}
		// never fail the change being recorded over a value's type: keep what it says of itself
		return value.toString();
	}

	private static List<Object> normalizeAll(Collection<?> items) {
		List<Object> normalized = new ArrayList<>(items.size());
		items.forEach(item -> normalized.add(normalize(item)));
		return normalized;
	}

	private static Object normalizeNumber(Number number) {
		if (number instanceof Byte || number instanceof Short || number instanceof Integer || number instanceof Long) {
			return number.longValue();
		}
		if (number instanceof BigInteger) {
			return number;
		}
		if (number instanceof BigDecimal decimal) {
			return wholeOrDecimal(decimal);
		}
		double d = number instanceof Float f ? Double.parseDouble(Float.toString(f)) : number.doubleValue();
		if (!Double.isFinite(d)) {
			// JSON has no NaN or infinity
			return Double.toString(d);
		}
		return wholeOrDecimal(BigDecimal.valueOf(d));
	}

	private static Object wholeOrDecimal(BigDecimal decimal) {
		BigDecimal stripped = decimal.stripTrailingZeros();
		return stripped.scale() <= 0 ? stripped.toBigIntegerExact() : stripped;
	}

	private static Map<String, Object> componentsOf(Record record) {
		Map<String, Object> components = new TreeMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			try {
				component.getAccessor().setAccessible(true);
				components.put(component.getName(), component.getAccessor().invoke(record));
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				components.put(component.getName(), String.valueOf(e));
			}
		}
		return components;
	}

	private static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			quote(out, text);
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(out, (String) entry.getKey());
				out.append(':');
				append(out, entry.getValue());
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				append(out, list.get(i));
			}
			out.append(']');
		}
		else {
			// booleans, longs and big integers
			out.append(value);
		}
	}

	private static void quote(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (c < 0x20 || Character.isSurrogate(c)) {
						// a lone surrogate has no UTF-8 form; escaped, the stored text and the hashed bytes agree
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
