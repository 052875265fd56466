package dev.milepost.interchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers the loss report while a file is read: per kind, how many and the first examples. */
final class Losses {

	static final int EXAMPLES = 5;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private static final class Entry {

		final String kept;

		int count;

		final List<String> examples = new ArrayList<>();

		Entry(String kept) {
			this.kept = kept;
		}

	}

	void add(String kind, String kept, String example) {
		add(kind, kept, 1, example);
	}

	void add(String kind, String kept, int count, String example) {
		Entry entry = entries.computeIfAbsent(kind, k -> new Entry(kept));
		entry.count += count;
		if (example != null && entry.examples.size() < EXAMPLES) {
			entry.examples.add(example);
		}
	}

	List<ImportPreview.Loss> report() {
		List<ImportPreview.Loss> report = new ArrayList<>();
		entries.forEach((kind, entry) -> report
			.add(new ImportPreview.Loss(kind, entry.kept, entry.count, List.copyOf(entry.examples))));
		return report;
	}

}
