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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.WorkingCalendar;
import org.w3c.dom.Element;

/**
 * Reads the scheduling core of a Microsoft Project XML (MSPDI) file with the JDK's parser.
 * <ul>
 * <li>The project summary (UID 0, or any task at OutlineLevel 0: ProjectLibre writes it as UID 1)
 * is skipped. A task is a summary if flagged so or if the next task is deeper in the outline:
 * ProjectLibre leaves every Summary and Milestone flag at 0.</li>
 * <li>Durations are ISO-8601 (PT24H0M0S), turned into days with the project's MinutesPerDay
 * (480 when absent). A milestone is flagged so or has zero duration.</li>
 * <li>PredecessorLink Type is 0=FF, 1=FS, 2=SF, 3=SS; LinkLag is in tenths of a minute whatever
 * LagFormat says (4800 = 1 day at 480 min/day).</li>
 * <li>ConstraintType 4 (start no earlier than) with its ConstraintDate; other constraints are
 * refused, none of the files here has one.</li>
 * <li>The calendar is the project's (CalendarUID): its working weekdays (DayType 1 = Sunday) and
 * its non-working exceptions, both the old form (DayType 0 with a TimePeriod) and the
 * Exceptions element. The engine has one calendar, so a task on a calendar of its own is
 * refused; resource calendars are not read (see the legacy sample's test).</li>
 * <li>Reported values: early start and finish (Start/Finish where EarlyStart/EarlyFinish are
 * absent), the Critical flag, and TotalSlack and FreeSlack (tenths of a minute) only when the
 * file carries early dates: ProjectLibre writes both as 0 on every task without computing them.</li>
 * </ul>
 */
final class MspdiReader {

	private static final LinkKind[] LINK_TYPES = { LinkKind.FF, LinkKind.FS, LinkKind.SF, LinkKind.SS };

	private MspdiReader() {
	}

	static RealPlan read(Path file) throws IOException {
		Element project = Xml.root(file);
		long minutesPerDay = Long.parseLong(text(project, "MinutesPerDay", "480"));
		LocalDateTime start = LocalDateTime.parse(text(project, "StartDate", null));
		WorkingCalendar calendar = calendar(project, start.toLocalDate());
		DayBoundaries days = new DayBoundaries(calendar,
				LocalTime.parse(text(project, "DefaultStartTime", "08:00:00")),
				LocalTime.parse(text(project, "DefaultFinishTime", "17:00:00")));
		RealPlan.Builder plan = new RealPlan.Builder(file.getFileName().toString());
		List<Element> tasks = new ArrayList<>();
		for (Element task : children(child(project, "Tasks"), "Task")) {
			if (!text(task, "UID", "").equals("0") && level(task) > 0) {
				tasks.add(task);
			}
		}
		Deque<Element> outline = new ArrayDeque<>();
		for (int t = 0; t < tasks.size(); t++) {
			Element task = tasks.get(t);
			while (!outline.isEmpty() && level(outline.peek()) >= level(task)) {
				outline.pop();
			}
			String parent = outline.isEmpty() ? null : text(outline.peek(), "UID", null);
			boolean summary = flag(task, "Summary") || (t + 1 < tasks.size() && level(tasks.get(t + 1)) > level(task));
			refuseOwnCalendar(task, text(project, "CalendarUID", "1"));
			plan.activity(activity(task, parent, summary, minutesPerDay, days));
			outline.push(task);
		}
		for (Element task : tasks) {
			for (Element link : children(task, "PredecessorLink")) {
				long lagMinutes = Long.parseLong(text(link, "LinkLag", "0")) / 10;
				plan.link(text(link, "PredecessorUID", null), text(task, "UID", null),
						LINK_TYPES[Integer.parseInt(text(link, "Type", "1"))],
						DayBoundaries.days(lagMinutes, minutesPerDay, "a lag into task " + text(task, "UID", null)));
			}
		}
		return plan.build(calendar, null, days.at(LocalDateTime.parse(text(project, "FinishDate", null))));
	}

	private static RealPlan.Activity activity(Element task, String parent, boolean summary, long minutesPerDay,
			DayBoundaries days) {
		String uid = text(task, "UID", null);
		long minutes = Duration.parse(text(task, "Duration", "PT0H0M0S")).toMinutes();
		int length = summary ? 0 : DayBoundaries.days(minutes, minutesPerDay, "task " + uid);
		boolean milestone = !summary && (flag(task, "Milestone") || length == 0);
		return new RealPlan.Activity(uid, text(task, "Name", ""), parent, length, milestone, summary,
				startNoEarlierThan(task, days), reported(task, minutesPerDay, days));
	}

	private static void refuseOwnCalendar(Element task, String projectCalendar) {
		String calendar = text(task, "CalendarUID", "-1");
		if (!calendar.equals("-1") && !calendar.equals(projectCalendar)) {
			throw new UnsupportedOperationException("Task " + text(task, "UID", null) + " has calendar " + calendar
					+ "; the engine has one calendar per project");
		}
	}

	private static Integer startNoEarlierThan(Element task, DayBoundaries days) {
		String type = text(task, "ConstraintType", "0");
		return switch (type) {
			case "0" -> null; // as soon as possible
			case "4" -> days.at(LocalDateTime.parse(text(task, "ConstraintDate", null)));
			default -> throw new UnsupportedOperationException(
					"Task " + text(task, "UID", null) + " has ConstraintType " + type + ", which is not read");
		};
	}

	private static RealPlan.Reported reported(Element task, long minutesPerDay, DayBoundaries days) {
		boolean calculated = child(task, "EarlyFinish") != null;
		String start = text(task, calculated ? "EarlyStart" : "Start", null);
		String finish = text(task, calculated ? "EarlyFinish" : "Finish", null);
		String critical = text(task, "Critical", null);
		return new RealPlan.Reported(start == null ? null : days.at(LocalDateTime.parse(start)),
				finish == null ? null : days.at(LocalDateTime.parse(finish)),
				calculated ? slack(task, "TotalSlack", minutesPerDay) : null,
				calculated ? slack(task, "FreeSlack", minutesPerDay) : null,
				critical == null ? null : critical.equals("1"));
	}

	/** Slack is in tenths of a minute. */
	private static Integer slack(Element task, String name, long minutesPerDay) {
		String tenths = text(task, name, null);
		return tenths == null ? null
				: DayBoundaries.days(Long.parseLong(tenths) / 10, minutesPerDay, name + " of task " + text(task, "UID", null));
	}

	private static WorkingCalendar calendar(Element project, LocalDate start) {
		String uid = text(project, "CalendarUID", "1");
		Element calendar = children(child(project, "Calendars"), "Calendar").stream()
			.filter(candidate -> uid.equals(text(candidate, "UID", null)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The project calendar " + uid + " is not in the file"));
		Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
		List<LocalDate> holidays = new ArrayList<>();
		for (Element day : children(child(calendar, "WeekDays"), "WeekDay")) {
			int type = Integer.parseInt(text(day, "DayType", "0"));
			boolean works = flag(day, "DayWorking");
			if (type == 0 && !works) {
				holidays.addAll(period(child(day, "TimePeriod")));
			}
			else if (type > 0 && works) {
				// DayType counts from Sunday = 1
				working.add(DayOfWeek.SUNDAY.plus(type - 1));
			}
		}
		for (Element exception : children(child(calendar, "Exceptions"), "Exception")) {
			if (!flag(exception, "DayWorking")) {
				holidays.addAll(period(child(exception, "TimePeriod")));
			}
		}
		return new WorkingCalendar(start, working, holidays);
	}

	private static List<LocalDate> period(Element timePeriod) {
		LocalDate from = LocalDateTime.parse(text(timePeriod, "FromDate", null)).toLocalDate();
		LocalDate to = LocalDateTime.parse(text(timePeriod, "ToDate", null)).toLocalDate();
		return from.datesUntil(to.plusDays(1)).toList();
	}

	private static int level(Element task) {
		return Integer.parseInt(text(task, "OutlineLevel", "1"));
	}

	private static boolean flag(Element element, String name) {
		return "1".equals(text(element, name, "0"));
	}

}
