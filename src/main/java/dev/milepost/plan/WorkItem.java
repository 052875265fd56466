package dev.milepost.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A task as a governance decision weighs it: how far it has come. Approvers are shown the open
 * ones before they decide, and the record keeps {@link #describe()} of each.
 */
public record WorkItem(UUID id, String name, int percentComplete, boolean started, boolean done) {

	/** The most a record of work keeps in full; beyond it, the rest is counted. */
	static final int RECORD_LIMIT = 60_000;

	/**
	 * The work as a record keeps it: one {@link #describe()} a line, null for none. A list too long
	 * to keep whole ends with how many more there were.
	 */
	public static String asRecord(List<WorkItem> work) {
		if (work.isEmpty()) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		int length = 0;
		for (int i = 0; i < work.size(); i++) {
			String line = work.get(i).describe();
			if (length + line.length() + 1 > RECORD_LIMIT) {
				lines.add("… and " + (work.size() - i) + " more");
				break;
			}
			lines.add(line);
			length += line.length() + 1;
		}
		return String.join("\n", lines);
	}

	/** The lines of a record made by {@link #asRecord}; none for null. */
	public static List<String> fromRecord(String record) {
		return record == null ? List.of() : List.of(record.split("\n"));
	}

	/** "Test (40 %)", or "Deploy (done)". */
	public String describe() {
		return name + (done ? " (done)" : " (" + percentComplete + " %)");
	}

}
