package dev.milepost.interchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.common.SupportedDates;
import dev.milepost.interchange.internal.ImportRefusals.UnreadableFile;
import dev.milepost.plan.LinkType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A plan from a spreadsheet (.xlsx, first sheet) or CSV: one row per task or milestone under a
 * heading row, read through a column mapping (which column holds the name, the duration, the
 * predecessors …). Without a mapping the headings are matched by name (Milepost's own export's
 * headings among them). Predecessors are written as Milepost exports them: {@code 3FS, 12SS+2d}
 * (the row's ID, or without an ID column its number under the headings, the type, a lag in days).
 * Everything else in the sheet is reported as not kept.
 */
final class SheetReading {

	/** The fields a column may be mapped to, each with the headings it is found by when no mapping is given. */
	enum Field {

		ID("id", "unique id", "uid", "#"), TYPE("type", "kind"), NAME("name", "task name", "task", "activity name"),
		DURATION("duration (days)", "duration", "days"), PLANNED_START("planned start", "start", "start date"),
		TARGET("target", "deadline", "due date", "finish", "finish date"),
		PREDECESSORS("predecessors", "depends on", "predecessor"), PERCENT_COMPLETE("% complete", "percent complete",
				"progress"), DESCRIPTION("description", "notes");

		final List<String> headings;

		Field(String... headings) {
			this.headings = List.of(headings);
		}

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static final int MAX_ROWS = 50_000;

	private static final Pattern PREDECESSOR = Pattern
		.compile("\\s*([^\\s,;]+?)\\s*(FS|SS|FF|SF)?\\s*(?:([+-])\\s*(\\d+(?:\\.\\d+)?)\\s*d?)?\\s*");

	private SheetReading() {
	}

	/** The heading row and the rows under it, as text (dates as 2026-03-02). */
	record Table(List<String> headings, List<List<String>> rows) {
	}

	static Table table(ImportFormat format, byte[] bytes) {
		return format == ImportFormat.CSV ? csv(bytes) : xlsx(bytes);
	}

	private static Table csv(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try (CSVParser parser = CSVFormat.RFC4180.builder().get()
			.parse(new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start),
					StandardCharsets.UTF_8))) {
			List<List<String>> all = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (all.size() > MAX_ROWS) {
					throw new UnreadableFile("The file has more than " + MAX_ROWS + " rows; split the plan.");
				}
				all.add(record.toList());
			}
			return split(all);
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw new UnreadableFile("The file is not readable CSV: " + e.getMessage());
		}
	}

	/** POI's guard against ZIP bombs (an inflate ratio under 1 %, entries over 4 GB) stays on: it refuses them. */
	private static Table xlsx(byte[] bytes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new UnreadableFile("The workbook has no sheet.");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			List<List<String>> all = new ArrayList<>();
			for (Row row : sheet) {
				if (all.size() > MAX_ROWS) {
					throw new UnreadableFile("The sheet has more than " + MAX_ROWS + " rows; split the plan.");
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.min(row.getLastCellNum(), 200); c++) {
					cells.add(text(row.getCell(c), formatter));
				}
				while (all.size() < row.getRowNum() && !all.isEmpty()) {
					all.add(List.of());
				}
				all.add(cells);
			}
			return split(all);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UnreadableFile refused) {
				throw refused;
			}
			String message = String.valueOf(e.getMessage());
			if (message.contains("Zip bomb")) {
				throw new UnreadableFile("The workbook expands to far more than its size (a ZIP bomb): "
						+ "Milepost does not open it.");
			}
			throw new UnreadableFile("The file could not be read as an Excel workbook (.xlsx): "
					+ (message.length() > 300 ? message.substring(0, 300) + "…" : message));
		}
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		if (cell.getCellType() == CellType.FORMULA) {
			return "";
		}
		return formatter.formatCellValue(cell);
	}

	private static Table split(List<List<String>> all) {
		List<List<String>> rows = all.stream().filter(row -> row.stream().anyMatch(cell -> !cell.isBlank())).toList();
		if (rows.isEmpty()) {
			throw new UnreadableFile("The file is empty: it needs a heading row and a row per task or milestone.");
		}
		List<String> headings = rows.get(0).stream().map(String::strip).toList();
		return new Table(headings, rows.subList(1, rows.size()));
	}

	/**
	 * Which column each field is read from: the given mapping where it names headings the file has,
	 * else the headings matched by name. Refuses (422) a mapping naming a heading the file lacks, and a
	 * file without a name column.
	 */
	static Map<String, String> mapping(Table table, Map<String, String> given) {
		Map<String, String> mapping = new LinkedHashMap<>();
		if (given != null && !given.isEmpty()) {
			for (Map.Entry<String, String> entry : given.entrySet()) {
				Field field = field(entry.getKey());
				if (entry.getValue() == null || entry.getValue().isBlank()) {
					continue;
				}
				if (entry.getValue().length() > 200 || !table.headings().contains(entry.getValue().strip())) {
					throw new UnreadableFile("The mapping reads " + field.key() + " from the column '" + entry.getValue()
							+ "', which the file does not have; its columns are " + String.join(", ", table.headings())
							+ ".");
				}
				mapping.put(field.key(), entry.getValue().strip());
			}
		}
		else {
			for (Field field : Field.values()) {
				for (String heading : table.headings()) {
					if (heading.length() <= 200 && field.headings.contains(heading.toLowerCase(Locale.ROOT))
							&& !mapping.containsValue(heading)) {
						mapping.put(field.key(), heading);
						break;
					}
				}
			}
		}
		if (!mapping.containsKey(Field.NAME.key())) {
			throw new UnreadableFile("No column holds the names: map one to 'name' (the file's columns are "
					+ String.join(", ", table.headings()) + ").");
		}
		return mapping;
	}

	private static Field field(String key) {
		for (Field field : Field.values()) {
			if (field.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
				return field;
			}
		}
		throw new UnreadableFile("The mapping names '" + key + "', which is no field; the fields are "
				+ String.join(", ", java.util.Arrays.stream(Field.values()).map(Field::key).toList()) + ".");
	}

	/** The plan the rows make under the mapping, with counts and the loss report. */
	static PlanReading.Reading read(Table table, Map<String, String> mapping, String name, LocalDate today) {
		Losses losses = new Losses();
		Map<Field, Integer> column = new HashMap<>();
		mapping.forEach((key, heading) -> column.put(field(key), table.headings().indexOf(heading)));
		for (String heading : table.headings()) {
			if (!heading.isBlank() && !mapping.containsValue(heading)) {
				losses.add("Columns not mapped to a field", "not kept", heading);
			}
		}
		List<ImportedPlan.Item> items = new ArrayList<>();
		Map<String, String> refs = new HashMap<>();
		Map<String, String> predecessors = new LinkedHashMap<>();
		int number = 0;
		for (List<String> row : table.rows()) {
			number++;
			String itemName = cell(row, column.get(Field.NAME));
			if (itemName.isBlank()) {
				losses.add("Rows without a name", "not kept", "row " + (number + 1));
				continue;
			}
			itemName = itemName.length() > PlanReading.MAX_NAME ? itemName.substring(0, PlanReading.MAX_NAME) : itemName;
			String ref = "row-" + number;
			// without an ID column the predecessors name rows by their number (1 for the first under the headings)
			String id = column.containsKey(Field.ID) ? cell(row, column.get(Field.ID)) : String.valueOf(number);
			if (!id.isBlank()) {
				refs.putIfAbsent(id, ref);
			}
			String type = cell(row, column.get(Field.TYPE)).toLowerCase(Locale.ROOT);
			String durationText = cell(row, column.get(Field.DURATION));
			Double duration = number(durationText);
			if (!durationText.isBlank() && duration == null) {
				losses.add("Durations that are not numbers", "taken as 1 day", itemName + ": " + durationText);
			}
			boolean milestone = type.startsWith("milestone") || duration != null && duration == 0;
			int days = 0;
			if (!milestone) {
				double exact = duration == null ? 1 : duration;
				days = (int) Math.max(1, Math.min(3650, Math.round(exact)));
				if (exact != days) {
					losses.add("Durations that are not whole working days", "rounded to the nearest whole day, at least 1",
							itemName + ": " + exact + " d → " + days + " d");
				}
			}
			LocalDate plannedStart = date(cell(row, column.get(Field.PLANNED_START)), itemName, "planned start", losses);
			LocalDate target = date(cell(row, column.get(Field.TARGET)), itemName, "target", losses);
			Double percent = number(cell(row, column.get(Field.PERCENT_COMPLETE)).replace("%", ""));
			String description = cell(row, column.get(Field.DESCRIPTION));
			description = description.isBlank() ? null
					: description.length() > PlanReading.MAX_DESCRIPTION
							? description.substring(0, PlanReading.MAX_DESCRIPTION) : description;
			String from = "the sheet's " + (mapping.get(Field.TARGET.key()) == null ? "" : mapping.get(Field.TARGET.key())) + " column";
			if (milestone && target == null) {
				target = plannedStart != null ? plannedStart : today;
				from = plannedStart != null ? "the sheet's planned start (the row has no target)"
						: "the day of the import (the row has no date)";
			}
			if (!milestone && target != null) {
				losses.add("Targets on tasks", "not kept (in Milepost only milestones have targets)", itemName);
			}
			items.add(new ImportedPlan.Item(ref, itemName, description, milestone, days, milestone ? null : plannedStart,
					milestone || percent == null ? 0 : (int) Math.max(0, Math.min(100, Math.round(percent))), null, null,
					milestone ? target : null, milestone ? from : null, null, null));
			String predecessorText = cell(row, column.get(Field.PREDECESSORS));
			if (!predecessorText.isBlank()) {
				predecessors.put(ref, predecessorText);
			}
		}
		List<ImportedPlan.Link> links = new ArrayList<>();
		Map<String, Integer> counted = new TreeMap<>();
		Set<String> pairs = new HashSet<>();
		Map<String, String> names = new HashMap<>();
		items.forEach(item -> names.put(item.ref(), item.name()));
		predecessors.forEach((successor, text) -> {
			for (String part : text.split("[,;]")) {
				if (part.isBlank()) {
					continue;
				}
				Matcher matcher = PREDECESSOR.matcher(part);
				String label = names.get(successor) + ": " + part.strip();
				if (!matcher.matches()) {
					losses.add("Predecessors that cannot be read", "not kept (write them as 3FS, 12SS+2d)", label);
					continue;
				}
				String predecessor = refs.get(matcher.group(1));
				LinkType type = matcher.group(2) == null ? LinkType.FS : LinkType.valueOf(matcher.group(2));
				counted.merge(type.name(), 1, Integer::sum);
				if (predecessor == null) {
					losses.add("Predecessors naming no row", "not kept", label);
					continue;
				}
				double lag = matcher.group(4) == null ? 0
						: Double.parseDouble(matcher.group(4)) * ("-".equals(matcher.group(3)) ? -1 : 1);
				int lagDays = (int) Math.round(lag);
				if (lag != lagDays) {
					losses.add("Lags that are not whole working days", "rounded to the nearest whole day", label);
				}
				if (predecessor.equals(successor) || !pairs.add(predecessor + ">" + successor)
						|| pairs.contains(successor + ">" + predecessor)) {
					losses.add("A second link between the same two activities, or a link to itself", "not kept", label);
					continue;
				}
				links.add(new ImportedPlan.Link(predecessor, successor, type, lagDays));
			}
		});
		LocalDate start = items.stream()
			.map(ImportedPlan.Item::plannedStart)
			.filter(java.util.Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElse(today);
		losses.add("Calendar", "a spreadsheet has none: the project works Monday to Friday without holidays", 1, null);
		Set<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		ImportedPlan plan = new ImportedPlan(name, start, null, week, List.of(), items, links, List.of());
		int milestones = (int) items.stream().filter(ImportedPlan.Item::milestone).count();
		Map<String, Integer> created = new TreeMap<>();
		links.forEach(link -> created.merge(link.type().name(), 1, Integer::sum));
		int plannedStarts = (int) items.stream().filter(item -> item.plannedStart() != null).count();
		int progress = (int) items.stream().filter(item -> item.percentComplete() > 0).count();
		return new PlanReading.Reading(plan,
				new ImportPreview.Counts(items.size() - milestones, 0, milestones, counted, 0, plannedStarts, progress),
				new ImportPreview.Counts(items.size() - milestones, 0, milestones, created, 1, plannedStarts, progress),
				losses.report());
	}

	private static String cell(List<String> row, Integer index) {
		if (index == null || index < 0 || index >= row.size()) {
			return "";
		}
		String text = row.get(index).strip();
		// Milepost's CSV export guards text a spreadsheet would take for a formula with a leading '
		return text.startsWith("'") ? text.substring(1) : text;
	}

	private static Double number(String text) {
		try {
			double value = Double.parseDouble(text.strip().replace(',', '.'));
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static LocalDate date(String text, String name, String what, Losses losses) {
		if (text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			if (SupportedDates.contains(date)) {
				return date;
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		losses.add("Dates that cannot be read", "not kept (write them as 2026-03-02)", name + ": " + what + " " + text);
		return null;
	}

}
