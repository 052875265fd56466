package dev.milepost.schedule.realdata;

import static dev.milepost.schedule.realdata.Xml.child;
import static dev.milepost.schedule.realdata.Xml.children;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.WorkingCalendar;
import org.w3c.dom.Element;

/**
 * Reads a GanttProject .gan file.
 * <ul>
 * <li>Tasks nest: a task with child tasks is a summary; {@code meeting="true"} marks a milestone;
 * {@code duration} is in working days.</li>
 * <li>A {@code <depend>} sits on the predecessor and names the successor by {@code id}; its
 * {@code type} is 1=SS, 2=FS, 3=FF, 4=SF and {@code difference} the lag in days. Strong and
 * Rubber links are both read as "no earlier than": Rubber is exactly that, and Strong (the
 * successor sits right on the link) is the same thing whenever one link drives the successor.</li>
 * <li>GanttProject has no "as soon as possible": a task is where the user put it unless a link
 * moves it. So a leaf task without incoming links is held at its own start, and a thirdDate with
 * {@code thirdDate-constraint="0"} (earliest start) is a start-no-earlier-than constraint.</li>
 * <li>The file has no project start; unless the caller gives one, the calendar starts at the
 * earliest task start, since the engine lets nothing start before the project does.</li>
 * <li>The calendar: the default week ({@code 1} marks a weekend day) and HOLIDAY dates.</li>
 * <li>Reported values: every task's start, and its end (start plus duration), which for a summary
 * is GanttProject's own span of its children.</li>
 * </ul>
 */
final class GanReader {

	private static final LinkKind[] LINK_TYPES = { LinkKind.SS, LinkKind.FS, LinkKind.FF, LinkKind.SF };

	private GanReader() {
	}

	static RealPlan read(Path file) throws IOException {
		return read(file, null);
	}

	static RealPlan read(Path file, LocalDate projectStart) throws IOException {
		Element project = Xml.root(file);
		List<Element> tasks = new ArrayList<>();
		List<String> parents = new ArrayList<>();
		collect(child(project, "tasks"), null, tasks, parents);
		LocalDate start = projectStart != null ? projectStart
				: tasks.stream().map(GanReader::start).min(LocalDate::compareTo).orElseThrow();
		WorkingCalendar calendar = calendar(child(project, "calendars"), start);

		RealPlan.Builder plan = new RealPlan.Builder(file.getFileName().toString());
		Set<String> successors = new HashSet<>();
		for (Element task : tasks) {
			for (Element depend : children(task, "depend")) {
				successors.add(depend.getAttribute("id"));
				plan.link(task.getAttribute("id"), depend.getAttribute("id"),
						LINK_TYPES[Integer.parseInt(depend.getAttribute("type")) - 1],
						Integer.parseInt(depend.getAttribute("difference")));
			}
		}
		for (int t = 0; t < tasks.size(); t++) {
			Element task = tasks.get(t);
			String id = task.getAttribute("id");
			boolean summary = !children(task, "task").isEmpty();
			int days = Integer.parseInt(task.getAttribute("duration"));
			int startDay = calendar.dayIndex(start(task));
			Integer earliest = summary || successors.contains(id) ? null : startDay;
			if (task.getAttribute("thirdDate-constraint").equals("0")) {
				int third = calendar.dayIndex(LocalDate.parse(task.getAttribute("thirdDate")));
				earliest = earliest == null ? third : Math.max(earliest, third);
			}
			plan.activity(new RealPlan.Activity(id, task.getAttribute("name").trim(), parents.get(t),
					summary ? 0 : days, !summary && task.getAttribute("meeting").equals("true"), summary, earliest,
					new RealPlan.Reported(startDay, startDay + days, null, null, null)));
		}
		return plan.build(calendar, null, null);
	}

	private static void collect(Element parent, String parentId, List<Element> tasks, List<String> parents) {
		for (Element task : children(parent, "task")) {
			tasks.add(task);
			parents.add(parentId);
			collect(task, task.getAttribute("id"), tasks, parents);
		}
	}

	private static LocalDate start(Element task) {
		return LocalDate.parse(task.getAttribute("start"));
	}

	private static WorkingCalendar calendar(Element calendars, LocalDate start) {
		Element week = child(child(calendars, "day-types"), "default-week");
		Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			String name = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
			if (!week.getAttribute(name).equals("1")) {
				working.add(day);
			}
		}
		List<LocalDate> holidays = new ArrayList<>();
		for (Element date : children(calendars, "date")) {
			if (!date.getAttribute("type").equals("HOLIDAY")) {
				throw new UnsupportedOperationException("Calendar date of type " + date.getAttribute("type"));
			}
			holidays.add(LocalDate.of(Integer.parseInt(date.getAttribute("year")),
					Integer.parseInt(date.getAttribute("month")), Integer.parseInt(date.getAttribute("date"))));
		}
		return new WorkingCalendar(start, working, holidays);
	}

}
