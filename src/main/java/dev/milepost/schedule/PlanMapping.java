package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ActivityIndex;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkTable;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.TaskTable;
import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.Network;
import dev.milepost.schedule.engine.Scenario;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.Scheduler;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Turns a project's plan into engine input and the engine's result back into dates. Plain Java,
 * so benchmarks and tests can use it without the application. Tasks come first (indices
 * 0..tasks-1), then milestones.
 *
 * <ul>
 * <li>A task's planned start is a start-no-earlier-than constraint; so is the project start.</li>
 * <li>Finished tasks keep their actual dates; achieved milestones sit at the end of the day they
 * were achieved.</li>
 * <li>A task under way resumes at the status date with its remaining work, estimated by the
 * {@link ForecastMethod}; work not started cannot start before the status date.</li>
 * <li>A milestone's target date is a deadline at the end of that day.</li>
 * <li>An open milestone that nothing holds back is reached on the first day of the window work
 * can happen in (the project's first day, or the status date), never on the day before: see
 * {@link #reached}.</li>
 * </ul>
 */
public final class PlanMapping {

	// the engine's kind code for each LinkType, by name, so the two enums may differ in order
	private static final byte[] KIND = new byte[LinkType.values().length];

	// whether every LinkType has the engine's kind code of its own ordinal, so the types serve as kinds
	private static final boolean KIND_IS_TYPE;

	static {
		boolean same = true;
		for (LinkType type : LinkType.values()) {
			KIND[type.ordinal()] = (byte) LinkKind.valueOf(type.name()).ordinal();
			same &= KIND[type.ordinal()] == type.ordinal();
		}
		KIND_IS_TYPE = same;
	}

	private final ProjectPlan plan;

	private final WorkingCalendar calendar;

	// activity indices by id, made on the first look-up: mapping and scheduling need none
	private volatile ActivityIndex index;

	private final Network network;

	private final Scenario scenario;

	// the tasks with a planned or an actual start: the only ones a scenario concerns
	private final int[] held;

	private final int statusDay;

	private PlanMapping(ProjectPlan plan, LocalDate statusDate, ForecastMethod method) {
		this.plan = plan;
		this.calendar = new WorkingCalendar(plan.start(), plan.workingDays(), plan.holidays());
		LinkTable links = plan.linkTable();
		if (links.unresolved() >= 0) {
			ProjectPlan.Link link = links.get(links.unresolved());
			UUID outside = link.successorIndex() < 0 ? link.successor() : link.predecessor();
			throw new IllegalArgumentException(
					"Dependency " + link.id() + " names " + outside + ", which is no task or milestone of " + plan.key());
		}
		Network.Builder builder = Network.builder(plan.activityCount(), links.size());
		TaskTable tasks = plan.taskTable();
		for (int duration : tasks.durations()) {
			builder.task(duration);
		}
		for (int m = 0, count = plan.milestones().size(); m < count; m++) {
			builder.milestone();
		}
		builder.links(links.predecessors(), links.successors(), KIND_IS_TYPE ? links.types() : kinds(links.types()),
				links.lags());
		this.network = builder.build();
		this.statusDay = statusDate == null ? Integer.MIN_VALUE : calendar.dayIndex(statusDate);
		this.held = tasks.held();
		this.scenario = scenario(statusDate, method, held, true);
	}

	private static byte[] kinds(byte[] types) {
		byte[] kinds = new byte[types.length];
		for (int l = 0; l < types.length; l++) {
			kinds[l] = KIND[types[l]];
		}
		return kinds;
	}

	/** Maps the plan as of a status date (progress counts up to then); null status = plan only. */
	public static PlanMapping of(ProjectPlan plan, LocalDate statusDate, ForecastMethod method) {
		return new PlanMapping(plan, statusDate, method);
	}

	/**
	 * The plan as planned, before any progress: no status date, no actual dates, no milestone
	 * achieved; planned starts and targets as in {@link #scenario()}. What earned schedule measures
	 * against when no baseline has the dates, without mapping the plan a second time.
	 */
	public Scenario plannedScenario() {
		return scenario(null, null, held, false);
	}

	/**
	 * The scenario: {@code held} lists the tasks with a planned or an actual start, the only ones it
	 * concerns; without {@code progress} actual dates and achievements are left out.
	 */
	private Scenario scenario(LocalDate statusDate, ForecastMethod method, int[] held, boolean progress) {
		Scenario scenario = Scenario.of(network);
		if (statusDate != null) {
			scenario.statusDate(statusDay);
		}
		List<ProjectPlan.Task> tasks = plan.tasks();
		for (int i : held) {
			ProjectPlan.Task task = tasks.get(i);
			if (task.plannedStart() != null) {
				scenario.startNoEarlierThan(i, calendar.dayIndex(task.plannedStart()));
			}
			if (task.actualStart() == null || !progress) {
				continue;
			}
			int start = calendar.dayIndex(task.actualStart());
			if (task.actualFinish() != null) {
				scenario.done(i, start, Math.max(start, calendar.endOf(task.actualFinish())));
			}
			else if (statusDate != null) {
				scenario.inProgress(i, start, remaining(task, start, method));
			}
		}
		int offset = tasks.size();
		// milestones come by target date, many on the same day: the last day's boundary is kept
		LocalDate lastTarget = null;
		int lastBoundary = 0;
		for (int m = 0, count = plan.milestones().size(); m < count; m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			if (milestone.achieved() && progress) {
				LocalDate day = LocalDate.ofInstant(milestone.achievedAt(), java.time.ZoneOffset.UTC);
				int at = calendar.endOf(day);
				scenario.done(offset + m, at, at);
			}
			LocalDate target = milestone.targetDate();
			if (target != null) {
				if (!target.equals(lastTarget)) {
					lastTarget = target;
					lastBoundary = calendar.endOf(target);
				}
				scenario.deadline(offset + m, lastBoundary);
			}
		}
		return scenario;
	}

	private int remaining(ProjectPlan.Task task, int start, ForecastMethod method) {
		double done = task.percentComplete() / 100.0;
		if (method == ForecastMethod.OBSERVED_RATE && done > 0) {
			int elapsed = Math.max(1, statusDay - start);
			return (int) Math.ceil(elapsed / done - elapsed - 1e-9);
		}
		return (int) Math.ceil(task.durationDays() * (1 - done) - 1e-9);
	}

	public Schedule schedule() {
		return Scheduler.schedule(network, scenario);
	}

	/** Schedules the same network under another scenario (what-ifs, simulation draws). */
	public Schedule schedule(Scenario other) {
		return Scheduler.schedule(network, other);
	}

	public Network network() {
		return network;
	}

	public Scenario scenario() {
		return scenario;
	}

	public WorkingCalendar calendar() {
		return calendar;
	}

	public ProjectPlan plan() {
		return plan;
	}

	public int indexOf(UUID activity) {
		int at = index().indexOf(activity);
		if (at < 0) {
			throw new IllegalArgumentException("No task or milestone " + activity + " in " + plan.key());
		}
		return at;
	}

	private ActivityIndex index() {
		ActivityIndex built = index;
		if (built == null) {
			built = ActivityIndex.of(plan.tasks(), plan.milestones());
			index = built;
		}
		return built;
	}

	public UUID idOf(int activity) {
		int tasks = plan.tasks().size();
		return activity < tasks ? plan.tasks().get(activity).id() : plan.milestones().get(activity - tasks).id();
	}

	public String nameOf(int activity) {
		int tasks = plan.tasks().size();
		return activity < tasks ? plan.tasks().get(activity).name() : plan.milestones().get(activity - tasks).name();
	}

	public ActivityKind kindOf(int activity) {
		return activity < plan.tasks().size() ? ActivityKind.TASK : ActivityKind.MILESTONE;
	}

	/** The first boundary work can start at: the project start, or the status date if later. */
	private int floor() {
		return statusDay == Integer.MIN_VALUE ? 0 : Math.max(0, statusDay);
	}

	/**
	 * The boundary at which an activity counts as reached, given one the engine computed for it. The
	 * engine puts a milestone that nothing holds back at the very start of the window work can happen
	 * in (the start of the project's first day, or of the status date), which is also the end of the
	 * day before; an open milestone cannot be reached before that window, so it counts as reached by
	 * the end of its first day: a start milestone on the project start, an open milestone never
	 * before the status date. Everything else is as the engine says.
	 */
	public int reached(Schedule schedule, int activity, int boundary) {
		return boundary == floor() && network.isMilestone(activity) && !schedule.isDone(activity) ? boundary + 1
				: boundary;
	}

	/**
	 * The plan scheduled as this mapping says, with each activity's dates and total float and the
	 * finish, but no milestone statuses: what a plan that is not stored yet (one read from a file)
	 * would show, for comparing with another tool's schedule.
	 */
	public ProjectForecast datesOnly() {
		Schedule schedule = schedule();
		List<ProjectForecast.Activity> activities = new ArrayList<>(schedule.size());
		for (int i = 0; i < schedule.size(); i++) {
			Dates dates = dates(schedule, i);
			activities.add(new ProjectForecast.Activity(idOf(i), kindOf(i), nameOf(i), dates.earlyStart(),
					dates.earlyFinish(), dates.lateStart(), dates.lateFinish(), schedule.totalFloat(i),
					schedule.isCritical(i), schedule.isDone(i)));
		}
		LocalDate finish = schedule.finish() == 0 ? plan.start() : calendar.finishDate(schedule.finish());
		return new ProjectForecast(plan, statusDay == Integer.MIN_VALUE ? null : calendar.dateOf(statusDay), finish,
				activities, List.of());
	}

	/** Dates of one activity in a computed schedule. */
	public record Dates(LocalDate earlyStart, LocalDate earlyFinish, LocalDate lateStart, LocalDate lateFinish) {
	}

	/**
	 * Dates as people read them: a task starts on its first day and finishes on its last; a
	 * milestone falls on the day at whose end it is reached.
	 */
	public Dates dates(Schedule schedule, int activity) {
		boolean milestone = network.isMilestone(activity);
		LocalDate earlyStart = milestone
				? calendar.finishDate(reached(schedule, activity, schedule.earlyStart(activity)))
				: calendar.dateOf(schedule.earlyStart(activity));
		LocalDate lateStart = milestone
				? calendar.finishDate(reached(schedule, activity, schedule.lateStart(activity)))
				: calendar.dateOf(schedule.lateStart(activity));
		LocalDate earlyFinish = schedule.duration(activity) == 0 && !milestone ? earlyStart
				: calendar.finishDate(reached(schedule, activity, schedule.earlyFinish(activity)));
		LocalDate lateFinish = schedule.duration(activity) == 0 && !milestone ? lateStart
				: calendar.finishDate(reached(schedule, activity, schedule.lateFinish(activity)));
		return new Dates(earlyStart, earlyFinish, lateStart, lateFinish);
	}

	/**
	 * Working days between a milestone's forecast and the end of its target day: positive when it
	 * is forecast early, negative when late; null for activities without a target.
	 */
	public Integer slackToTarget(Schedule schedule, int activity) {
		int tasks = plan.tasks().size();
		if (activity < tasks) {
			return null;
		}
		LocalDate target = plan.milestones().get(activity - tasks).targetDate();
		return target == null ? null
				: calendar.endOf(target) - reached(schedule, activity, schedule.earlyFinish(activity));
	}

	/** The ids along an activity's driving path, first to last. */
	public List<UUID> drivingPath(Schedule schedule, int activity) {
		List<UUID> ids = new ArrayList<>();
		for (int step : schedule.drivingPath(activity)) {
			ids.add(idOf(step));
		}
		return ids;
	}

}
