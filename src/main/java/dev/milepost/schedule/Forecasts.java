package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectContext;

/**
 * What other modules (the pages) read of a project's schedule: the same computations, rules and
 * refusals as the schedule API. Access is the caller's business: resolve the project with
 * {@code ProjectAccess} first.
 */
public interface Forecasts {

	/** The schedule and milestone statuses as of today. */
	ProjectForecast forecast(ProjectContext context);

	/** The saved baselines, newest first. */
	List<Baseline> baselines(ProjectContext context);

	/** The dates a baseline recorded, by activity id; refuses (404) a baseline of another project. */
	Map<UUID, Span> baselineDates(ProjectContext context, UUID baselineId);

	/** A milestone's forecast history (milestone trend analysis); refuses (404) one of another project. */
	List<TrendPoint> trend(ProjectContext context, UUID milestoneId);

	/** Monte Carlo risk per milestone, as {@code POST …/simulation} with these iterations and seed. */
	List<Risk> risks(ProjectContext context, int iterations, long seed);

	/** What moves if one task or milestone slips by {@code days} working days; saves nothing. */
	Impact slip(ProjectContext context, UUID activity, Integer days);

	record Baseline(UUID id, String name, LocalDate statusDate) {
	}

	record Span(LocalDate start, LocalDate finish) {
	}

	record TrendPoint(LocalDate statusDate, LocalDate forecast) {
	}

	/** P50 / P80 / P95 dates of a milestone and the chance (0–1) of meeting its target, if it has one. */
	record Risk(UUID milestoneId, LocalDate p50, LocalDate p80, LocalDate p95, Double chanceOfMeetingTarget,
			int iterations, long seed) {
	}

	record Impact(LocalDate finishBefore, LocalDate finishAfter, int finishMovesBy, List<Move> milestones) {
	}

	/** A milestone that moves, by {@code workingDays} (positive: later). */
	record Move(UUID id, String name, LocalDate target, LocalDate before, LocalDate after, int workingDays) {
	}

}
