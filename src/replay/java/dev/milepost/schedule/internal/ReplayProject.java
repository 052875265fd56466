package dev.milepost.schedule.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * One generated project for the early-warning replay: its plan as the team first wrote it (phases of
 * tasks, a milestone closing each phase, the demo portfolio's link mix), and what will really happen
 * (each task's true duration, late starts, scope found mid-way), drawn from one seed.
 *
 * <p>
 * Shapes follow the demo portfolio: SMALL like MFA (10–15 tasks, 3 milestones, ~3 months), MEDIUM
 * like CRM (20–30 tasks, 5–6 milestones, ~6 months), LARGE like ERP (50–70 tasks, 8–10 milestones, ~a
 * year). Links: 90 % finish-to-start, 8 % start-to-start, 2 % finish-to-finish, 15 % with a lag, as
 * the demo and the real-data plans (../shared/realdata) mostly are. Every task has a planned start (its
 * early start in the first plan) and a three-point estimate, as in the demo.
 */
final class ReplayProject {

	enum Shape {

		SMALL(3, 3, 5), MEDIUM(5, 4, 6), LARGE(8, 6, 8);

		final int phases;

		final int minTasks;

		final int maxTasks;

		Shape(int phases, int minTasks, int maxTasks) {
			this.phases = phases;
			this.minTasks = minTasks;
			this.maxTasks = maxTasks;
		}

	}

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	/** A task: planned estimate, and the truth (true duration, days it starts late, day it is found). */
	static final class Work {

		final UUID id;

		final String name;

		final int phase;

		int duration;

		int optimistic;

		int mostLikely;

		int pessimistic;

		LocalDate plannedStart;

		final int trueDuration;

		final int lateBy;

		/** The working day it becomes known (scope added mid-way), 0 for the first plan, -1 until drawn. */
		private int foundOn;

		int trueStart;

		int trueFinish;

		Work(UUID id, String name, int phase, int duration, int optimistic, int pessimistic, int trueDuration, int lateBy,
				int foundOn) {
			this.id = id;
			this.name = name;
			this.phase = phase;
			this.duration = duration;
			this.optimistic = optimistic;
			this.mostLikely = duration;
			this.pessimistic = pessimistic;
			this.trueDuration = trueDuration;
			this.lateBy = lateBy;
			this.foundOn = foundOn;
		}

		int found() {
			return foundOn;
		}

		void foundOnDay(int day) {
			if (foundOn == -1) {
				foundOn = Math.max(1, day);
			}
		}

	}

	/** A milestone closing a phase; {@code trueReach} is the boundary it is really reached at. */
	static final class Gate {

		final UUID id;

		final String name;

		final int phase;

		LocalDate target;

		int trueReach;

		Gate(UUID id, String name, int phase) {
			this.id = id;
			this.name = name;
			this.phase = phase;
		}

	}

	/** A link between activities of the project (tasks and gates by id). */
	record Dependency(UUID from, boolean fromGate, UUID to, boolean toGate, LinkType type, int lag) {
	}

	final int number;

	final Shape shape;

	final LocalDate start;

	final WorkingCalendar calendar;

	final Set<DayOfWeek> workingDays;

	final Set<LocalDate> holidays;

	final List<Work> work = new ArrayList<>();

	final List<Gate> gates = new ArrayList<>();

	final List<Dependency> links = new ArrayList<>();

	final SplittableRandom random;

	private ReplayProject(int number, Shape shape, LocalDate start, Set<DayOfWeek> workingDays,
			Set<LocalDate> holidays, SplittableRandom random) {
		this.number = number;
		this.shape = shape;
		this.start = start;
		this.workingDays = Set.copyOf(workingDays);
		this.holidays = Set.copyOf(holidays);
		this.calendar = new WorkingCalendar(start, workingDays, holidays);
		this.random = random;
	}

	/**
	 * Project {@code number} of the run seeded {@code seed}: the same pair always gives the same
	 * project. It starts on a Monday of 2026, works Monday to Friday, without holidays.
	 */
	static ReplayProject generate(long seed, int number) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
		LocalDate start = LocalDate.of(2026, 1, 5).plusWeeks(random.nextInt(40));
		return generate(random, number, start, WEEKDAYS, Set.of());
	}

	/** The same project on another start and calendar (to push it into a running application). */
	static ReplayProject generate(long seed, int number, LocalDate start, Set<DayOfWeek> workingDays,
			Set<LocalDate> holidays) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
		random.nextInt(40);
		return generate(random, number, start, workingDays, holidays);
	}

	private static ReplayProject generate(SplittableRandom random, int number, LocalDate start,
			Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {
		double pick = random.nextDouble();
		Shape shape = pick < 0.4 ? Shape.SMALL : pick < 0.8 ? Shape.MEDIUM : Shape.LARGE;
		ReplayProject project = new ReplayProject(number, shape, start, workingDays, holidays, random);
		project.build();
		return project;
	}

	private void build() {
		// correlated slips: the whole project and each phase run slower (or faster) than estimated
		double projectFactor = Math.exp(0.10 * random.nextGaussian());
		Gate previous = null;
		List<Work> previousPhase = List.of();
		for (int phase = 0; phase < shape.phases; phase++) {
			double phaseFactor = projectFactor * Math.exp(0.12 * random.nextGaussian());
			int count = shape.minTasks + random.nextInt(shape.maxTasks - shape.minTasks + 1);
			int chains = 1 + random.nextInt(Math.min(3, count));
			List<Work> phaseWork = new ArrayList<>();
			List<Work> tails = new ArrayList<>();
			for (int t = 0; t < count; t++) {
				Work task = task("P" + (phase + 1) + " task " + (t + 1), phase, phaseFactor, 0);
				phaseWork.add(task);
				if (t < chains) {
					// a chain's head waits for the last phase's gate, or now and then for one of its tasks
					if (previous == null) {
						// first phase: starts with the project
					}
					else if (random.nextDouble() < 0.3 && !previousPhase.isEmpty()) {
						link(previousPhase.get(random.nextInt(previousPhase.size())).id, false, task.id, false);
					}
					else {
						links.add(new Dependency(previous.id, true, task.id, false, LinkType.FS, 0));
					}
				}
				else {
					Work before = phaseWork.get(t - chains);
					link(before.id, false, task.id, false);
					if (t >= chains + 1 && random.nextDouble() < 0.25) {
						Work other = phaseWork.get(random.nextInt(t - 1));
						if (other != before) {
							link(other.id, false, task.id, false);
						}
					}
				}
			}
			for (int t = Math.max(0, count - chains); t < count; t++) {
				tails.add(phaseWork.get(t));
			}
			Gate gate = new Gate(UUID.nameUUIDFromBytes(("gate " + number + "/" + phase).getBytes()),
					"Phase " + (phase + 1) + " done", phase);
			for (Work tail : tails) {
				links.add(new Dependency(tail.id, false, gate.id, true, LinkType.FS, 0));
			}
			// scope found mid-way: a task nobody planned, known only once the phase is under way
			if (random.nextDouble() < 0.2) {
				Work found = task("P" + (phase + 1) + " found work", phase, phaseFactor, -1);
				Work after = phaseWork.get(random.nextInt(phaseWork.size()));
				links.add(new Dependency(after.id, false, found.id, false, LinkType.SS, 2 + random.nextInt(5)));
				links.add(new Dependency(found.id, false, gate.id, true, LinkType.FS, 0));
				phaseWork.add(found);
			}
			gates.add(gate);
			previous = gate;
			previousPhase = phaseWork;
		}
		plan();
		truth();
		targets();
	}

	private Work task(String name, int phase, double phaseFactor, int foundOn) {
		int duration = (int) Math.max(1, Math.min(30, Math.round(Math.exp(Math.log(6) + 0.6 * random.nextGaussian()))));
		int optimistic = Math.max(1, (int) Math.round(duration * (0.6 + 0.3 * random.nextDouble())));
		int pessimistic = Math.max(duration + 1, (int) Math.round(duration * (1.3 + 0.9 * random.nextDouble())));
		// the truth: a PERT draw from the team's own estimate, times the phase's and project's slip
		double drawn = pert(optimistic, duration, pessimistic) * phaseFactor;
		int trueDuration = (int) Math.max(1, Math.round(drawn));
		int lateBy = random.nextDouble() < 0.15 ? 1 + random.nextInt(5) : 0;
		UUID id = UUID.nameUUIDFromBytes(("task " + number + "/" + work.size()).getBytes());
		Work task = new Work(id, name, phase, duration, optimistic, pessimistic, trueDuration, lateBy,
				foundOn < 0 ? -1 : 0);
		work.add(task);
		return task;
	}

	private void link(UUID from, boolean fromGate, UUID to, boolean toGate) {
		double kind = random.nextDouble();
		LinkType type = kind < 0.90 ? LinkType.FS : kind < 0.98 ? LinkType.SS : LinkType.FF;
		int lag = random.nextDouble() < 0.15 ? 1 + random.nextInt(3) : 0;
		links.add(new Dependency(from, fromGate, to, toGate, type, lag));
	}

	/** A draw from the beta-PERT over (a, m, b), as the engine's PERT distribution shapes it. */
	private double pert(double a, double m, double b) {
		double alpha = 1 + 4 * (m - a) / (b - a);
		double beta = 1 + 4 * (b - m) / (b - a);
		double x = gamma(alpha);
		double y = gamma(beta);
		return a + (b - a) * x / (x + y);
	}

	private double gamma(double shape) {
		// Marsaglia–Tsang, shape >= 1
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x = random.nextGaussian();
			double v = 1 + c * x;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			double u = random.nextDouble();
			if (Math.log(u) < 0.5 * x * x + d - d * Math.log(v) + Math.log(d)) {
				return d * v;
			}
		}
	}

	/** Planned starts: each first-plan task's early start in the first plan, as the demo has them. */
	private void plan() {
		ProjectPlan first = planAt(0, List.of(), null);
		PlanMapping mapping = PlanMapping.of(first, null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		for (int i = 0; i < first.tasks().size(); i++) {
			Work task = byId(first.tasks().get(i).id());
			task.plannedStart = mapping.dates(schedule, i).earlyStart();
		}
	}

	/**
	 * What really happens: a forward pass over the true durations, each task starting when its links
	 * allow, not before its planned start (teams start when planned) nor before it is found, plus the
	 * days it starts late. Tasks come in an order where predecessors come first.
	 */
	private void truth() {
		// found work becomes known when the task it follows has run a third of its time
		boolean changed = true;
		for (Work task : work) {
			task.trueStart = -1;
		}
		while (changed) {
			changed = false;
			for (Work task : work) {
				if (task.trueStart >= 0) {
					continue;
				}
				Integer earliest = earliest(task);
				if (earliest == null) {
					continue;
				}
				int at = earliest;
				if (task.plannedStart != null) {
					at = Math.max(at, calendar.dayIndex(task.plannedStart));
				}
				task.trueStart = at + task.lateBy;
				task.trueFinish = task.trueStart + task.trueDuration;
				if (task.found() > 0) {
					task.plannedStart = calendar.dateOf(task.found());
				}
				changed = true;
			}
			for (Gate gate : gates) {
				int reach = 0;
				for (Dependency link : links) {
					if (link.to().equals(gate.id)) {
						Work from = byId(link.from());
						if (from == null || from.trueStart < 0) {
							reach = -1;
							break;
						}
						reach = Math.max(reach, from.trueFinish + link.lag());
					}
				}
				if (reach >= 0 && gate.trueReach != reach) {
					gate.trueReach = reach;
					changed = true;
				}
			}
		}
	}

	/** When a task may start by its links, or null while a predecessor's truth is not known yet. */
	private Integer earliest(Work task) {
		int at = 0;
		for (Dependency link : links) {
			if (!link.to().equals(task.id)) {
				continue;
			}
			int from;
			int fromStart;
			if (link.fromGate()) {
				Gate gate = gate(link.from());
				if (gate.trueReach <= 0 && hasWork(gate)) {
					return null;
				}
				from = gate.trueReach;
				fromStart = from;
			}
			else {
				Work before = byId(link.from());
				if (before.trueStart < 0) {
					return null;
				}
				from = before.trueFinish;
				fromStart = before.trueStart;
				if (task.foundOn == -1) {
					// found once the work it follows has run a third of its time
					task.foundOnDay(before.trueStart + Math.max(1, before.trueDuration / 3));
				}
			}
			at = Math.max(at, switch (link.type()) {
				case FS -> from + link.lag();
				case SS -> fromStart + link.lag();
				case FF -> from + link.lag() - task.trueDuration;
				case SF -> fromStart + link.lag() - task.trueDuration;
			});
		}
		if (task.found() > 0) {
			at = Math.max(at, task.found());
		}
		return Math.max(0, at);
	}

	private boolean hasWork(Gate gate) {
		return links.stream().anyMatch(l -> l.to().equals(gate.id));
	}

	/**
	 * Targets as a manager sets them: on the Friday on or after the gate's date in the first plan plus
	 * a contingency.
	 */
	private void targets() {
		ProjectPlan first = planAt(0, List.of(), null);
		PlanMapping mapping = PlanMapping.of(first, null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		int tasks = first.tasks().size();
		for (int g = 0; g < gates.size(); g++) {
			LocalDate planned = mapping.dates(schedule, tasks + g).earlyFinish();
			// contingency in proportion to the way to go: none for a quarter of the gates, else up to 25 %
			int buffer = random.nextDouble() < 0.25 ? 0
					: (int) Math.round(random.nextDouble() * 0.25 * calendar.endOf(planned));
			LocalDate target = calendar.finishDate(calendar.endOf(planned) + buffer);
			while (target.getDayOfWeek() != DayOfWeek.FRIDAY) {
				target = target.plusDays(1);
			}
			gates.get(g).target = target;
		}
	}

	/** The day a link was entered: when the later of its ends was found (0: the first plan). */
	private int foundOn(Dependency link) {
		Work from = byId(link.from());
		Work to = byId(link.to());
		return Math.max(from == null ? 0 : Math.max(0, from.found()), to == null ? 0 : Math.max(0, to.found()));
	}

	Work byId(UUID id) {
		for (Work task : work) {
			if (task.id.equals(id)) {
				return task;
			}
		}
		return null;
	}

	Gate gate(UUID id) {
		for (Gate gate : gates) {
			if (gate.id.equals(id)) {
				return gate;
			}
		}
		return null;
	}

	/**
	 * The plan as the application holds it at the start of working day {@code day}: the work known
	 * by then, with {@code progress} (null: none) and the targets as they stand.
	 */
	ProjectPlan planAt(int day, List<ProjectPlan.Task> progress, java.util.function.Function<Gate, java.time.Instant> achieved) {
		List<ProjectPlan.Task> tasks = new ArrayList<>();
		java.util.Set<UUID> known = new java.util.HashSet<>();
		java.util.Map<UUID, ProjectPlan.Task> reported = new java.util.HashMap<>();
		progress.forEach(t -> reported.put(t.id(), t));
		// listed as the application lists them, in the order they were entered: the first plan, then
		// found work by the day it was found (the order decides which draw each task gets)
		List<Work> entered = new ArrayList<>(work.stream().filter(t -> t.found() == 0).toList());
		work.stream()
			.filter(t -> t.found() > 0 && t.found() <= day)
			.sorted(java.util.Comparator.comparingInt(Work::found))
			.forEach(entered::add);
		for (Work task : entered) {
			known.add(task.id);
			ProjectPlan.Task now = reported.get(task.id);
			tasks.add(new ProjectPlan.Task(task.id, task.name, task.duration, now == null ? 0 : now.percentComplete(),
					task.plannedStart, now == null ? null : now.actualStart(), now == null ? null : now.actualFinish(),
					task.optimistic, task.mostLikely, task.pessimistic, List.of()));
		}
		List<ProjectPlan.Milestone> milestones = new ArrayList<>();
		for (Gate gate : gates) {
			known.add(gate.id);
			java.time.Instant at = achieved == null ? null : achieved.apply(gate);
			milestones.add(new ProjectPlan.Milestone(gate.id, gate.name, gate.target, "manager",
					CriterionKind.ALL_FEEDING_TASKS_DONE, "All its work is done.", null, null, List.of(), at,
					at == null ? null : "manager"));
		}
		// the application lists milestones by target date
		milestones.sort(java.util.Comparator.comparing(ProjectPlan.Milestone::targetDate,
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		// links too in the order they were entered: those of found work when it was found
		List<ProjectPlan.Link> planLinks = new ArrayList<>();
		List<Integer> order = new ArrayList<>();
		for (int n = 0; n < links.size(); n++) {
			Dependency link = links.get(n);
			if (known.contains(link.from()) && known.contains(link.to())) {
				order.add(n);
			}
		}
		order.sort(java.util.Comparator.comparingInt(n -> foundOn(links.get(n))));
		for (int n : order) {
			Dependency link = links.get(n);
			planLinks.add(new ProjectPlan.Link(UUID.nameUUIDFromBytes(("link " + number + "/" + n).getBytes()),
					link.from(), link.fromGate() ? ActivityKind.MILESTONE : ActivityKind.TASK, link.to(),
					link.toGate() ? ActivityKind.MILESTONE : ActivityKind.TASK, link.type(), link.lag()));
		}
		LocalDate finish = gates.isEmpty() ? start : gates.get(gates.size() - 1).target;
		return new ProjectPlan(UUID.nameUUIDFromBytes(("project " + number).getBytes()), "R" + number,
				"Replay " + number, "sponsor", "manager", start, finish, "ACTIVE", workingDays, holidays, List.of(), tasks,
				milestones, List.of(), planLinks);
	}

}
