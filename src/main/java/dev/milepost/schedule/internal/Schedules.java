package dev.milepost.schedule.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.EarnedSchedule;
import dev.milepost.schedule.Feedability;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneFacts;
import dev.milepost.schedule.MilestoneStatusPolicy;
import dev.milepost.schedule.StatusMemory;
import dev.milepost.schedule.StatusRules;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.CycleFoundException;
import dev.milepost.schedule.engine.Schedule;
import dev.milepost.schedule.engine.SimulationProgress;
import org.springframework.stereotype.Service;

/** Computes a project's schedule and its milestones' status, as of a status date. */
@Service
class Schedules {

	private final Baselines baselines;

	private final ScheduleSettings settings;

	private final StatusMemories memories;

	private final Clock clock;

	private final PlanCache cache;

	private final PlanQueries plans;

	Schedules(PlanQueries plans, Baselines baselines, ScheduleSettings settings, StatusMemories memories, Clock clock,
			PlanCache cache) {
		this.plans = plans;
		this.baselines = baselines;
		this.settings = settings;
		this.memories = memories;
		this.clock = clock;
		this.cache = cache;
	}

	/** A plan mapped and scheduled, with the status date and method it was computed for. */
	record Computed(PlanMapping mapping, Schedule schedule, LocalDate statusDate, ForecastMethod method) {
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Computed compute(ProjectContext context, LocalDate statusDate, ForecastMethod method) {
		return compute(context.projectId(), statusDate, method);
	}

	/** The project's plan as stored now, computed: from memory when it has not changed since ({@link PlanCache}). */
	Computed compute(UUID projectId, LocalDate statusDate, ForecastMethod method) {
		LocalDate status = statusDate == null ? today() : statusDate;
		ForecastMethod chosen = method == null ? settings.forecastMethod() : method;
		return cache.computed(projectId, status, chosen, plan -> compute(plan, status, chosen));
	}

	Computed compute(ProjectPlan plan, LocalDate statusDate, ForecastMethod method) {
		LocalDate status = statusDate == null ? today() : statusDate;
		ForecastMethod chosen = method == null ? settings.forecastMethod() : method;
		PlanMapping mapping;
		try {
			mapping = PlanMapping.of(plan, status, chosen);
		}
		catch (CycleFoundException e) {
			// the plan refuses cycles when links are added; this only guards against data written around it
			throw new RuleViolationException("dependencies", "The plan's links form a cycle and cannot be scheduled.");
		}
		return new Computed(mapping, mapping.schedule(), status, chosen);
	}

	/**
	 * The plan as it stood on the morning of {@code asOf}, scheduled with that status date: the
	 * progress and achievements recorded for the days before it and nothing after ({@link PlanAsOf}),
	 * so a project's own history can be replayed day by day. Targets, durations, links and the
	 * activities themselves are as they are now: the plan keeps no history of them. Refuses (422,
	 * {@code asOf}) a day after today or before the project's start.
	 */
	Computed asOf(ProjectContext context, LocalDate asOf, ForecastMethod method) {
		ProjectPlan plan = plans.plan(context);
		LocalDate today = today();
		if (asOf.isAfter(today)) {
			throw new RuleViolationException("asOf", "The plan as it stood on " + asOf
					+ " is not known yet: choose today (" + today + ") or an earlier day.");
		}
		if (asOf.isBefore(plan.start())) {
			throw new RuleViolationException("asOf",
					"The project starts on " + plan.start() + "; there is no plan as of " + asOf + ".");
		}
		return compute(PlanAsOf.of(plan, asOf, today), asOf, method);
	}

	/** The schedule with one page of its activities. */
	ScheduleViews.ScheduleView view(Computed computed, Paging paging) {
		PlanMapping mapping = computed.mapping();
		Schedule schedule = computed.schedule();
		List<UUID> critical = new ArrayList<>();
		for (int i : schedule.criticalActivities()) {
			critical.add(mapping.idOf(i));
		}
		ProjectPlan plan = mapping.plan();
		int total = mapping.network().size();
		int from = (int) Math.min(paging.offset(), total);
		int to = Math.min(total, from + paging.size());
		return new ScheduleViews.ScheduleView(plan.key(), computed.statusDate(), computed.method(), plan.start(),
				finish(computed), plan.targetFinish(), critical, earnedSchedule(computed),
				activities(computed, from, to), paging.page(), paging.size(), total,
				(total + paging.size() - 1) / paging.size());
	}

	/** Every activity as scheduled, tasks then milestones. */
	List<ScheduleViews.ActivityView> activities(Computed computed) {
		return activities(computed, 0, computed.mapping().network().size());
	}

	/** The activities numbered {@code from} up to {@code to} (exclusive) as scheduled. */
	private List<ScheduleViews.ActivityView> activities(Computed computed, int from, int to) {
		PlanMapping mapping = computed.mapping();
		Schedule schedule = computed.schedule();
		List<ScheduleViews.ActivityView> activities = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			PlanMapping.Dates dates = mapping.dates(schedule, i);
			activities.add(new ScheduleViews.ActivityView(mapping.idOf(i), mapping.kindOf(i), mapping.nameOf(i),
					dates.earlyStart(), dates.earlyFinish(), dates.lateStart(), dates.lateFinish(),
					schedule.totalFloat(i), schedule.freeFloat(i), schedule.isCritical(i), schedule.isDone(i)));
		}
		return activities;
	}

	/** The forecast project finish. */
	LocalDate finish(Computed computed) {
		Schedule schedule = computed.schedule();
		ProjectPlan plan = computed.mapping().plan();
		return schedule.finish() == 0 ? plan.start() : computed.mapping().calendar().finishDate(schedule.finish());
	}

	/**
	 * Earned schedule against the latest baseline's dates where it has them, otherwise against the
	 * plan as scheduled without any progress.
	 */
	EarnedSchedule earnedSchedule(Computed computed) {
		PlanMapping mapping = computed.mapping();
		ProjectPlan plan = mapping.plan();
		Map<UUID, BaselineDates> base = baselines.latest(plan.projectId())
			.map(b -> baselines.dates(b.id()))
			.orElse(Map.of());
		// the same network without progress: scheduled again, not mapped again
		Schedule plannedSchedule = mapping.schedule(mapping.plannedScenario());
		var calendar = mapping.calendar();
		List<EarnedSchedule.Work> work = new ArrayList<>();
		for (int i = 0; i < plan.tasks().size(); i++) {
			ProjectPlan.Task task = plan.tasks().get(i);
			BaselineDates then = base.get(task.id());
			int start = then != null ? calendar.dayIndex(then.start()) : plannedSchedule.earlyStart(i);
			int finish = then != null ? calendar.endOf(then.finish()) : plannedSchedule.earlyFinish(i);
			double done = task.done() ? 1.0 : task.percentComplete() / 100.0;
			work.add(new EarnedSchedule.Work(start, finish, task.durationDays(), done));
		}
		return EarnedSchedule.of(work, calendar.dayIndex(computed.statusDate()));
	}

	/** The seed of the run every status weighs: the same plan gives the same chances on every page. */
	static final long STATUS_SEED = 42;

	/**
	 * Every milestone's status, decided by {@link MilestoneStatusPolicy} from the facts of this
	 * computation (the schedule, the latest baseline and one seeded Monte Carlo run of the plan) and
	 * what each status remembers from the days before ({@link StatusMemories}).
	 */
	List<MilestoneEvaluation> evaluate(Computed computed) {
		return evaluate(computed, memories.of(computed.mapping().plan().projectId()));
	}

	/** The same, with the memories given (a rebuilt history carries its own from week to week). */
	List<MilestoneEvaluation> evaluate(Computed computed, Map<UUID, StatusMemory> remembered) {
		return evaluate(computed, baselines.latest(computed.mapping().plan().projectId()), remembered);
	}

	/**
	 * The same as of a past day ({@link #asOf}): against the latest baseline describing the plan on
	 * or before that day (its status date), as the status would have compared then, decided as a
	 * first day (what was remembered is today's, not that day's).
	 */
	List<MilestoneEvaluation> evaluateAsOf(Computed computed) {
		return evaluate(computed, baselines.latestAsOf(computed.mapping().plan().projectId(), computed.statusDate()),
				Map.of());
	}

	private List<MilestoneEvaluation> evaluate(Computed computed, java.util.Optional<Baselines.Baseline> baseline,
			Map<UUID, StatusMemory> remembered) {
		return evaluate(computed, settings.rules(), settings.statusIterations(), settings.statusSharedSpread(),
				baseline.map(Baselines.Baseline::name).orElse(null),
				baseline.map(b -> baselines.dates(b.id())).orElse(Map.of()), remembered);
	}

	/**
	 * The same, from what the database gave: plain Java, so a replay or a test decides exactly as
	 * the application does. {@code iterations} 0 leaves the chance out.
	 */
	static List<MilestoneEvaluation> evaluate(Computed computed, StatusRules rules, int iterations,
			double sharedSpread, String baselineName, Map<UUID, BaselineDates> baseline,
			Map<UUID, StatusMemory> remembered) {
		return decide(computed, gather(computed, iterations, sharedSpread, baselineName, baseline),
				new MilestoneStatusPolicy(rules), remembered);
	}

	/**
	 * A milestone's facts, with the simulated outcome they took their chance from (null: none) and
	 * its driving path as activity numbers.
	 */
	record Gathered(MilestoneFacts facts, Forecasts.Risk risk, List<Integer> path) {
	}

	/**
	 * Every milestone's facts, in the plan's order: the schedule, the latest baseline and one seeded
	 * Monte Carlo run of the plan ({@code iterations} 0 leaves the chance out), its work sharing a
	 * slip of {@code sharedSpread} fitted to the project's history ({@link SharedSlip}). Deciding is
	 * apart, so a replay can weigh the same facts under several rules.
	 */
	static List<Gathered> gather(Computed computed, int iterations, double sharedSpread, String baselineName,
			Map<UUID, BaselineDates> baseline) {
		PlanMapping mapping = computed.mapping();
		ProjectPlan plan = mapping.plan();
		Map<UUID, Forecasts.Risk> odds = odds(computed, iterations,
				SharedSlip.fit(plan, mapping.calendar(), sharedSpread));
		Map<UUID, Feedability> feedability = Feedability.all(plan);
		List<Gathered> gathered = new ArrayList<>();
		int tasks = plan.tasks().size();
		for (int m = 0; m < plan.milestones().size(); m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			Forecasts.Risk risk = odds.get(milestone.id());
			List<Integer> path = computed.schedule().drivingPath(tasks + m);
			gathered.add(new Gathered(StatusFacts.of(mapping, computed.schedule(), tasks + m, path,
					feedability.get(milestone.id()), computed.statusDate(), baselineName, baseline, risk), risk, path));
		}
		return gathered;
	}

	/**
	 * Each milestone's status as {@code policy} decides it on the gathered facts and what each
	 * remembers ({@code remembered} by milestone id; none: a first day).
	 */
	static List<MilestoneEvaluation> decide(Computed computed, List<Gathered> gathered, MilestoneStatusPolicy policy,
			Map<UUID, StatusMemory> remembered) {
		PlanMapping mapping = computed.mapping();
		List<MilestoneEvaluation> evaluations = new ArrayList<>();
		for (Gathered each : gathered) {
			MilestoneFacts facts = each.facts();
			ProjectPlan.Milestone milestone = facts.milestone();
			MilestoneStatusPolicy.Decision decision = policy.decide(facts,
					remembered.getOrDefault(milestone.id(), StatusMemory.NONE));
			LocalDate forecast = milestone.achieved()
					? LocalDate.ofInstant(milestone.achievedAt(), java.time.ZoneOffset.UTC) : facts.forecast();
			evaluations.add(new MilestoneEvaluation(milestone.id(), milestone.name(), milestone.targetDate(), forecast,
					facts.slackDays(), decision.status(), decision.reasons(),
					each.path().stream().map(mapping::idOf).toList(),
					facts.chance() == null || milestone.achieved() ? null : each.risk(), decision.memory()));
		}
		return evaluations;
	}

	/**
	 * Each milestone's simulated outcome from a seeded run of the plan as computed; none when the
	 * run is switched off or the plan's estimates cannot be simulated (the simulation says why).
	 */
	private static Map<UUID, Forecasts.Risk> odds(Computed computed, int iterations, SharedSlip shared) {
		if (iterations == 0 || computed.mapping().plan().milestones().isEmpty()) {
			return Map.of();
		}
		Simulations.Result result;
		try {
			result = Simulations.run(computed,
					new Simulations.Request(iterations, STATUS_SEED, null, null, null, computed.statusDate()),
					SimulationProgress.NONE, shared);
		}
		catch (RuleViolationException e) {
			return Map.of();
		}
		Map<UUID, Forecasts.Risk> odds = new java.util.HashMap<>();
		for (Simulations.MilestoneRisk m : result.milestones()) {
			odds.put(m.id(), new Forecasts.Risk(m.id(), m.forecast().p50(), m.forecast().p80(), m.forecast().p95(),
					m.probabilityOfMeetingTarget(), result.iterations(), result.seed()));
		}
		return odds;
	}

	ScheduleViews.StatusReport report(Computed computed) {
		return report(computed, evaluate(computed));
	}

	/** The statuses as of a past day ({@link #asOf}, {@link #evaluateAsOf}). */
	ScheduleViews.StatusReport reportAsOf(Computed computed) {
		return report(computed, evaluateAsOf(computed));
	}

	/** The report of statuses evaluated already (stored ones: {@link StoredEvaluations}). */
	ScheduleViews.StatusReport report(Computed computed, List<MilestoneEvaluation> evaluations) {
		PlanMapping mapping = computed.mapping();
		List<ScheduleViews.MilestoneStatusView> views = evaluations.stream()
			.map(e -> new ScheduleViews.MilestoneStatusView(e.milestoneId(), e.name(), e.target(), e.forecast(),
					e.slackDays(), e.status(), e.decidedBy(), e.risk() == null ? null : e.risk().chanceOfMeetingTarget(),
					e.risk() == null ? null : e.risk().p80(), e.reasons(), e.drivingPath()
						.stream()
						.map(id -> new ScheduleViews.PathStep(id, mapping.kindOf(mapping.indexOf(id)),
								mapping.nameOf(mapping.indexOf(id))))
						.toList()))
			.toList();
		return new ScheduleViews.StatusReport(mapping.plan().key(), computed.statusDate(), views, null);
	}

	/** How each activity's current dates differ from a baseline's, in working days. */
	List<Baselines.Variance> variance(Computed computed, UUID baselineId) {
		PlanMapping mapping = computed.mapping();
		Map<UUID, BaselineDates> base = baselines.dates(baselineId);
		List<Baselines.Variance> rows = new ArrayList<>();
		var calendar = mapping.calendar();
		for (int i = 0; i < mapping.network().size(); i++) {
			UUID id = mapping.idOf(i);
			PlanMapping.Dates now = mapping.dates(computed.schedule(), i);
			BaselineDates then = base.get(id);
			if (then == null) {
				rows.add(new Baselines.Variance(id, mapping.kindOf(i), mapping.nameOf(i), null, null, now.earlyStart(),
						now.earlyFinish(), null, null, true));
			}
			else {
				rows.add(new Baselines.Variance(id, mapping.kindOf(i), mapping.nameOf(i), then.start(), then.finish(),
						now.earlyStart(), now.earlyFinish(),
						calendar.dayIndex(now.earlyStart()) - calendar.dayIndex(then.start()),
						calendar.endOf(now.earlyFinish()) - calendar.endOf(then.finish()), false));
			}
		}
		return rows;
	}

}
