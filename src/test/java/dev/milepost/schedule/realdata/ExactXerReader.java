package dev.milepost.schedule.realdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.exact.Constraint;
import dev.milepost.schedule.engine.exact.LagCalendar;
import dev.milepost.schedule.engine.exact.WorkCalendar;

/**
 * Reads a Primavera P6 XER file for the exact engine, to the minute.
 * <ul>
 * <li>CALENDAR: clndr_data's work periods per weekday (1 = Sunday) and its exceptions (days since
 * 1899-12-30), each non-working or with periods of its own; day_hr_cnt for display. The project's
 * calendar is index 0, each other calendar a task names follows.</li>
 * <li>TASK: durations in hours (fractions kept to the minute): target_drtn_hr_cnt, and
 * remain_drtn_hr_cnt as the remaining work of started activities; act_start_date and
 * act_end_date; cstr_type (CS_MSOA start on or after, CS_MSOB on or before, CS_MEOA, CS_MEOB,
 * CS_MSO, CS_MEO, CS_MANDSTART, CS_MANDFIN, CS_ALAP) with cstr_date; P6's early dates, total and
 * free float (hours) as reported values. Level-of-effort and WBS-summary activities are refused.</li>
 * <li>TASKPRED: PR_FS, PR_SS, PR_FF, PR_SF; lag_hr_cnt in hours.</li>
 * <li>SCHEDOPTIONS: the lag's calendar (sched_calendar_on_relationship_lag) and retained logic or
 * progress override; PROJECT: the data date (last_recalc_date) and P6's finish (scd_end_date).</li>
 * </ul>
 */
final class ExactXerReader {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final LocalDate SERIAL_DAY_ZERO = LocalDate.of(1899, 12, 30);

	private ExactXerReader() {
	}

	static ExactPlan read(Path file) throws IOException {
		Map<String, List<Map<String, String>>> tables = tables(file);
		Map<String, String> project = tables.get("PROJECT").get(0);
		Map<String, Map<String, String>> calendarRows = new HashMap<>();
		tables.get("CALENDAR").forEach(row -> calendarRows.put(row.get("clndr_id"), row));
		List<WorkCalendar> calendars = new ArrayList<>();
		Map<String, Integer> calendarIndex = new HashMap<>();
		calendars.add(calendar(calendarRows, project.get("clndr_id")));
		calendarIndex.put(project.get("clndr_id"), 0);

		Map<String, String> options = tables.getOrDefault("SCHEDOPTIONS", List.of(Map.of())).get(0);
		LagCalendar lagCalendar = switch (options.getOrDefault("sched_calendar_on_relationship_lag", "rcal_Predecessor")) {
			case "rcal_Successor" -> LagCalendar.SUCCESSOR;
			case "rcal_24Hour" -> LagCalendar.TWENTY_FOUR_HOURS;
			case "rcal_ProjDefault" -> LagCalendar.PROJECT;
			default -> LagCalendar.PREDECESSOR;
		};
		boolean progressOverride = "Y".equals(options.get("sched_progress_override"))
				&& !"Y".equals(options.get("sched_retained_logic"));

		List<ExactPlan.Activity> activities = new ArrayList<>();
		Map<String, String> codes = new HashMap<>();
		for (Map<String, String> task : tables.get("TASK")) {
			String code = task.get("task_code");
			codes.put(task.get("task_id"), code);
			String type = task.get("task_type");
			if (!List.of("TT_Task", "TT_Mile", "TT_FinMile", "TT_Rsrc").contains(type)) {
				throw new UnsupportedOperationException(code + " is a " + type + ", which is not read");
			}
			int calendar = calendarIndex.computeIfAbsent(task.get("clndr_id"), id -> {
				calendars.add(calendar(calendarRows, id));
				return calendars.size() - 1;
			});
			Constraint constraint = constraint(task.get("cstr_type"), code);
			if (!task.get("cstr_type2").isEmpty()) {
				throw new UnsupportedOperationException(code + " has a second constraint, which is not read");
			}
			String status = task.get("status_code");
			boolean notStarted = status.equals("TK_NotStart");
			Integer actualStart = notStarted ? null : moment(task.get("act_start_date"));
			Integer actualFinish = status.equals("TK_Complete") ? moment(task.get("act_end_date")) : null;
			boolean done = actualFinish != null;
			ExactPlan.Reported reported = new ExactPlan.Reported(notStarted ? moment(task.get("early_start_date")) : null,
					done ? null : moment(task.get("early_end_date")),
					done ? null : hours(task.get("total_float_hr_cnt")),
					done ? null : hours(task.get("free_float_hr_cnt")));
			activities.add(new ExactPlan.Activity(code, code + " " + task.get("task_name"), null, false,
					hours(task.get("target_drtn_hr_cnt")), calendar, constraint,
					constraint == Constraint.AS_SOON_AS_POSSIBLE || constraint == Constraint.AS_LATE_AS_POSSIBLE ? null
							: moment(task.get("cstr_date")),
					null, actualStart, actualFinish, hours(task.get("remain_drtn_hr_cnt")), reported));
		}
		List<ExactPlan.Link> links = new ArrayList<>();
		for (Map<String, String> link : tables.get("TASKPRED")) {
			links.add(new ExactPlan.Link(codes.get(link.get("pred_task_id")), codes.get(link.get("task_id")),
					LinkKind.valueOf(link.get("pred_type").substring("PR_".length())), hours(link.get("lag_hr_cnt"))));
		}
		return new ExactPlan(file.getFileName().toString(), calendars, lagCalendar,
				moment(project.get("plan_start_date")), moment(project.get("last_recalc_date")),
				moment(project.get("scd_end_date")), progressOverride, activities, links);
	}

	private static Constraint constraint(String type, String code) {
		return switch (type) {
			case "" -> Constraint.AS_SOON_AS_POSSIBLE;
			case "CS_ALAP" -> Constraint.AS_LATE_AS_POSSIBLE;
			case "CS_MSOA" -> Constraint.START_NO_EARLIER_THAN;
			case "CS_MSOB" -> Constraint.START_NO_LATER_THAN;
			case "CS_MEOA" -> Constraint.FINISH_NO_EARLIER_THAN;
			case "CS_MEOB" -> Constraint.FINISH_NO_LATER_THAN;
			case "CS_MSO", "CS_MANDSTART" -> Constraint.MUST_START_ON;
			case "CS_MEO", "CS_MANDFIN" -> Constraint.MUST_FINISH_ON;
			default -> throw new UnsupportedOperationException(code + " has constraint " + type + ", which is not read");
		};
	}

	/** A calendar from clndr_data: periods per weekday, exceptions with their own periods or none. */
	private static WorkCalendar calendar(Map<String, Map<String, String>> rows, String id) {
		Map<String, String> row = rows.get(id);
		if (row == null) {
			throw new IllegalArgumentException("Calendar " + id + " is missing");
		}
		ClndrData.Node root = ClndrData.tree(row.get("clndr_data"));
		WorkCalendar.Builder builder = WorkCalendar.builder(row.get("clndr_name"))
			.minutesPerDay((int) Math.round(Double.parseDouble(row.get("day_hr_cnt")) * 60));
		for (ClndrData.Node day : root.child("DaysOfWeek").children()) {
			builder.week(DayOfWeek.SUNDAY.plus(Integer.parseInt(day.label()) - 1), periods(day));
		}
		ClndrData.Node exceptions = root.child("Exceptions");
		for (ClndrData.Node exception : exceptions == null ? List.<ClndrData.Node>of() : exceptions.children()) {
			LocalDate date = SERIAL_DAY_ZERO.plusDays(Long.parseLong(exception.attribute("d")));
			builder.exception(date, date, periods(exception));
		}
		return builder.build();
	}

	private static LocalTime[] periods(ClndrData.Node node) {
		List<LocalTime> times = new ArrayList<>();
		for (ClndrData.Node period : node.children()) {
			times.add(LocalTime.parse(period.attribute("s")));
			times.add(LocalTime.parse(period.attribute("f")));
		}
		// P6 lists periods in any order
		LocalTime[] sorted = new LocalTime[times.size()];
		List<LocalTime[]> pairs = new ArrayList<>();
		for (int p = 0; p < times.size(); p += 2) {
			pairs.add(new LocalTime[] { times.get(p), times.get(p + 1) });
		}
		pairs.sort((a, b) -> a[0].compareTo(b[0]));
		for (int p = 0; p < pairs.size(); p++) {
			sorted[2 * p] = pairs.get(p)[0];
			sorted[2 * p + 1] = pairs.get(p)[1];
		}
		return sorted;
	}

	private static int hours(String hours) {
		return (int) Math.round(Double.parseDouble(hours) * 60);
	}

	private static Integer moment(String text) {
		return text == null || text.isEmpty() ? null : WorkCalendar.moment(LocalDateTime.parse(text, DATE_TIME));
	}

	private static Map<String, List<Map<String, String>>> tables(Path file) throws IOException {
		Map<String, List<Map<String, String>>> tables = new HashMap<>();
		List<Map<String, String>> rows = null;
		List<String> fields = List.of();
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

}
