package dev.milepost.schedule.realdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Reads the scheduling core of a Primavera P6 XER file: tab-separated tables, each a {@code %T}
 * name, a {@code %F} row of field names and {@code %R} rows.
 * <ul>
 * <li>PROJECT: plan start (the calendar's day 0), data date (last_recalc_date: work not started
 * waits for it) and P6's scheduled finish (scd_end_date).</li>
 * <li>CALENDAR: the project calendar's clndr_data (see {@link ClndrData}): working weekdays,
 * the hours of a working day and the non-working exceptions; day_hr_cnt turns hours into days.</li>
 * <li>TASK: task_code as the id, remain_drtn_hr_cnt as the duration (every activity here is not
 * started, so it equals target_drtn_hr_cnt), TT_Mile and TT_FinMile as milestones, and P6's
 * early dates, total and free float (hours) and driving_path_flag as reported values. Progress, other
 * calendars, constraints and level-of-effort activities are refused, not guessed at.</li>
 * <li>TASKPRED: pred_type PR_FS, PR_SS, PR_FF or PR_SF; lag_hr_cnt in hours.</li>
 * </ul>
 */
final class XerReader {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private XerReader() {
	}

	static RealPlan read(Path file) throws IOException {
		Map<String, List<Map<String, String>>> tables = tables(file);
		Map<String, String> project = only(tables, "PROJECT");
		String calendarId = project.get("clndr_id");
		Map<String, String> calendarRow = tables.get("CALENDAR")
			.stream()
			.filter(row -> row.get("clndr_id").equals(calendarId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Project calendar " + calendarId + " is missing"));
		ClndrData clndr = ClndrData.parse(calendarRow.get("clndr_data"));
		double hoursPerDay = Double.parseDouble(calendarRow.get("day_hr_cnt"));
		WorkingCalendar calendar = new WorkingCalendar(dateTime(project.get("plan_start_date")).toLocalDate(),
				clndr.workingDays(), clndr.holidays());
		DayBoundaries days = new DayBoundaries(calendar, clndr.dayStart(), clndr.dayFinish());

		RealPlan.Builder plan = new RealPlan.Builder(file.getFileName().toString());
		Map<String, String> codes = new HashMap<>();
		for (Map<String, String> task : tables.get("TASK")) {
			String code = task.get("task_code");
			codes.put(task.get("task_id"), code);
			refuseWhatIsNotRead(task, calendarId);
			boolean milestone = task.get("task_type").equals("TT_Mile") || task.get("task_type").equals("TT_FinMile");
			RealPlan.Reported reported = new RealPlan.Reported(days.at(dateTime(task.get("early_start_date"))),
					days.at(dateTime(task.get("early_end_date"))),
					days(task.get("total_float_hr_cnt"), hoursPerDay, "total float of " + code),
					days(task.get("free_float_hr_cnt"), hoursPerDay, "free float of " + code),
					task.get("driving_path_flag").equals("Y"));
			plan.activity(new RealPlan.Activity(code, code + " " + task.get("task_name"), null,
					days(task.get("remain_drtn_hr_cnt"), hoursPerDay, "duration of " + code), milestone, false, null,
					reported));
		}
		for (Map<String, String> link : tables.get("TASKPRED")) {
			String successor = codes.get(link.get("task_id"));
			LinkKind kind = LinkKind.valueOf(link.get("pred_type").substring("PR_".length()));
			plan.link(codes.get(link.get("pred_task_id")), successor, kind,
					days(link.get("lag_hr_cnt"), hoursPerDay, "lag into " + successor));
		}
		return plan.build(calendar, days.at(dateTime(project.get("last_recalc_date"))),
				days.at(dateTime(project.get("scd_end_date"))));
	}

	private static void refuseWhatIsNotRead(Map<String, String> task, String calendarId) {
		String code = task.get("task_code");
		if (!task.get("status_code").equals("TK_NotStart")) {
			throw new UnsupportedOperationException(code + " is " + task.get("status_code") + "; progress is not read");
		}
		if (!task.get("clndr_id").equals(calendarId)) {
			throw new UnsupportedOperationException(code + " has its own calendar; the engine has one per project");
		}
		if (!task.get("cstr_type").isEmpty() || !task.get("cstr_type2").isEmpty()) {
			throw new UnsupportedOperationException(code + " has a constraint, which is not read");
		}
		if (!Set.of("TT_Task", "TT_Mile", "TT_FinMile").contains(task.get("task_type"))) {
			throw new UnsupportedOperationException(code + " is a " + task.get("task_type") + ", which is not read");
		}
	}

	private static Map<String, List<Map<String, String>>> tables(Path file) throws IOException {
		Map<String, List<Map<String, String>>> tables = new HashMap<>();
		List<Map<String, String>> rows = null;
		List<String> fields = List.of();
		// P6 writes XER in the Windows code page; every byte is a character in ISO-8859-1
		for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
			String[] cells = line.split("\t", -1);
			switch (cells[0]) {
				case "%T" -> {
					rows = new ArrayList<>();
					tables.put(cells[1], rows);
				}
				case "%F" -> fields = Arrays.asList(cells).subList(1, cells.length);
				case "%R" -> {
					Map<String, String> row = new HashMap<>();
					for (int f = 0; f < fields.size(); f++) {
						row.put(fields.get(f), f + 1 < cells.length ? cells[f + 1] : "");
					}
					rows.add(row);
				}
				default -> {
				}
			}
		}
		return tables;
	}

	private static Map<String, String> only(Map<String, List<Map<String, String>>> tables, String name) {
		List<Map<String, String>> rows = tables.getOrDefault(name, List.of());
		if (rows.size() != 1) {
			throw new UnsupportedOperationException("Expected one " + name + " row, found " + rows.size());
		}
		return rows.get(0);
	}

	private static LocalDateTime dateTime(String text) {
		return LocalDateTime.parse(text, DATE_TIME);
	}

	private static int days(String hours, double hoursPerDay, String what) {
		double days = Double.parseDouble(hours) / hoursPerDay;
		if (days != Math.rint(days)) {
			throw new IllegalArgumentException(what + " is " + hours + " h, not whole days of " + hoursPerDay
					+ " h; the engine counts whole days");
		}
		return (int) days;
	}

}
