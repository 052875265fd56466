package dev.milepost.schedule.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.FieldError;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.ProjectForecast;
import dev.milepost.schedule.engine.Distribution;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;

/** {@link Forecasts} over the same services the schedule API uses. */
@Service
class ForecastReads implements Forecasts {

	private final Schedules schedules;

	private final Baselines baselines;

	private final MilestoneStatuses statuses;

	private final PlanQueries plans;

	private final Validator validator;

	private final ForecastTrends trends;

	private final EarlyWarnings earlyWarnings;

	private final StoredEvaluations stored;

	ForecastReads(Schedules schedules, Baselines baselines, MilestoneStatuses statuses, PlanQueries plans,
			Validator validator, ForecastTrends trends, EarlyWarnings earlyWarnings, StoredEvaluations stored) {
		this.stored = stored;
		this.trends = trends;
		this.earlyWarnings = earlyWarnings;
		this.schedules = schedules;
		this.baselines = baselines;
		this.statuses = statuses;
		this.plans = plans;
		this.validator = validator;
	}

	@Override
	public ProjectForecast forecast(ProjectContext context) {
		Schedules.Computed computed = schedules.compute(context, null, null);
		return forecast(computed, schedules.evaluate(computed));
	}

	private ProjectForecast forecast(Schedules.Computed computed, List<MilestoneEvaluation> evaluations) {
		List<ProjectForecast.Activity> activities = activities(computed);
		var mapping = computed.mapping();
		List<ProjectForecast.MilestoneForecast> milestones = evaluations
			.stream()
			.map(m -> new ProjectForecast.MilestoneForecast(m.milestoneId(), m.name(), m.target(), m.forecast(),
					m.slackDays(), m.status(), m.reasons(),
					m.drivingPath().stream().map(id -> mapping.nameOf(mapping.indexOf(id))).toList(), m.risk()))
			.toList();
		return new ProjectForecast(computed.mapping().plan(), computed.statusDate(), schedules.finish(computed),
				activities, milestones);
	}

	@Override
	public ProjectForecast stored(ProjectContext context) {
		Schedules.Computed computed = schedules.compute(context, null, null);
		return forecast(computed, stored.of(computed));
	}

	@Override
	public ProjectForecast dates(ProjectContext context) {
		Schedules.Computed computed = schedules.compute(context, null, null);
		return new ProjectForecast(computed.mapping().plan(), computed.statusDate(), schedules.finish(computed),
				activities(computed), List.of());
	}

	/** No earned schedule here: a forecast does not show it, and it schedules the plan again. */
	private List<ProjectForecast.Activity> activities(Schedules.Computed computed) {
		return schedules.activities(computed)
			.stream()
			.map(a -> new ProjectForecast.Activity(a.id(), a.kind(), a.name(), a.earlyStart(), a.earlyFinish(),
					a.lateStart(), a.lateFinish(), a.totalFloat(), a.critical(), a.done()))
			.toList();
	}

	@Override
	public List<Baseline> baselines(ProjectContext context) {
		return baselines.list(context.projectId())
			.stream()
			.map(b -> new Baseline(b.id(), b.name(), b.statusDate()))
			.toList();
	}

	@Override
	public Map<UUID, Span> baselineDates(ProjectContext context, UUID baselineId) {
		Baselines.Baseline baseline = baselines.find(context, baselineId);
		Map<UUID, Span> spans = new HashMap<>();
		baselines.dates(baseline.id()).forEach((id, dates) -> spans.put(id, new Span(dates.start(), dates.finish())));
		return spans;
	}

	@Override
	public List<TrendPoint> trend(ProjectContext context, UUID milestoneId) {
		if (!plans.hasMilestone(context, milestoneId)) {
			throw NotFoundException.of("milestone", milestoneId);
		}
		return statuses.trend(milestoneId)
			.stream()
			.map(point -> new TrendPoint(point.statusDate(), point.forecast(), point.status(), point.recordedAt()))
			.toList();
	}

	@Override
	public Map<UUID, List<TrendPoint>> trends(ProjectContext context) {
		return trends.ofProject(context.projectId());
	}

	@Override
	public dev.milepost.schedule.EarlyWarning earlyWarning(ProjectContext context) {
		return earlyWarnings.of(context);
	}

	@Override
	public void checkSimulation(SimulationRequest request) {
		valid(new Simulations.Request(request.iterations(), request.seed(), distribution(request.distribution()), null,
				null, null), "");
	}

	@Override
	public Simulation simulate(ProjectContext context, SimulationRequest request, Progress progress) {
		Simulations.Request valid = valid(new Simulations.Request(request.iterations(), request.seed(),
				distribution(request.distribution()), null, null, null), "");
		Simulations.Result result = Simulations.run(schedules.compute(context, null, null), valid,
				progress::completed);
		return new Simulation(result.statusDate(), result.iterations(), result.seed(), result.distribution().name(),
				outcome(result.projectFinish()), result.milestones()
					.stream()
					.map(m -> new MilestoneOutcome(m.id(), m.name(), m.target(), m.deterministic(),
							outcome(m.forecast()), m.probabilityOfMeetingTarget()))
					.toList(),
				result.tasks().stream().map(t -> new TaskCriticality(t.id(), t.name(), t.criticalityIndex())).toList());
	}

	private static Distribution distribution(String name) {
		try {
			return name == null || name.isBlank() ? Distribution.PERT
					: Distribution.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException("distribution", "Choose PERT or TRIANGULAR.");
		}
	}

	private static Outcome outcome(Simulations.Percentiles p) {
		return new Outcome(p.p50(), p.p80(), p.p95(), p.earliest(), p.latest(),
				p.histogram().stream().map(b -> new Bin(b.date(), b.count(), b.cumulative())).toList());
	}

	@Override
	public Impact slip(ProjectContext context, UUID activity, Integer days) {
		ImpactAnalysis.Change change = new ImpactAnalysis.Change(ImpactAnalysis.ChangeKind.SLIP, activity, days, null,
				null, null, null);
		ImpactAnalysis.Request request = valid(new ImpactAnalysis.Request(List.of(change), null), "changes[0].");
		ImpactAnalysis.Result result = ImpactAnalysis.analyse(schedules.compute(context, null, null), request);
		return new Impact(result.finishBefore(), result.finishAfter(), result.finishMovesBy(), result.milestones()
			.stream()
			.map(m -> new Move(m.id(), m.name(), m.target(), m.before(), m.after(), m.workingDays()))
			.toList());
	}

	/**
	 * The request's bean-validation constraints, as the API applies them with {@code @Valid}; field
	 * names lose {@code prefix}, so a page can show the message beside its own field.
	 */
	private <T> T valid(T request, String prefix) {
		Set<ConstraintViolation<T>> violations = validator.validate(request);
		if (violations.isEmpty()) {
			return request;
		}
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<T> violation : violations) {
			String path = violation.getPropertyPath().toString();
			errors.add(new FieldError(path.startsWith(prefix) ? path.substring(prefix.length()) : path,
					violation.getMessage()));
		}
		errors.sort(java.util.Comparator.comparing(FieldError::field));
		throw new RuleViolationException(errors.get(0).field() + " " + errors.get(0).message(), errors);
	}

}
