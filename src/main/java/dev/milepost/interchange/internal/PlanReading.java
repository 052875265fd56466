package dev.milepost.interchange.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.milepost.common.SupportedDates;
import dev.milepost.interchange.internal.GanLinks.GanLink;
import dev.milepost.plan.LinkType;
import net.sf.mpxj.ActivityType;
import net.sf.mpxj.ConstraintType;
import net.sf.mpxj.CustomField;
import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectCalendarException;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.ProjectProperties;
import net.sf.mpxj.Relation;
import net.sf.mpxj.Resource;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;

/**
 * The one place that decides what of a file Milepost keeps: it maps MPXJ's model of the file onto
 * today's schedule model and puts everything else in the loss report, each kind with what happens
 * to it. A richer schedule model keeps more by changing this class alone (the loss report shrinks).
 *
 * <ul>
 * <li>Work tasks become tasks; their duration in working days of the file's day length (minutes per
 * day), rounded to the nearest whole day and at least one.</li>
 * <li>Tasks of zero duration become milestones, with the importing manager as owner and the owner's
 * confirmation as criterion; the target is the file's deadline, else its baseline finish, else its
 * planned finish, and the milestone says which.</li>
 * <li>Summary tasks are not created: the outline is flattened, and links to or from them dropped.</li>
 * <li>A start-no-earlier-than constraint becomes the task's planned start; other constraints are lost.</li>
 * <li>Links keep their type; lags are rounded to whole days; a second link between the same pair is dropped.</li>
 * <li>The project calendar is the file's default calendar: its working weekdays and its non-working
 * exceptions as holidays. Working hours, other calendars and working exceptions are lost.</li>
 * <li>Progress: percent complete, and actual start and finish on days not after today.</li>
 * <li>Notes become descriptions.</li>
 * </ul>
 */
final class PlanReading {

	static final int MAX_NAME = 200;

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_HOLIDAYS = 400;

	/** What a file comes to: the plan to create, the counts before and after, and the loss report. */
	record Reading(ImportedPlan plan, ImportPreview.Counts inFile, ImportPreview.Counts created,
			List<ImportPreview.Loss> losses) {
	}

	private final ProjectFile file;

	private final ProjectProperties properties;

	private final LocalDate today;

	private final Losses losses = new Losses();

	private PlanReading(ProjectFile file, LocalDate today) {
		this.file = file;
		this.properties = file.getProjectProperties();
		this.today = today;
	}

	/** Reads the file's plan; {@code ganLinks}, when given, replace the links MPXJ read. */
	static Reading read(ProjectFile file, String fallbackName, GanLinks.Read ganLinks, LocalDate today) {
		return new PlanReading(file, today).read(fallbackName, ganLinks);
	}

	private Reading read(String fallbackName, GanLinks.Read ganLinks) {
		List<Task> all = new ArrayList<>();
		for (Task task : file.getTasks()) {
			if (task.getUniqueID() == null || isProjectSummary(task)) {
				continue;
			}
			all.add(task);
		}
		Map<Integer, Task> byUid = new HashMap<>();
		all.forEach(task -> byUid.put(task.getUniqueID(), task));
		Set<Integer> summaries = new HashSet<>();
		int fileMilestones = 0;
		int fileConstraints = 0;
		int fileProgress = 0;
		List<ImportedPlan.Item> items = new ArrayList<>();
		for (Task task : all) {
			if (isSummary(task)) {
				summaries.add(task.getUniqueID());
				losses.add("Summary tasks", "not created: the outline is flattened, the work under them is kept",
						name(task));
				continue;
			}
			ImportedPlan.Item item = item(task);
			items.add(item);
			fileMilestones += task.getMilestone() || item.milestone() ? 1 : 0;
			ConstraintType constraint = task.getConstraintType();
			fileConstraints += constraint != null && constraint != ConstraintType.AS_SOON_AS_POSSIBLE ? 1 : 0;
			fileProgress += progress(task) ? 1 : 0;
		}
		Map<String, Integer> fileLinks = new TreeMap<>();
		List<ImportedPlan.Link> links = ganLinks != null ? ganLinks(ganLinks, byUid, summaries, fileLinks)
				: links(all, summaries, fileLinks);
		List<ImportedPlan.Person> people = people();
		customFields();
		ProjectCalendar calendar = calendar();
		Set<DayOfWeek> workingDays = workingDays(calendar);
		List<ImportedPlan.Holiday> holidays = holidays(calendar);
		LocalDate start = start(items);
		ImportedPlan plan = new ImportedPlan(projectName(fallbackName), start, date(properties.getFinishDate()),
				workingDays, holidays, items, links, people);
		int calendars = file.getCalendars().size();
		ImportPreview.Counts inFile = new ImportPreview.Counts(items.size() - fileMilestones, summaries.size(),
				fileMilestones, fileLinks, calendars, fileConstraints, fileProgress);
		int milestones = (int) items.stream().filter(ImportedPlan.Item::milestone).count();
		Map<String, Integer> created = new TreeMap<>();
		links.forEach(link -> created.merge(link.type().name(), 1, Integer::sum));
		int plannedStarts = (int) items.stream().filter(item -> item.plannedStart() != null).count();
		int withProgress = (int) items.stream()
			.filter(item -> item.percentComplete() > 0 || item.actualStart() != null)
			.count();
		return new Reading(plan, inFile, new ImportPreview.Counts(items.size() - milestones, 0, milestones, created, 1,
				plannedStarts, withProgress), losses.report());
	}

	// ---- activities --------------------------------------------------------------------------------

	private ImportedPlan.Item item(Task task) {
		String ref = ref(task);
		String name = name(task);
		if (task.getName() != null && task.getName().strip().length() > MAX_NAME) {
			losses.add("Names longer than " + MAX_NAME + " characters", "cut to " + MAX_NAME, name.substring(0, 40) + "…");
		}
		Double days = days(task.getDuration());
		boolean milestone = days != null ? days == 0 : task.getMilestone();
		int durationDays = 0;
		if (!milestone) {
			double exact = days == null ? 1 : days;
			durationDays = (int) Math.max(1, Math.min(3650, Math.round(exact)));
			if (exact != durationDays) {
				losses.add("Durations that are not whole working days", "rounded to the nearest whole day, at least 1",
						name + ": " + decimal(exact) + " d → " + durationDays + " d");
			}
			if (task.getDuration() != null && task.getDuration().getUnits().name().startsWith("ELAPSED")) {
				losses.add("Elapsed durations", "counted in working days", name + ": " + task.getDuration());
			}
		}
		if (milestone && !task.getMilestone()) {
			losses.add("Tasks of zero duration not marked as milestones", "created as milestones", name);
		}
		LocalDate plannedStart = constraint(task, name, milestone);
		int percent = percent(task);
		LocalDate actualStart = date(task.getActualStart());
		LocalDate actualFinish = date(task.getActualFinish());
		if (actualStart != null && actualStart.isAfter(today) || actualFinish != null && actualFinish.isAfter(today)) {
			losses.add("Actual dates after today", "not kept (Milepost records progress up to today)", name);
			actualStart = actualStart != null && actualStart.isAfter(today) ? null : actualStart;
			actualFinish = null;
		}
		if (actualFinish != null && actualStart == null) {
			losses.add("Actual finishes without an actual start", "not kept", name);
			actualFinish = null;
		}
		if (milestone && (actualFinish != null || percent == 100)) {
			losses.add("Milestones reached in the file", "created open: confirm them in Milepost with evidence", name);
		}
		LocalDate target = null;
		String targetFrom = null;
		if (milestone) {
			target = date(task.getDeadline());
			targetFrom = "the file's deadline";
			if (target == null) {
				target = date(task.getBaselineFinish());
				targetFrom = "the file's baseline finish";
			}
			if (target == null) {
				target = date(task.getFinish());
				targetFrom = "the file's planned finish";
			}
			if (target == null) {
				target = date(properties.getStartDate());
				targetFrom = "the project start (the file gives the milestone no date)";
			}
		}
		else if (task.getDeadline() != null) {
			losses.add("Deadlines on tasks", "not kept (in Milepost only milestones have targets)", name);
		}
		details(task, name);
		return new ImportedPlan.Item(ref, name, description(task, name), milestone, durationDays,
				milestone ? null : plannedStart, milestone ? 0 : percent, milestone ? null : actualStart,
				milestone ? null : actualFinish, target, targetFrom, date(task.getFinish()), days(task.getTotalSlack()));
	}

	/** The constraint a task keeps: start-no-earlier-than as its planned start; the rest go in the report. */
	private LocalDate constraint(Task task, String name, boolean milestone) {
		ConstraintType type = task.getConstraintType();
		LocalDate date = date(task.getConstraintDate());
		if (type == null || type == ConstraintType.AS_SOON_AS_POSSIBLE) {
			return null;
		}
		if (type == ConstraintType.START_NO_EARLIER_THAN && date != null && !milestone) {
			return date;
		}
		losses.add("Constraints other than start-no-earlier-than", "not kept",
				name + ": " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
						+ (date == null ? "" : " " + date));
		return null;
	}

	/** What else a task holds that today's model has no place for. */
	private void details(Task task, String name) {
		if (nonZero(task.getCost()) || nonZero(task.getFixedCost())) {
			losses.add("Costs", "not kept", name + ": " + task.getCost());
		}
		if (task.getLevelingDelay() != null && task.getLevelingDelay().getDuration() != 0) {
			losses.add("Resource leveling delays", "not kept", name + ": " + task.getLevelingDelay());
		}
		if (!task.getResourceAssignments().isEmpty()) {
			losses.add("Resource assignments", "not kept: the resources are matched to people below, but nobody is "
					+ "added to the project or assigned", task.getResourceAssignments().size(), name);
		}
		if (task.getBaselineStart() != null || task.getBaselineFinish() != null) {
			losses.add("Baseline dates", "not kept (a milestone without a deadline takes its baseline finish as "
					+ "target); save a baseline in Milepost after the import", name);
		}
		ProjectCalendar own = task.getCalendar();
		if (own != null && own != calendar()) {
			losses.add("Task calendars", "not kept: every task is counted in the project calendar",
					name + ": " + own.getName());
		}
		if (task.getActivityType() == ActivityType.LEVEL_OF_EFFORT) {
			losses.add("Level-of-effort activities", "kept as ordinary tasks of their stored duration", name);
		}
		if (task.getSecondaryConstraintType() != null) {
			losses.add("Secondary constraints", "not kept", name + ": " + task.getSecondaryConstraintType());
		}
		if (!task.getActive()) {
			losses.add("Inactive tasks", "created as ordinary tasks", name);
		}
	}

	private String description(Task task, String name) {
		String notes = task.getNotes();
		if (notes == null || notes.isBlank()) {
			return null;
		}
		notes = notes.strip();
		if (notes.length() > MAX_DESCRIPTION) {
			losses.add("Notes longer than " + MAX_DESCRIPTION + " characters", "cut to " + MAX_DESCRIPTION, name);
			return notes.substring(0, MAX_DESCRIPTION);
		}
		return notes;
	}

	private static boolean progress(Task task) {
		Number percent = task.getPercentageComplete();
		return percent != null && percent.doubleValue() > 0 || task.getActualStart() != null;
	}

	private static int percent(Task task) {
		Number percent = task.getPercentageComplete();
		return percent == null ? 0 : (int) Math.max(0, Math.min(100, Math.round(percent.doubleValue())));
	}

	// ---- links -------------------------------------------------------------------------------------

	private List<ImportedPlan.Link> links(List<Task> tasks, Set<Integer> summaries, Map<String, Integer> counted) {
		List<ImportedPlan.Link> links = new ArrayList<>();
		Set<String> pairs = new HashSet<>();
		for (Task successor : tasks) {
			for (Relation relation : successor.getPredecessors()) {
				Task predecessor = relation.getPredecessorTask();
				LinkType type = type(relation);
				counted.merge(type == null ? String.valueOf(relation.getType()) : type.name(), 1, Integer::sum);
				if (predecessor == null || predecessor.getUniqueID() == null || isProjectSummary(predecessor)) {
					losses.add("Links to tasks not in the file", "not kept", name(successor));
					continue;
				}
				String label = name(predecessor) + " → " + name(successor);
				Double lag = relation.getLag() == null ? Double.valueOf(0) : lagDays(relation.getLag(), label);
				add(links, pairs, ref(predecessor), ref(successor), summaries.contains(predecessor.getUniqueID())
						|| summaries.contains(successor.getUniqueID()), type, lag, label);
			}
		}
		return links;
	}

	private List<ImportedPlan.Link> ganLinks(GanLinks.Read read, Map<Integer, Task> byUid, Set<Integer> summaries,
			Map<String, Integer> counted) {
		List<ImportedPlan.Link> links = new ArrayList<>();
		Set<String> pairs = new HashSet<>();
		for (GanLink link : read.links()) {
			counted.merge(link.type() == null ? "type " + link.typeText() : link.type().name(), 1, Integer::sum);
			// MPXJ numbers GanttProject's task ids from 1: id + 1 is the task's unique id
			Task predecessor = byUid.get(link.predecessor() + 1);
			Task successor = byUid.get(link.successor() + 1);
			String label = read.names().get(link.predecessor()) + " → " + read.names().get(link.successor());
			if (predecessor == null || successor == null
					|| !same(predecessor.getName(), read.names().get(link.predecessor()))
					|| !same(successor.getName(), read.names().get(link.successor()))) {
				losses.add("Links to tasks not in the file", "not kept", label);
				continue;
			}
			if (link.rubber()) {
				losses.add("Rubber links (GanttProject)", "kept as ordinary links (Milepost's links are all strong)", label);
			}
			add(links, pairs, ref(predecessor), ref(successor), summaries.contains(predecessor.getUniqueID())
					|| summaries.contains(successor.getUniqueID()), link.type(), (double) link.lagDays(), label);
		}
		return links;
	}

	private void add(List<ImportedPlan.Link> links, Set<String> pairs, String predecessor, String successor,
			boolean summary, LinkType type, Double lag, String label) {
		if (type == null) {
			losses.add("Links of an unknown type", "not kept", label);
			return;
		}
		if (summary) {
			losses.add("Links to or from summary tasks", "not kept (the outline is flattened)", label);
			return;
		}
		if (predecessor.equals(successor)) {
			losses.add("Links of a task to itself", "not kept", label);
			return;
		}
		if (lag == null) {
			return;
		}
		if (!pairs.add(predecessor + ">" + successor) || pairs.contains(successor + ">" + predecessor)) {
			losses.add("A second link between the same two activities", "not kept: Milepost keeps one link per pair",
					label + " " + type);
			return;
		}
		int days = (int) Math.round(lag);
		if (days != lag) {
			losses.add("Lags that are not whole working days", "rounded to the nearest whole day",
					label + ": " + decimal(lag) + " d → " + days + " d");
		}
		links.add(new ImportedPlan.Link(predecessor, successor, type, days));
	}

	private Double lagDays(Duration lag, String label) {
		if (lag.getUnits() == TimeUnit.PERCENT || lag.getUnits() == TimeUnit.ELAPSED_PERCENT) {
			losses.add("Lags given as a percentage of the predecessor", "not kept: the link is dropped", label);
			return null;
		}
		return days(lag);
	}

	private static LinkType type(Relation relation) {
		if (relation.getType() == null) {
			return null;
		}
		return switch (relation.getType()) {
			case FINISH_START -> LinkType.FS;
			case START_START -> LinkType.SS;
			case FINISH_FINISH -> LinkType.FF;
			case START_FINISH -> LinkType.SF;
		};
	}

	// ---- people, calendar, project -----------------------------------------------------------------

	private List<ImportedPlan.Person> people() {
		List<ImportedPlan.Person> people = new ArrayList<>();
		for (Resource resource : file.getResources()) {
			if (resource.getName() == null || resource.getName().isBlank()) {
				continue;
			}
			String name = resource.getName().strip();
			people.add(new ImportedPlan.Person(name, resource.getEmailAddress()));
			if (resource.getStandardRate() != null && resource.getStandardRate().getAmount() != 0
					|| nonZero(resource.getCost())) {
				losses.add("Resource rates and costs", "not kept", name);
			}
		}
		return people;
	}

	private void customFields() {
		for (CustomField field : file.getCustomFields()) {
			if (field.getAlias() != null && !field.getAlias().isBlank()) {
				losses.add("Custom fields", "not kept", field.getAlias());
			}
		}
	}

	private ProjectCalendar calendar() {
		ProjectCalendar calendar = file.getDefaultCalendar();
		return calendar != null ? calendar : properties.getDefaultCalendar();
	}

	private Set<DayOfWeek> workingDays(ProjectCalendar calendar) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (calendar == null ? day.getValue() <= 5 : calendar.isWorkingDay(day)) {
				days.add(day);
			}
		}
		if (days.isEmpty()) {
			losses.add("A calendar without working weekdays", "replaced by Monday to Friday",
					calendar == null ? null : calendar.getName());
			days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		}
		for (ProjectCalendar other : file.getCalendars()) {
			if (other != calendar) {
				losses.add("Other calendars", "not kept: Milepost counts every task in one project calendar",
						other.getName());
			}
		}
		if (calendar != null) {
			Integer minutes = properties.getMinutesPerDay() == null ? null : properties.getMinutesPerDay().intValue();
			losses.add("Working hours (times of day)", "not kept: Milepost counts whole working days, a day being "
					+ (minutes == null ? 480 : minutes) / 60.0 + " hours of the file's time", 1, calendar.getName());
		}
		return days;
	}

	private List<ImportedPlan.Holiday> holidays(ProjectCalendar calendar) {
		Map<LocalDate, String> days = new LinkedHashMap<>();
		if (calendar == null) {
			return List.of();
		}
		for (ProjectCalendarException exception : calendar.getCalendarExceptions()) {
			if (exception.getFromDate() == null || exception.getToDate() == null) {
				continue;
			}
			if (exception.getWorking()) {
				losses.add("Working exceptions (extra working days or changed hours)", "not kept",
						exception.getFromDate() + (exception.getToDate().equals(exception.getFromDate()) ? ""
								: " – " + exception.getToDate()));
				continue;
			}
			for (LocalDate day = exception.getFromDate(); !day.isAfter(exception.getToDate()); day = day.plusDays(1)) {
				if (days.size() >= MAX_HOLIDAYS || !SupportedDates.contains(day)) {
					losses.add("Non-working days beyond " + MAX_HOLIDAYS + " or outside 1900–2199", "not kept",
							day.toString());
					break;
				}
				String name = exception.getName() == null || exception.getName().isBlank() ? "Holiday"
						: exception.getName().strip();
				days.putIfAbsent(day, name.length() > 100 ? name.substring(0, 100) : name);
			}
		}
		return days.entrySet().stream().map(e -> new ImportedPlan.Holiday(e.getKey(), e.getValue())).toList();
	}

	private LocalDate start(List<ImportedPlan.Item> items) {
		LocalDate start = date(properties.getStartDate());
		if (start == null) {
			start = file.getTasks()
				.stream()
				.map(Task::getStart)
				.filter(java.util.Objects::nonNull)
				.map(LocalDateTime::toLocalDate)
				.min(LocalDate::compareTo)
				.orElse(today);
		}
		return start;
	}

	private String projectName(String fallback) {
		String name = properties.getProjectTitle();
		if (name == null || name.isBlank()) {
			name = properties.getName();
		}
		if (name == null || name.isBlank()) {
			Task root = file.getTaskByUniqueID(0);
			name = root != null && root.getName() != null && !root.getName().isBlank() ? root.getName() : fallback;
		}
		name = name.strip();
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}

	// ---- helpers -----------------------------------------------------------------------------------

	/** MS Project's task 0 stands for the whole project; it is the project, not a summary to report. */
	private static boolean isProjectSummary(Task task) {
		return task.getOutlineLevel() != null && task.getOutlineLevel() == 0;
	}

	private static boolean isSummary(Task task) {
		return task.getSummary() || !task.getChildTasks().isEmpty();
	}

	private static String ref(Task task) {
		return String.valueOf(task.getUniqueID());
	}

	private String name(Task task) {
		String name = task.getName() == null || task.getName().isBlank() ? "Task " + task.getUniqueID()
				: task.getName().strip();
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}

	private static boolean same(String a, String b) {
		return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
	}

	/** A duration in working days of the file's day length; null when the file has none. */
	private Double days(Duration duration) {
		if (duration == null) {
			return null;
		}
		double days = duration.getUnits() == TimeUnit.DAYS ? duration.getDuration()
				: duration.convertUnits(TimeUnit.DAYS, properties).getDuration();
		return Double.isFinite(days) ? days : null;
	}

	private static LocalDate date(LocalDateTime time) {
		if (time == null) {
			return null;
		}
		LocalDate date = time.toLocalDate();
		return SupportedDates.contains(date) ? date : null;
	}

	private static boolean nonZero(Number number) {
		return number != null && number.doubleValue() != 0;
	}

	private static String decimal(double value) {
		return java.math.BigDecimal.valueOf(Math.round(value * 100) / 100.0).stripTrailingZeros().toPlainString();
	}

}
