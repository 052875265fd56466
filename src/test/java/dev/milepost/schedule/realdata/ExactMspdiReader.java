package dev.milepost.schedule.realdata;

import static dev.milepost.schedule.realdata.Xml.child;
import static dev.milepost.schedule.realdata.Xml.children;
import static dev.milepost.schedule.realdata.Xml.text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.exact.Constraint;
import dev.milepost.schedule.engine.exact.LagCalendar;
import dev.milepost.schedule.engine.exact.WorkCalendar;
import org.w3c.dom.Element;

/**
 * Reads a Microsoft Project XML (MSPDI) file for the exact engine, to the minute.
 * <ul>
 * <li>Calendars: each weekday's WorkingTimes (DayType 1 = Sunday), exceptions in both forms (a
 * WeekDay of DayType 0 with a TimePeriod, and the Exceptions element), each non-working or working
 * with its own WorkingTimes; a derived calendar takes the weekdays it does not list from its
 * base. The project's calendar is index 0; each calendar a task names (CalendarUID) follows.</li>
 * <li>Durations are ISO-8601 (PT24H0M0S) in working minutes; LinkLag, TotalSlack and FreeSlack
 * are tenths of a minute; link Type 0=FF, 1=FS, 2=SF, 3=SS; lags count on the successor's
 * calendar, as MS Project counts them.</li>
 * <li>ConstraintType 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT with its
 * ConstraintDate; Deadline.</li>
 * <li>The outline from OutlineLevel (ProjectLibre leaves the Summary flags at 0); the project
 * summary (UID 0, or OutlineLevel 0) is skipped.</li>
 * <li>Reported: EarlyStart/EarlyFinish (Start/Finish where absent); TotalSlack and FreeSlack only
 * where the file has early dates (ProjectLibre writes 0 without computing them).</li>
 * <li>Progress (ActualStart, ActualFinish, RemainingDuration with the StatusDate) is read where
 * present; none of the files here has any.</li>
 * </ul>
 */
final class ExactMspdiReader {

	private static final LinkKind[] LINK_TYPES = { LinkKind.FF, LinkKind.FS, LinkKind.SF, LinkKind.SS };

	private static final Constraint[] CONSTRAINTS = { Constraint.AS_SOON_AS_POSSIBLE, Constraint.AS_LATE_AS_POSSIBLE,
			Constraint.MUST_START_ON, Constraint.MUST_FINISH_ON, Constraint.START_NO_EARLIER_THAN,
			Constraint.START_NO_LATER_THAN, Constraint.FINISH_NO_EARLIER_THAN, Constraint.FINISH_NO_LATER_THAN };

	private ExactMspdiReader() {
	}

	static ExactPlan read(Path file) throws IOException {
		Element project = Xml.root(file);
		int minutesPerDay = Integer.parseInt(text(project, "MinutesPerDay", "480"));
		Map<String, Element> calendarElements = new LinkedHashMap<>();
		for (Element calendar : children(child(project, "Calendars"), "Calendar")) {
			calendarElements.put(text(calendar, "UID", null), calendar);
		}
		String projectCalendar = text(project, "CalendarUID", "1");
		List<WorkCalendar> calendars = new ArrayList<>();
		Map<String, Integer> calendarIndex = new HashMap<>();
		calendars.add(calendar(calendarElements, projectCalendar, minutesPerDay));
		calendarIndex.put(projectCalendar, 0);

		List<Element> tasks = new ArrayList<>();
		for (Element task : children(child(project, "Tasks"), "Task")) {
			if (!text(task, "UID", "").equals("0") && level(task) > 0) {
				tasks.add(task);
			}
		}
		List<ExactPlan.Activity> activities = new ArrayList<>();
		Deque<Element> outline = new ArrayDeque<>();
		boolean anyProgress = false;
		for (int t = 0; t < tasks.size(); t++) {
			Element task = tasks.get(t);
			while (!outline.isEmpty() && level(outline.peek()) >= level(task)) {
				outline.pop();
			}
			String parent = outline.isEmpty() ? null : text(outline.peek(), "UID", null);
			boolean summary = flag(task, "Summary") || (t + 1 < tasks.size() && level(tasks.get(t + 1)) > level(task));
			String calendarUid = text(task, "CalendarUID", "-1");
			int calendar = 0;
			if (!calendarUid.equals("-1")) {
				calendar = calendarIndex.computeIfAbsent(calendarUid, uid -> {
					calendars.add(calendar(calendarElements, uid, minutesPerDay));
					return calendars.size() - 1;
				});
			}
			String type = text(task, "ConstraintType", "0");
			Constraint constraint = type.isEmpty() ? Constraint.AS_SOON_AS_POSSIBLE : CONSTRAINTS[Integer.parseInt(type)];
			Integer constraintAt = constraint == Constraint.AS_SOON_AS_POSSIBLE
					|| constraint == Constraint.AS_LATE_AS_POSSIBLE ? null : moment(text(task, "ConstraintDate", null));
			Integer actualStart = moment(text(task, "ActualStart", null));
			Integer actualFinish = moment(text(task, "ActualFinish", null));
			anyProgress |= actualStart != null;
			activities.add(new ExactPlan.Activity(text(task, "UID", null), text(task, "Name", ""), parent, summary,
					summary ? 0 : minutes(text(task, "Duration", "PT0H0M0S")), calendar, constraint, constraintAt,
					moment(text(task, "Deadline", null)), actualStart, actualFinish,
					minutes(text(task, "RemainingDuration", "PT0H0M0S")), reported(task)));
			outline.push(task);
		}
		List<ExactPlan.Link> links = new ArrayList<>();
		for (Element task : tasks) {
			for (Element link : children(task, "PredecessorLink")) {
				int lag = Math.toIntExact(Long.parseLong(text(link, "LinkLag", "0")) / 10);
				links.add(new ExactPlan.Link(text(link, "PredecessorUID", null), text(task, "UID", null),
						LINK_TYPES[Integer.parseInt(text(link, "Type", "1"))], lag));
			}
		}
		Integer statusDate = anyProgress ? moment(text(project, "StatusDate", text(project, "CurrentDate", null))) : null;
		return new ExactPlan(file.getFileName().toString(), calendars, LagCalendar.SUCCESSOR,
				moment(text(project, "StartDate", null)), statusDate, moment(text(project, "FinishDate", null)), false,
				activities, links);
	}

	private static ExactPlan.Reported reported(Element task) {
		boolean calculated = child(task, "EarlyFinish") != null;
		String start = text(task, calculated ? "EarlyStart" : "Start", null);
		String finish = text(task, calculated ? "EarlyFinish" : "Finish", null);
		return new ExactPlan.Reported(moment(start), moment(finish), calculated ? tenths(text(task, "TotalSlack", null)) : null,
				calculated ? tenths(text(task, "FreeSlack", null)) : null);
	}

	private static Integer tenths(String value) {
		return value == null ? null : Math.toIntExact(Long.parseLong(value) / 10);
	}

	private static int minutes(String iso) {
		return Math.toIntExact(Duration.parse(iso).toMinutes());
	}

	private static Integer moment(String dateTime) {
		return dateTime == null || dateTime.isEmpty() ? null : WorkCalendar.moment(LocalDateTime.parse(dateTime));
	}

	/** A calendar with its base's weekdays where it lists none of its own. */
	private static WorkCalendar calendar(Map<String, Element> elements, String uid, int minutesPerDay) {
		Element calendar = elements.get(uid);
		if (calendar == null) {
			throw new IllegalArgumentException("Calendar " + uid + " is not in the file");
		}
		WorkCalendar.Builder builder = WorkCalendar.builder(text(calendar, "Name", uid)).minutesPerDay(minutesPerDay);
		List<Element> chain = new ArrayList<>();
		for (Element c = calendar; c != null; c = elements.get(text(c, "BaseCalendarUID", "-1"))) {
			chain.add(0, c);
		}
		// the base first, so the derived calendar's weekdays and exceptions override it
		for (Element c : chain) {
			for (Element day : children(child(c, "WeekDays"), "WeekDay")) {
				int type = Integer.parseInt(text(day, "DayType", "0"));
				LocalTime[] times = flag(day, "DayWorking") ? times(day) : new LocalTime[0];
				if (type == 0) {
					Element period = child(day, "TimePeriod");
					builder.exception(date(text(period, "FromDate", null)), date(text(period, "ToDate", null)), times);
				}
				else {
					builder.week(DayOfWeek.SUNDAY.plus(type - 1), times);
				}
			}
			for (Element exception : children(child(c, "Exceptions"), "Exception")) {
				Element period = child(exception, "TimePeriod");
				LocalTime[] times = flag(exception, "DayWorking") ? times(exception) : new LocalTime[0];
				builder.exception(date(text(period, "FromDate", null)), date(text(period, "ToDate", null)), times);
			}
		}
		return builder.build();
	}

	private static LocalTime[] times(Element day) {
		List<LocalTime> times = new ArrayList<>();
		for (Element working : children(child(day, "WorkingTimes"), "WorkingTime")) {
			times.add(LocalTime.parse(text(working, "FromTime", null)));
			times.add(LocalTime.parse(text(working, "ToTime", null)));
		}
		return times.toArray(LocalTime[]::new);
	}

	private static LocalDate date(String dateTime) {
		return LocalDateTime.parse(dateTime).toLocalDate();
	}

	private static int level(Element task) {
		return Integer.parseInt(text(task, "OutlineLevel", "1"));
	}

	private static boolean flag(Element element, String name) {
		return "1".equals(text(element, name, "0"));
	}

}
