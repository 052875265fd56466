package dev.milepost.interchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import net.sf.mpxj.ActivityType;
import net.sf.mpxj.ConstraintType;
import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectCalendarDays;
import net.sf.mpxj.ProjectCalendarHours;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.ProjectProperties;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.ScheduleFrom;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.mspdi.MSPDIWriter;
import net.sf.mpxj.primavera.PrimaveraPMFileWriter;

/**
 * The plan as MPXJ's project model, written as MSPDI or PMXML. Milepost counts whole working days
 * on one project calendar; the files get that calendar as a standard 8-hour day (08:00–12:00,
 * 13:00–17:00) on the project's working weekdays, with each holiday a non-working exception. A task
 * starts at 08:00 on its first day and finishes at 17:00 on its last; a milestone falls at 17:00 on
 * the day it is reached, its target a deadline at the end of that day, as the scheduler reads them.
 */
final class ProjectFiles {

	static final LocalTime DAY_START = LocalTime.of(8, 0);

	static final LocalTime DAY_END = LocalTime.of(17, 0);

	private static final int MINUTES_PER_DAY = 480;

	private ProjectFiles() {
	}

	static void mspdi(ExportTable table, OutputStream out) throws IOException {
		new MSPDIWriter().write(of(table), out);
	}

	/**
	 * P6 has no deadline: a milestone's target goes as the secondary constraint "finish on or before",
	 * which P6 weighs as MS Project weighs a deadline (late dates and float, never the early dates).
	 */
	static void pmxml(ExportTable table, OutputStream out) throws IOException {
		ProjectFile file = of(table);
		for (Task task : file.getTasks()) {
			if (task.getDeadline() != null) {
				task.setSecondaryConstraintType(ConstraintType.FINISH_NO_LATER_THAN);
				task.setSecondaryConstraintDate(task.getDeadline());
			}
		}
		new PrimaveraPMFileWriter().write(file, out);
	}

	static ProjectFile of(ExportTable table) {
		ProjectPlan plan = table.forecast().plan();
		ProjectFile file = new ProjectFile();
		ProjectCalendar calendar = calendar(file, plan);
		properties(file.getProjectProperties(), table, calendar);
		Map<String, Resource> resources = resources(file, table);
		Map<UUID, Task> tasks = new HashMap<>();
		for (ExportTable.Row row : table.rows()) {
			Task task = task(file, row);
			for (String username : row.resources()) {
				assign(task, resources.get(username), row);
			}
			tasks.put(row.activityId(), task);
		}
		for (ExportTable.Row row : table.rows()) {
			Task successor = tasks.get(row.activityId());
			for (ExportTable.Predecessor predecessor : row.predecessors()) {
				successor.addPredecessor(new Relation.Builder().predecessorTask(tasks.get(predecessor.predecessorId()))
					.type(relationType(predecessor.type()))
					.lag(Duration.getInstance(predecessor.lagDays(), TimeUnit.DAYS)));
			}
		}
		return file;
	}

	private static void properties(ProjectProperties properties, ExportTable table, ProjectCalendar calendar) {
		ProjectPlan plan = table.forecast().plan();
		properties.setName(plan.name());
		properties.setProjectTitle(plan.name());
		properties.setProjectID(plan.key());
		properties.setManager(plan.manager());
		properties.setScheduleFrom(ScheduleFrom.START);
		properties.setStartDate(startOf(plan.start()));
		properties.setPlannedStart(startOf(plan.start()));
		if (table.forecast().finish() != null) {
			properties.setFinishDate(endOf(table.forecast().finish()));
			properties.setScheduledFinish(endOf(table.forecast().finish()));
		}
		if (plan.targetFinish() != null) {
			properties.setMustFinishBy(endOf(plan.targetFinish()));
		}
		properties.setStatusDate(startOf(table.forecast().statusDate()));
		properties.setCurrentDate(startOf(table.forecast().statusDate()));
		properties.setDefaultStartTime(DAY_START);
		properties.setDefaultEndTime(DAY_END);
		properties.setMinutesPerDay(MINUTES_PER_DAY);
		properties.setMinutesPerWeek(MINUTES_PER_DAY * plan.workingDays().size());
		properties.setDefaultDurationUnits(TimeUnit.DAYS);
		properties.setDefaultCalendar(calendar);
		// tasks added in Microsoft Project are scheduled as Milepost schedules them, and progress entered
		// there moves remaining work to the status date, as Milepost's forecast does
		properties.setNewTasksAreManual(false);
		properties.setMoveRemainingStartsForward(true);
	}

	/** The project calendar: its working weekdays, eight hours each, and every holiday as a day off. */
	private static ProjectCalendar calendar(ProjectFile file, ProjectPlan plan) {
		ProjectCalendar calendar = file.addDefaultBaseCalendar();
		calendar.setName(plan.key() + " calendar");
		for (DayOfWeek day : DayOfWeek.values()) {
			boolean working = plan.workingDays().contains(day);
			calendar.setWorkingDay(day, working);
			ProjectCalendarHours hours = calendar.getCalendarHours(day);
			if (hours == null) {
				hours = calendar.addCalendarHours(day);
			}
			hours.clear();
			if (working) {
				hours.add(ProjectCalendarDays.DEFAULT_WORKING_MORNING);
				hours.add(ProjectCalendarDays.DEFAULT_WORKING_AFTERNOON);
			}
		}
		plan.holidays().stream().sorted().forEach(day -> calendar.addCalendarException(day, day).setName("Holiday"));
		file.setDefaultCalendar(calendar);
		return calendar;
	}

	private static Map<String, Resource> resources(ProjectFile file, ExportTable table) {
		Map<String, Resource> resources = new HashMap<>();
		int id = 1;
		for (String username : table.resources()) {
			Resource resource = file.addResource();
			resource.setID(id);
			resource.setUniqueID(id++);
			resource.setName(username);
			resource.setType(ResourceType.WORK);
			resources.put(username, resource);
		}
		return resources;
	}

	private static Task task(ProjectFile file, ExportTable.Row row) {
		Task task = file.addTask();
		task.setID(row.id());
		task.setUniqueID(row.id());
		task.setActivityID(Integer.toString(row.id()));
		task.setGUID(row.activityId());
		task.setName(row.name());
		task.setOutlineLevel(ExportTable.OUTLINE_LEVEL);
		task.setMilestone(row.milestone());
		// P6 knows a milestone by its activity type; Milepost's fall at the end of a day, as finish milestones
		task.setActivityType(row.milestone() ? ActivityType.FINISH_MILESTONE : ActivityType.TASK_DEPENDENT);
		task.setDuration(Duration.getInstance(row.durationDays(), TimeUnit.DAYS));
		double done = row.durationDays() * row.percentComplete() / 100.0;
		task.setActualDuration(Duration.getInstance(done, TimeUnit.DAYS));
		task.setRemainingDuration(Duration.getInstance(row.durationDays() - done, TimeUnit.DAYS));
		task.setPercentageComplete(row.percentComplete());
		task.setStart(row.milestone() ? endOf(row.start()) : startOf(row.start()));
		task.setFinish(endOf(row.finish()));
		task.setEarlyStart(row.milestone() ? endOf(row.start()) : startOf(row.start()));
		task.setEarlyFinish(endOf(row.finish()));
		task.setLateStart(row.milestone() ? endOf(row.lateStart()) : startOf(row.lateStart()));
		task.setLateFinish(endOf(row.lateFinish()));
		task.setTotalSlack(Duration.getInstance(row.totalFloat(), TimeUnit.DAYS));
		task.setCritical(row.critical());
		if (row.actualStart() != null) {
			task.setActualStart(row.milestone() ? endOf(row.actualStart()) : startOf(row.actualStart()));
		}
		if (row.actualFinish() != null) {
			task.setActualFinish(endOf(row.actualFinish()));
		}
		if (row.plannedStart() != null) {
			task.setConstraintType(ConstraintType.START_NO_EARLIER_THAN);
			task.setConstraintDate(startOf(row.plannedStart()));
		}
		if (row.target() != null) {
			task.setDeadline(endOf(row.target()));
		}
		return task;
	}

	/** The person works on the task full time: its duration in 8-hour days. */
	private static void assign(Task task, Resource resource, ExportTable.Row row) {
		ResourceAssignment assignment = task.addResourceAssignment(resource);
		assignment.setUnits(100);
		assignment.setWork(Duration.getInstance(row.durationDays() * MINUTES_PER_DAY / 60.0, TimeUnit.HOURS));
		assignment.setStart(task.getStart());
		assignment.setFinish(task.getFinish());
	}

	static RelationType relationType(LinkType type) {
		return switch (type) {
			case FS -> RelationType.FINISH_START;
			case SS -> RelationType.START_START;
			case FF -> RelationType.FINISH_FINISH;
			case SF -> RelationType.START_FINISH;
		};
	}

	private static LocalDateTime startOf(LocalDate day) {
		return day == null ? null : day.atTime(DAY_START);
	}

	private static LocalDateTime endOf(LocalDate day) {
		return day == null ? null : day.atTime(DAY_END);
	}

}
