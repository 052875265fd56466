package dev.milepost.audit.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a change did to each field: {@code {"field": {"before": x, "after": y}}}, unchanged fields left out. */
final class FieldChanges {

	private FieldChanges() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> between(Map<String, Object> before, Map<String, Object> after) {
		// compared in normalized form, so an int 1 and a long 1, or a date and its ISO text, are no change
		Map<String, Object> was = (Map<String, Object>) CanonicalJson.normalize(before);
		Map<String, Object> is = (Map<String, Object>) CanonicalJson.normalize(after);
		Set<String> fields = new TreeSet<>(was.keySet());
		fields.addAll(is.keySet());
		Map<String, Object> changes = new TreeMap<>();
		for (String field : fields) {
			Object from = was.get(field);
			Object to = is.get(field);
			if (!Objects.equals(from, to)) {
				Map<String, Object> change = new TreeMap<>();
				change.put("before", from);
				change.put("after", to);
				changes.put(field, change);
			}
		}
		return changes;
	}

}
