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

	/**
	 * The schedule and milestone statuses as of today, computed now: the plan scheduled and its
	 * status's Monte Carlo run made for this call. A page shows {@link #stored} instead.
	 */
	ProjectForecast forecast(ProjectContext context);

	/**
	 * The schedule as of today with each milestone's status as the status recompute last stored it
	 * (status, forecast, slack, reasons, and the chance, P50 / P80 / P95 and number of runs of the
	 * Monte Carlo run it weighed): no simulation per call. While a recompute waits or is retried the
	 * statuses miss the changes since then ({@link StatusRecomputation#staleness} says since when);
	 * a milestone with no status stored yet has the statuses computed as {@link #forecast} does.
	 */
	ProjectForecast stored(ProjectContext context);

	/**
	 * The schedule as of today without the milestones' statuses: {@code milestones()} is empty. For a
	 * page that draws dates only (the Gantt chart), which so skips the status's Monte Carlo run.
	 */
	ProjectForecast dates(ProjectContext context);

	/** The saved baselines, newest first. */
	List<Baseline> baselines(ProjectContext context);

	/** The dates a baseline recorded, by activity id; refuses (404) a baseline of another project. */
	Map<UUID, Span> baselineDates(ProjectContext context, UUID baselineId);

	/** A milestone's forecast history (milestone trend analysis); refuses (404) one of another project. */
	List<TrendPoint> trend(ProjectContext context, UUID milestoneId);

	/**
	 * Every milestone's forecast history of the project, by milestone id, in one read (a milestone
	 * without points is absent): what a report showing every milestone's move asks.
	 */
	Map<UUID, List<TrendPoint>> trends(ProjectContext context);

	/**
	 * How early the project's status warned of its closed milestones, and its own hit rate: what
	 * {@code GET …/early-warning} answers.
	 */
	EarlyWarning earlyWarning(ProjectContext context);

	/**
	 * A whole Monte Carlo run as {@code POST …/simulation} makes it, with each milestone's finish
	 * distribution for charts; {@code progress} hears after each chunk of iterations how many are
	 * done. Refuses (422) iterations out of 100–100,000 or a distribution other than PERT or
	 * TRIANGULAR. Saves nothing.
	 */
	Simulation simulate(ProjectContext context, SimulationRequest request, Progress progress);

	/** Refuses (422, naming the field) what {@link #simulate} would refuse, before any work starts. */
	void checkSimulation(SimulationRequest request);

	/** What moves if one task or milestone slips by {@code days} working days; saves nothing. */
	Impact slip(ProjectContext context, UUID activity, Integer days);

	record Baseline(UUID id, String name, LocalDate statusDate) {
	}

	record Span(LocalDate start, LocalDate finish) {
	}

	/**
	 * One change of a milestone's forecast or status, as recorded: every change keeps its point, so a
	 * day may hold several, in the order they happened. {@code status} is null for points recorded
	 * before statuses were kept with them.
	 */
	record TrendPoint(LocalDate statusDate, LocalDate forecast, MilestoneStatus status, java.time.Instant recordedAt) {
	}

	/**
	 * P50 / P80 / P95 dates of a milestone and the chance (0–1) of meeting its target, from a seeded
	 * Monte Carlo run of {@code iterations} draws: the run a milestone's status weighs.
	 */
	record Risk(UUID milestoneId, LocalDate p50, LocalDate p80, LocalDate p95, Double chanceOfMeetingTarget,
			int iterations, long seed) {
	}

	/** How to simulate: iterations (100–100,000), seed, and PERT or TRIANGULAR for the estimates. */
	record SimulationRequest(int iterations, long seed, String distribution) {
	}

	/** Hears how many iterations of a simulation are done; called from its threads. */
	@FunctionalInterface
	interface Progress {

		Progress NONE = (done, total) -> {
		};

		void completed(int done, int total);

	}

	/** What a simulation found: the project finish, each milestone's finish, each task's criticality. */
	record Simulation(LocalDate statusDate, int iterations, long seed, String distribution, Outcome projectFinish,
			List<MilestoneOutcome> milestones, List<TaskCriticality> tasks) {
	}

	/** A finish's percentiles and its histogram, one bin per working day from the earliest to the latest. */
	record Outcome(LocalDate p50, LocalDate p80, LocalDate p95, LocalDate earliest, LocalDate latest, List<Bin> bins) {
	}

	/** The iterations finishing on {@code date}, and the share (0–1) finished by the end of it. */
	record Bin(LocalDate date, int count, double cumulative) {
	}

	/** A milestone's simulated finish against its target; the chance is null without a target. */
	record MilestoneOutcome(UUID id, String name, LocalDate target, LocalDate deterministic, Outcome finish,
			Double chanceOfMeetingTarget) {
	}

	/** The share (0–1) of iterations in which the task was critical. */
	record TaskCriticality(UUID id, String name, double index) {
	}

	record Impact(LocalDate finishBefore, LocalDate finishAfter, int finishMovesBy, List<Move> milestones) {
	}

	/** A milestone that moves, by {@code workingDays} (positive: later). */
	record Move(UUID id, String name, LocalDate target, LocalDate before, LocalDate after, int workingDays) {
	}

}
