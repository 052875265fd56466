package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
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
 * </ul>
 */
public final class PlanMapping {

	// the engine's kind code for each LinkType, by name, so the two enums may differ in order
	private static final byte[] KIND = new byte[LinkType.values().length];

	static {
		for (LinkType type : LinkType.values()) {
			KIND[type.ordinal()] = (byte) LinkKind.valueOf(type.name()).ordinal();
		}
	}

	private final ProjectPlan plan;

	private final WorkingCalendar calendar;

	private final UuidIndex index;

	private final Network network;

	private final Scenario scenario;

	private final int statusDay;

	private PlanMapping(ProjectPlan plan, LocalDate statusDate, ForecastMethod method) {
		this.plan = plan;
		this.calendar = new WorkingCalendar(plan.start(), plan.workingDays(), plan.holidays());
		int size = plan.tasks().size() + plan.milestones().size();
		this.index = new UuidIndex(size);
		Network.Builder builder = Network.builder(size, plan.links().size());
		for (ProjectPlan.Task task : plan.tasks()) {
			index.put(task.id(), builder.task(task.durationDays()));
		}
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			index.put(milestone.id(), builder.milestone());
		}
		addLinks(builder);
		this.network = builder.build();
		this.statusDay = statusDate == null ? Integer.MIN_VALUE : calendar.dayIndex(statusDate);
		this.scenario = scenario(statusDate, method);
	}

	/**
	 * The links as arrays for the builder. Links usually come grouped by successor (each
	 * activity's links are made with it and read back in that order), so a successor equal to the
	 * last one is not looked up again.
	 */
	private void addLinks(Network.Builder builder) {
		List<ProjectPlan.Link> links = plan.links();
		int count = links.size();
		int[] from = new int[count];
		int[] to = new int[count];
		byte[] kind = new byte[count];
		int[] lag = new int[count];
		UUID lastSuccessor = null;
		int lastTo = -1;
		for (int l = 0; l < count; l++) {
			ProjectPlan.Link link = links.get(l);
			UUID successor = link.successor();
			if (!successor.equals(lastSuccessor)) {
				lastSuccessor = successor;
				lastTo = linkEnd(link, successor);
			}
			from[l] = linkEnd(link, link.predecessor());
			to[l] = lastTo;
			kind[l] = KIND[link.type().ordinal()];
			lag[l] = link.lagDays();
		}
		builder.links(from, to, kind, lag);
	}

	private int linkEnd(ProjectPlan.Link link, UUID activity) {
		int at = index.get(activity);
		if (at < 0) {
			throw new IllegalArgumentException(
					"Dependency " + link.id() + " names " + activity + ", which is no task or milestone of " + plan.key());
		}
		return at;
	}

	/** Maps the plan as of a status date (progress counts up to then); null status = plan only. */
	public static PlanMapping of(ProjectPlan plan, LocalDate statusDate, ForecastMethod method) {
		return new PlanMapping(plan, statusDate, method);
	}

	private Scenario scenario(LocalDate statusDate, ForecastMethod method) {
		Scenario scenario = Scenario.of(network);
		if (statusDate != null) {
			scenario.statusDate(statusDay);
		}
		List<ProjectPlan.Task> tasks = plan.tasks();
		for (int i = 0; i < tasks.size(); i++) {
			ProjectPlan.Task task = tasks.get(i);
			if (task.plannedStart() != null) {
				scenario.startNoEarlierThan(i, calendar.dayIndex(task.plannedStart()));
			}
			if (task.actualStart() == null) {
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
		for (int m = 0; m < plan.milestones().size(); m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			if (milestone.achieved()) {
				LocalDate day = LocalDate.ofInstant(milestone.achievedAt(), java.time.ZoneOffset.UTC);
				int at = calendar.endOf(day);
				scenario.done(offset + m, at, at);
			}
			if (milestone.targetDate() != null) {
				scenario.deadline(offset + m, calendar.endOf(milestone.targetDate()));
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
		int at = index.get(activity);
		if (at < 0) {
			throw new IllegalArgumentException("No task or milestone " + activity + " in " + plan.key());
		}
		return at;
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

	/** Dates of one activity in a computed schedule. */
	public record Dates(LocalDate earlyStart, LocalDate earlyFinish, LocalDate lateStart, LocalDate lateFinish) {
	}

	/**
	 * Dates as people read them: a task starts on its first day and finishes on its last; a
	 * milestone falls on the day at whose end it is reached.
	 */
	public Dates dates(Schedule schedule, int activity) {
		boolean milestone = network.isMilestone(activity);
		LocalDate earlyStart = milestone ? calendar.finishDate(schedule.earlyStart(activity))
				: calendar.dateOf(schedule.earlyStart(activity));
		LocalDate lateStart = milestone ? calendar.finishDate(schedule.lateStart(activity))
				: calendar.dateOf(schedule.lateStart(activity));
		LocalDate earlyFinish = schedule.duration(activity) == 0 && !milestone ? earlyStart
				: calendar.finishDate(schedule.earlyFinish(activity));
		LocalDate lateFinish = schedule.duration(activity) == 0 && !milestone ? lateStart
				: calendar.finishDate(schedule.lateFinish(activity));
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
		return target == null ? null : calendar.endOf(target) - schedule.earlyFinish(activity);
	}

	/** The ids along an activity's driving path, first to last. */
	public List<UUID> drivingPath(Schedule schedule, int activity) {
		List<UUID> ids = new ArrayList<>();
		for (int step : schedule.drivingPath(activity)) {
			ids.add(idOf(step));
		}
		return ids;
	}

	/**
	 * Activity indices by id, for the millions of look-ups a large plan's links make: open
	 * addressing over an int table whose slots hold index + 1, the ids kept by index as pairs of
	 * longs. A HashMap of boxed indices took more time than the whole schedule.
	 */
	private static final class UuidIndex {

		private final int[] slots;

		private final int mask;

		private final int shift;

		// the id of activity i: keys[2i] (most significant bits), keys[2i + 1]
		private final long[] keys;

		UuidIndex(int size) {
			int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1;
			this.slots = new int[capacity];
			this.mask = capacity - 1;
			this.shift = Long.numberOfLeadingZeros(capacity) + 1;
			this.keys = new long[2 * size];
		}

		/** Records the id of activity {@code index}; a repeated id then names the later activity. */
		void put(UUID id, int index) {
			long msb = id.getMostSignificantBits();
			long lsb = id.getLeastSignificantBits();
			keys[2 * index] = msb;
			keys[2 * index + 1] = lsb;
			for (int slot = slot(msb, lsb);; slot = slot + 1 & mask) {
				int held = slots[slot] - 1;
				if (held < 0 || keys[2 * held] == msb && keys[2 * held + 1] == lsb) {
					slots[slot] = index + 1;
					return;
				}
			}
		}

		/** The index of the activity, or -1. */
		int get(UUID id) {
			long msb = id.getMostSignificantBits();
			long lsb = id.getLeastSignificantBits();
			for (int slot = slot(msb, lsb);; slot = slot + 1 & mask) {
				int held = slots[slot] - 1;
				if (held < 0 || keys[2 * held] == msb && keys[2 * held + 1] == lsb) {
					return held;
				}
			}
		}

		private int slot(long msb, long lsb) {
			// ids need not be random in every bit (time-ordered ones are not), so mix them first
			long mixed = (msb ^ Long.rotateLeft(lsb, 32)) * 0x9E37_79B9_7F4A_7C15L;
			return (int) (mixed >>> shift);
		}

	}

}
