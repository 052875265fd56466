package dev.milepost.schedule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.MilestoneFacts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusPolicy;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.StatusMemory;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Executes a {@link ReplayProject} day by day and records, for every working day, what the
 * application shows for each open milestone: {@link Schedules#gather} and {@link Schedules#decide}
 * on the plan and the progress known that day, with the baseline taken on the first day, exactly as
 * the schedule API computes them. The team reports progress every Monday morning (actual starts and
 * finishes, a percent complete with noise), revises the estimate of half the tasks once they are
 * half done, adds work found mid-way when it is found, and moves a target now and then when its
 * milestone is forecast three weeks late.
 */
final class Replay {

	static final String BASELINE = "Approved plan";

	/** How often (working days) the team reports progress. */
	static final int REPORT_EVERY = 5;

	/** One milestone's story: what the application showed each day it was open, and what happened. */
	static final class Series {

		final ReplayProject.Shape shape;

		final String name;

		/** Boundary at the end of the final target day. */
		int target;

		final int trueReach;

		boolean replanned;

		final List<Day> days = new ArrayList<>();

		Series(ReplayProject.Shape shape, String name, int trueReach) {
			this.shape = shape;
			this.name = name;
			this.trueReach = trueReach;
		}

		boolean met() {
			return trueReach <= target;
		}

	}

	/**
	 * One working day's view of an open milestone. {@code target} is its target then (boundary at the
	 * end of the day); p50/p80/p95 are boundaries (end of their day), -1 where not known; chance is
	 * NaN where not known. {@code atRisk} has bit i set when rule set i of the run flags it at risk.
	 */
	record Day(int day, int target, MilestoneStatus status, String decidedBy, int forecast, int slack, double chance,
			int p50, int p80, int p95, boolean lateWork, int atRisk) {
	}

	private final ReplayProject project;

	private final ScheduleSettings settings;

	private final MilestoneStatusPolicy shipped;

	private final List<Variant> others;

	/** Another rule set decided on the same facts, through the policy, with its own memory. */
	record Variant(MilestoneStatusPolicy policy, java.util.function.UnaryOperator<MilestoneFacts> facts) {

		Variant(MilestoneStatusPolicy policy) {
			this(policy, f -> f);
		}

	}

	/** What each milestone's status remembers, the shipped rules' and each variant's (index + 1). */
	private final List<Map<UUID, StatusMemory>> memories = new ArrayList<>();

	private final Map<UUID, ProjectPlan.Task> reported = new HashMap<>();

	private final Set<UUID> revised = new HashSet<>();

	private final Set<UUID> achieved = new HashSet<>();

	private Map<UUID, BaselineDates> baseline;

	/**
	 * Statuses as the {@code settings} decide them (bit 0 of {@link Day#atRisk()}), and at risk or not as
	 * each of {@code others} decides on the same facts (bits 1…).
	 */
	Replay(ReplayProject project, ScheduleSettings settings, List<Variant> others) {
		this.project = project;
		this.settings = settings;
		this.shipped = new MilestoneStatusPolicy(settings.rules());
		this.others = List.copyOf(others);
		for (int v = 0; v <= others.size(); v++) {
			memories.add(new HashMap<>());
		}
	}

	private final Map<UUID, Series> series = new HashMap<>();

	private final Map<UUID, Integer> lastSlack = new HashMap<>();

	/** What each milestone's shipped status remembers now, from the days stepped so far. */
	Map<UUID, StatusMemory> remembered() {
		return Map.copyOf(memories.get(0));
	}

	/** The day-by-day story of each milestone, in the order the project's gates were generated. */
	List<Series> run() {
		int last = 0;
		for (ReplayProject.Gate gate : project.gates) {
			last = Math.max(last, gate.trueReach);
		}
		for (int day = 0; day <= last + REPORT_EVERY && achieved.size() < project.gates.size(); day++) {
			step(day);
		}
		return stories();
	}

	/**
	 * Working day {@code day} (days are stepped one after the other from 0): on a Monday morning the
	 * team reports, then the application computes every milestone's status, which is recorded and
	 * returned.
	 */
	List<MilestoneEvaluation> step(int day) {
		WorkingCalendar calendar = project.calendar;
		if (day == 0) {
			if (baseline == null) {
				baseline = baseline(project.planAt(0, List.of(), null));
			}
			for (ReplayProject.Gate gate : project.gates) {
				series.put(gate.id, new Series(project.shape, gate.name, gate.trueReach));
			}
		}
		if (day > 0 && day % REPORT_EVERY == 0) {
			report(day, lastSlack);
		}
		LocalDate date = calendar.dateOf(day);
		Schedules.Computed computed = computed(plan(day), date);
		List<Schedules.Gathered> gathered = Schedules.gather(computed, settings.statusIterations(),
				settings.statusSharedSpread(), BASELINE, baseline);
		List<MilestoneEvaluation> shown = Schedules.decide(computed, gathered, shipped, memories.get(0));
		for (MilestoneEvaluation each : shown) {
			memories.get(0).put(each.milestoneId(), each.memory());
		}
		for (int m = 0; m < gathered.size(); m++) {
			MilestoneFacts facts = gathered.get(m).facts();
			int bits = shown.get(m).status() == MilestoneStatus.AT_RISK ? 1 : 0;
			for (int v = 0; v < others.size(); v++) {
				Map<UUID, StatusMemory> remembered = memories.get(v + 1);
				UUID id = facts.milestone().id();
				MilestoneStatusPolicy.Decision decision = others.get(v)
					.policy()
					.decide(others.get(v).facts().apply(facts), remembered.getOrDefault(id, StatusMemory.NONE));
				remembered.put(id, decision.memory());
				if (decision.status() == MilestoneStatus.AT_RISK) {
					bits |= 1 << (v + 1);
				}
			}
			if (facts.milestone().achieved()) {
				continue;
			}
			var risk = gathered.get(m).risk();
			MilestoneEvaluation evaluation = shown.get(m);
			int target = calendar.endOf(facts.milestone().targetDate());
			int forecast = calendar.endOf(facts.forecast());
			lastSlack.put(facts.milestone().id(), facts.slackDays());
			series.get(facts.milestone().id()).days.add(new Day(day, target, evaluation.status(),
					evaluation.decidedBy().code(), forecast, facts.slackDays(),
					facts.chance() == null ? Double.NaN : facts.chance(),
					boundary(calendar, risk == null ? null : risk.p50()),
					boundary(calendar, risk == null ? null : risk.p80()),
					boundary(calendar, risk == null ? null : risk.p95()), !facts.lateWork().isEmpty(), bits));
		}
		return shown;
	}

	/** The plan scheduled as of a status date, as the schedule API computes it (planned rate). */
	static Schedules.Computed computed(ProjectPlan plan, LocalDate statusDate) {
		PlanMapping mapping = PlanMapping.of(plan, statusDate, ForecastMethod.PLANNED_RATE);
		return new Schedules.Computed(mapping, mapping.schedule(), statusDate, ForecastMethod.PLANNED_RATE);
	}

	List<Series> stories() {
		List<Series> stories = new ArrayList<>();
		for (ReplayProject.Gate gate : project.gates) {
			Series story = series.get(gate.id);
			story.target = project.calendar.endOf(gate.target);
			story.replanned = replanned.contains(gate.id);
			stories.add(story);
		}
		return stories;
	}

	private final Set<UUID> replanned = new HashSet<>();

	private static int boundary(WorkingCalendar calendar, LocalDate date) {
		return date == null ? -1 : calendar.endOf(date);
	}

	/** The plan as the application holds it on {@code day}. */
	ProjectPlan plan(int day) {
		WorkingCalendar calendar = project.calendar;
		return project.planAt(day, List.copyOf(reported.values()),
				gate -> achieved.contains(gate.id)
						? calendar.finishDate(gate.trueReach).atStartOfDay().toInstant(ZoneOffset.UTC) : null);
	}

	/** Uses these baseline dates instead of the first plan's (an application's baseline); before day 0. */
	void baseline(Map<UUID, BaselineDates> dates) {
		this.baseline = Map.copyOf(dates);
	}

	/** The baseline the manager takes on the first day: the first plan's dates. */
	static Map<UUID, BaselineDates> baseline(ProjectPlan plan) {
		PlanMapping mapping = PlanMapping.of(plan, null, ForecastMethod.PLANNED_RATE);
		Schedule schedule = mapping.schedule();
		Map<UUID, BaselineDates> dates = new HashMap<>();
		for (int i = 0; i < mapping.network().size(); i++) {
			PlanMapping.Dates d = mapping.dates(schedule, i);
			dates.put(mapping.idOf(i), new BaselineDates(mapping.idOf(i), mapping.nameOf(i), d.earlyStart(),
					d.earlyFinish(), schedule.duration(i)));
		}
		return dates;
	}

	/** Monday morning: progress up to the end of last week, revised estimates, achievements, re-plans. */
	void report(int day, Map<UUID, Integer> lastSlack) {
		WorkingCalendar calendar = project.calendar;
		var random = project.random;
		for (ReplayProject.Work task : project.work) {
			if (task.found() > day || task.trueStart >= day) {
				continue;
			}
			LocalDate started = calendar.dateOf(task.trueStart);
			if (task.trueFinish <= day) {
				reported.put(task.id, progress(task, 100, started, calendar.finishDate(task.trueFinish)));
				continue;
			}
			int worked = day - task.trueStart;
			int was = reported.containsKey(task.id) ? reported.get(task.id).percentComplete() : 0;
			int percent = (int) Math.round(100.0 * worked / task.trueDuration + 8 * random.nextGaussian());
			reported.put(task.id, progress(task, Math.max(was, Math.max(1, Math.min(99, percent))), started, null));
			if (2 * worked >= task.trueDuration && revised.add(task.id) && random.nextDouble() < 0.5) {
				// the team revises its estimate of the whole task, closer to the truth but not exactly
				int now = (int) Math.max(1, Math.round(task.trueDuration * (1 + 0.1 * random.nextGaussian())));
				double ratio = (double) now / task.duration;
				task.duration = now;
				task.mostLikely = now;
				task.optimistic = Math.max(1, Math.min(now, (int) Math.round(task.optimistic * ratio)));
				task.pessimistic = Math.max(now + 1, (int) Math.round(task.pessimistic * ratio));
				reported.put(task.id, progress(task, reported.get(task.id).percentComplete(), started, null));
			}
		}
		for (ReplayProject.Gate gate : project.gates) {
			if (gate.trueReach <= day) {
				achieved.add(gate.id);
			}
			else {
				Integer slack = lastSlack.get(gate.id);
				int targetDay = calendar.dayIndex(gate.target);
				if (slack != null && slack <= -15 && targetDay - day >= 10 && !replanned.contains(gate.id)
						&& random.nextDouble() < 0.3) {
					// the manager moves the target to a week after the forecast, on a Friday
					LocalDate moved = calendar.finishDate(calendar.endOf(gate.target) - slack + 5);
					while (moved.getDayOfWeek() != java.time.DayOfWeek.FRIDAY) {
						moved = moved.plusDays(1);
					}
					gate.target = moved;
					replanned.add(gate.id);
				}
			}
		}
	}

	private static ProjectPlan.Task progress(ReplayProject.Work task, int percent, LocalDate start, LocalDate finish) {
		return new ProjectPlan.Task(task.id, task.name, task.duration, percent, task.plannedStart, start, finish,
				task.optimistic, task.mostLikely, task.pessimistic, List.of());
	}


}
