package dev.milepost.interchange.internal;

import java.util.List;
import java.util.function.Function;

/**
 * The columns of the sheet and the CSV, in order: one list, so the two formats cannot drift apart.
 * A cell's value is text, a whole number, a date or null (empty).
 */
final class ExportColumns {

	/** A column: its heading and what a row holds in it. */
	record Column(String heading, Function<ExportTable.Row, Object> value) {
	}

	static final List<Column> ALL = List.of(
			new Column("ID", ExportTable.Row::id),
			new Column("Type", row -> row.milestone() ? "Milestone" : "Task"),
			new Column("Name", ExportTable.Row::name),
			new Column("Outline level", row -> ExportTable.OUTLINE_LEVEL),
			new Column("Duration (days)", ExportTable.Row::durationDays),
			new Column("Planned start", ExportTable.Row::plannedStart),
			new Column("Target", ExportTable.Row::target),
			new Column("Forecast start", ExportTable.Row::start),
			new Column("Forecast finish", ExportTable.Row::finish),
			new Column("Late start", ExportTable.Row::lateStart),
			new Column("Late finish", ExportTable.Row::lateFinish),
			new Column("Total float (days)", ExportTable.Row::totalFloat),
			new Column("Critical", row -> row.critical() ? "yes" : "no"),
			new Column("Actual start", ExportTable.Row::actualStart),
			new Column("Actual finish", ExportTable.Row::actualFinish),
			new Column("% complete", ExportTable.Row::percentComplete),
			new Column("Status", row -> row.status() == null ? null : row.status().name()),
			new Column("Resources", row -> text(String.join(", ", row.resources()))),
			new Column("Predecessors", row -> text(row.predecessorText())));

	private ExportColumns() {
	}

	private static String text(String text) {
		return text.isEmpty() ? null : text;
	}

	static List<String> headings() {
		return ALL.stream().map(Column::heading).toList();
	}

}
