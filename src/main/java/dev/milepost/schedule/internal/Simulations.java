package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

import dev.milepost.common.RuleViolationException;
import dev.milepost.common.SupportedDate;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Distribution;
import dev.milepost.schedule.engine.Estimates;
import dev.milepost.schedule.engine.FinishDistribution;
import dev.milepost.schedule.engine.MonteCarlo;
import dev.milepost.schedule.engine.SimulationOptions;
import dev.milepost.schedule.engine.SimulationProgress;
import dev.milepost.schedule.engine.SimulationResult;
import dev.milepost.schedule.engine.WorkingCalendar;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Monte Carlo risk for a project: each task's duration drawn from its three-point estimate (or
 * the default spread around its duration), the plan scheduled per draw, and per milestone the
 * P50 / P80 / P95 dates and the chance of meeting its target; per task its criticality index.
 */
final class Simulations {

	private Simulations() {
	}

	record Request(@Min(100) @Max(100_000) Integer iterations, Long seed, Distribution distribution,
			@DecimalMin("0") @DecimalMax("0.9") Double spreadUnder, @DecimalMin("0") @DecimalMax("5") Double spreadOver,
			@SupportedDate LocalDate statusDate) {
	}

	/** The percentiles and, for a chart, how many iterations finished on each day and by it. */
	record Percentiles(LocalDate p50, LocalDate p80, LocalDate p95, LocalDate earliest, LocalDate latest,
			List<Bin> histogram) {
	}

	/** The iterations finishing on {@code date}, and the share finished by then (0–1). */
	record Bin(LocalDate date, int count, double cumulative) {
	}

	record MilestoneRisk(UUID id, String name, LocalDate target, LocalDate deterministic, Percentiles forecast,
			Double probabilityOfMeetingTarget) {
	}

	record TaskRisk(UUID id, String name, double criticalityIndex) {
	}

	record Result(LocalDate statusDate, int iterations, long seed, Distribution distribution,
			Percentiles projectFinish, List<MilestoneRisk> milestones, List<TaskRisk> tasks) {
	}

	static Result run(Schedules.Computed computed, Request request) {
		return run(computed, request, SimulationProgress.NONE);
	}

	/** Runs it, telling {@code progress} after each chunk of iterations how many are done. */
	static Result run(Schedules.Computed computed, Request request, SimulationProgress progress) {
		return run(computed, request, progress, SharedSlip.NONE);
	}

	/** Runs it with every iteration's work sharing one slip (the status's run: {@link SharedSlip}). */
	static Result run(Schedules.Computed computed, Request request, SimulationProgress progress, SharedSlip shared) {
		PlanMapping mapping = computed.mapping();
		ProjectPlan plan = mapping.plan();
		Estimates.Builder estimates = Estimates.builder(mapping.network());
		if (request.spreadUnder() != null || request.spreadOver() != null) {
			estimates.spread(request.spreadUnder() == null ? Estimates.DEFAULT_UNDER : request.spreadUnder(),
					request.spreadOver() == null ? Estimates.DEFAULT_OVER : request.spreadOver());
		}
		estimates.shared(shared.shift(), shared.spread());
		for (int i = 0; i < plan.tasks().size(); i++) {
			ProjectPlan.Task task = plan.tasks().get(i);
			if (task.optimistic() != null) {
				try {
					estimates.estimate(i, task.optimistic(), task.mostLikely(), task.pessimistic());
				}
				catch (IllegalArgumentException e) {
					throw new RuleViolationException("tasks", "The estimate of '" + task.name() + "' cannot be used: "
							+ e.getMessage());
				}
			}
		}
		SimulationOptions.Builder options = SimulationOptions.builder()
			.iterations(request.iterations() == null ? SimulationOptions.DEFAULT_ITERATIONS : request.iterations())
			.seed(request.seed() == null ? SimulationOptions.DEFAULT_SEED : request.seed())
			.distribution(request.distribution() == null ? Distribution.PERT : request.distribution())
			.progress(progress);
		SimulationOptions chosen = options.build();
		SimulationResult result = MonteCarlo.simulate(mapping.network(), mapping.scenario(), estimates.build(), chosen);
		WorkingCalendar calendar = mapping.calendar();
		List<MilestoneRisk> milestones = new ArrayList<>();
		int tasks = plan.tasks().size();
		for (int m = 0; m < plan.milestones().size(); m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			int activity = tasks + m;
			FinishDistribution finish = result.finish(activity);
			milestones.add(new MilestoneRisk(milestone.id(), milestone.name(), milestone.targetDate(),
					mapping.dates(computed.schedule(), activity).earlyFinish(),
					percentiles(calendar, finish, b -> mapping.reached(computed.schedule(), activity, b)),
					finish.target().isPresent() ? finish.probabilityOfMeetingTarget() : null));
		}
		List<TaskRisk> taskRisks = new ArrayList<>();
		for (int t = 0; t < tasks; t++) {
			taskRisks.add(new TaskRisk(plan.tasks().get(t).id(), plan.tasks().get(t).name(), result.criticality(t)));
		}
		return new Result(computed.statusDate(), chosen.iterations(), chosen.seed(), chosen.distribution(),
				percentiles(calendar, result.projectFinish(), b -> b), milestones, taskRisks);
	}

	/**
	 * Dates of the finish's boundaries, each taken where it counts as {@code reached} (see
	 * {@link PlanMapping#reached}); boundaries that fall on the same date share one bin.
	 */
	private static Percentiles percentiles(WorkingCalendar calendar, FinishDistribution finish,
			IntUnaryOperator reached) {
		List<Bin> histogram = new ArrayList<>();
		for (int boundary = finish.min(); boundary <= finish.max(); boundary++) {
			LocalDate date = calendar.finishDate(reached.applyAsInt(boundary));
			double by = Math.round(finish.probabilityBy(boundary) * 10_000) / 10_000.0;
			Bin last = histogram.isEmpty() ? null : histogram.get(histogram.size() - 1);
			if (last != null && last.date().equals(date)) {
				histogram.set(histogram.size() - 1, new Bin(date, last.count() + finish.count(boundary), by));
			}
			else {
				histogram.add(new Bin(date, finish.count(boundary), by));
			}
		}
		IntFunction<LocalDate> date = boundary -> calendar.finishDate(reached.applyAsInt(boundary));
		return new Percentiles(date.apply(finish.p50()), date.apply(finish.p80()), date.apply(finish.p95()),
				date.apply(finish.min()), date.apply(finish.max()), histogram);
	}

}
