package dev.milepost.schedule.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.Rows;
import dev.milepost.plan.PlanQueries;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.Reason;
import dev.milepost.schedule.StatusMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each milestone's stored status and forecast history current: recomputes a project,
 * stores what changed, records a trend point when a forecast moves, and publishes
 * {@link MilestoneStatusChanged} when a status changes.
 */
@Service
class MilestoneStatuses {

	private static final Logger log = LoggerFactory.getLogger(MilestoneStatuses.class);

	private final PlanQueries plans;

	private final Schedules schedules;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final StatusMemories memories;

	private final Clock clock;

	MilestoneStatuses(PlanQueries plans, Schedules schedules, JdbcClient jdbc, JsonMapper json,
			ApplicationEventPublisher events, StatusMemories memories, Clock clock) {
		this.plans = plans;
		this.schedules = schedules;
		this.memories = memories;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/** A milestone's status as stored; {@code reasons} as the JSON written. */
	record Stored(UUID milestoneId, String status, LocalDate forecastDate, Integer slackDays, String reasons,
			Double chanceOfTarget, LocalDate p50Date, LocalDate p80Date, LocalDate p95Date, Integer simulationRuns) {

		/** Whether the evaluation would store just this (status, dates, reasons and chance): then nothing is written. */
		boolean same(MilestoneEvaluation evaluation, String evaluatedReasons) {
			Forecasts.Risk risk = evaluation.risk();
			return status.equals(evaluation.status().name()) && java.util.Objects.equals(forecastDate, evaluation.forecast())
					&& java.util.Objects.equals(slackDays, evaluation.slackDays()) && reasons.equals(evaluatedReasons)
					&& java.util.Objects.equals(chanceOfTarget, risk == null ? null : risk.chanceOfMeetingTarget())
					&& java.util.Objects.equals(p50Date, risk == null ? null : risk.p50())
					&& java.util.Objects.equals(p80Date, risk == null ? null : risk.p80())
					&& java.util.Objects.equals(p95Date, risk == null ? null : risk.p95())
					&& java.util.Objects.equals(simulationRuns, risk == null ? null : risk.iterations());
		}

	}

	/** A milestone's latest trend point: a new one is recorded only when the forecast or status differs. */
	record LastPoint(UUID milestoneId, LocalDate forecastDate, String status) {
	}

	/** Recomputes the project's statuses in the caller's transaction (the worker's: see {@link StatusRecomputeWorker}). */
	@Transactional
	public void recompute(String projectKey) {
		recompute(projectKey, Map.of());
	}

	/**
	 * The same, where a milestone's status remembers nothing yet (or less recent) taking what
	 * {@code history} remembers: a project loaded with its past ({@link ForecastHistory}).
	 */
	@Transactional
	public void recompute(String projectKey, Map<UUID, StatusMemory> history) {
		UUID projectId = plans.projectId(projectKey).orElse(null);
		if (projectId == null || !plans.lock(projectId)) {
			return;
		}
		Schedules.Computed computed = schedules.compute(projectId, null, null);
		Map<UUID, StatusMemory> remembered = new HashMap<>(history);
		memories.of(projectId).forEach((id, memory) -> remembered.merge(id, memory,
				(past, stored) -> past.asOf().isAfter(stored.asOf()) ? past : stored));
		LocalDate today = computed.statusDate();
		Map<UUID, Stored> stored = new HashMap<>();
		jdbc.sql("""
				select milestone_id, status, forecast_date, slack_days, reasons, chance_of_target, p50_date, p80_date,
				       p95_date, simulation_runs
				from milestone_status where project_id = :p""")
			.param("p", projectId)
			.query(Rows.of(Stored.class))
			.list()
			.forEach(row -> stored.put(row.milestoneId(), row));
		Map<UUID, LastPoint> trend = new HashMap<>();
		jdbc.sql("""
				select milestone_id, forecast_date, status from milestone_forecast
				where id in (select max(id) from milestone_forecast where project_id = :p group by milestone_id)""")
			.param("p", projectId)
			.query(Rows.of(LastPoint.class))
			.list()
			.forEach(point -> trend.put(point.milestoneId(), point));
		Timestamp now = Timestamp.from(clock.instant());
		for (MilestoneEvaluation evaluation : schedules.evaluate(computed, remembered)) {
			Stored before = stored.remove(evaluation.milestoneId());
			String reasons = json.writeValueAsString(evaluation.reasons());
			if (before == null || !before.same(evaluation, reasons)) {
				store(projectId, evaluation, reasons, before != null, now);
			}
			// the status's memory moves on every day even when the status does not: kept when it differs
			if (before == null || !java.util.Objects.equals(remembered.get(evaluation.milestoneId()), evaluation.memory())) {
				memories.remember(evaluation.milestoneId(), evaluation.memory());
			}
			MilestoneStatus was = before == null ? null : MilestoneStatus.valueOf(before.status());
			LastPoint last = trend.get(evaluation.milestoneId());
			if (evaluation.forecast() != null && (last == null || !evaluation.forecast().equals(last.forecastDate())
					|| !evaluation.status().name().equals(last.status()))) {
				recordTrend(projectId, evaluation.milestoneId(), today, evaluation.forecast(), evaluation.status(), now);
			}
			if (was != evaluation.status()) {
				log.info("Milestone '{}' of {} is now {} (was {})", evaluation.name(), projectKey, evaluation.status(),
						was);
				events.publishEvent(new MilestoneStatusChanged(projectKey, evaluation.milestoneId(), evaluation.name(),
						was, evaluation.status(), evaluation.target(), evaluation.forecast(), evaluation.reasons()));
			}
		}
		for (UUID gone : stored.keySet()) {
			jdbc.sql("delete from milestone_status where milestone_id = :m").param("m", gone).update();
			jdbc.sql("delete from milestone_forecast where milestone_id = :m").param("m", gone).update();
		}
	}

	/** Writes the milestone's status: only when it differs from the stored one, so computed_at is when it last changed. */
	private void store(UUID projectId, MilestoneEvaluation evaluation, String reasons, boolean exists, Timestamp now) {
		String sql = exists ? """
				update milestone_status set status = :status, forecast_date = :forecast, slack_days = :slack,
				       reasons = :reasons, computed_at = :at, chance_of_target = :chance, p50_date = :p50,
				       p80_date = :p80, p95_date = :p95, simulation_runs = :runs
				where milestone_id = :m""" : """
				insert into milestone_status (milestone_id, project_id, status, forecast_date, slack_days, reasons, computed_at,
				       chance_of_target, p50_date, p80_date, p95_date, simulation_runs)
				values (:m, :p, :status, :forecast, :slack, :reasons, :at, :chance, :p50, :p80, :p95, :runs)""";
		Forecasts.Risk risk = evaluation.risk();
		var statement = jdbc.sql(sql)
			.param("m", evaluation.milestoneId())
			.param("status", evaluation.status().name())
			.param("forecast", evaluation.forecast())
			.param("slack", evaluation.slackDays())
			.param("reasons", reasons)
			.param("at", now)
			.param("chance", risk == null ? null : risk.chanceOfMeetingTarget(), Types.DOUBLE)
			.param("p50", risk == null ? null : risk.p50(), Types.DATE)
			.param("p80", risk == null ? null : risk.p80(), Types.DATE)
			.param("p95", risk == null ? null : risk.p95(), Types.DATE)
			.param("runs", risk == null ? null : risk.iterations(), Types.INTEGER);
		if (!exists) {
			statement = statement.param("p", projectId);
		}
		statement.update();
	}

	/** Adds a point to the milestone's trend: every change keeps its own, however many fall on a day. */
	void recordTrend(UUID projectId, UUID milestoneId, LocalDate statusDate, LocalDate forecast, MilestoneStatus status,
			Timestamp at) {
		jdbc.sql("""
				insert into milestone_forecast (milestone_id, project_id, status_date, forecast_date, status, recorded_at)
				values (:m, :p, :s, :f, :status, :at)""")
			.param("m", milestoneId)
			.param("p", projectId)
			.param("s", statusDate)
			.param("f", forecast)
			.param("status", status.name())
			.param("at", at)
			.update();
	}

	/** One recorded change of a milestone's forecast or status; {@code status} is null for points kept from before. */
	record TrendPoint(LocalDate statusDate, LocalDate forecast, MilestoneStatus status, Instant recordedAt) {
	}

	/** The milestone's trend, in the order it was recorded. */
	List<TrendPoint> trend(UUID milestoneId) {
		return jdbc.sql("""
				select status_date, forecast_date, status, recorded_at from milestone_forecast
				where milestone_id = :m order by status_date, recorded_at, id""")
			.param("m", milestoneId)
			.query((rs, n) -> new TrendPoint(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getString(3) == null ? null : MilestoneStatus.valueOf(rs.getString(3)),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * A milestone's status as the recompute stored it, with the outcome of the seeded Monte Carlo run
	 * it weighed ({@code risk}: null where the chance says nothing).
	 */
	record StoredStatus(UUID milestoneId, MilestoneStatus status, LocalDate forecast, Integer slackDays,
			List<Reason> reasons, Forecasts.Risk risk) {
	}

	/** A row of {@code milestone_status} as stored. */
	record StatusRow(UUID milestoneId, String status, LocalDate forecastDate, Integer slackDays, String reasons,
			Double chanceOfTarget, LocalDate p50Date, LocalDate p80Date, LocalDate p95Date, Integer simulationRuns) {
	}

	private static final String STORED_COLUMNS = """
			select milestone_id, status, forecast_date, slack_days, reasons, chance_of_target, p50_date, p80_date,
			       p95_date, simulation_runs
			from milestone_status""";

	java.util.Optional<StoredStatus> stored(UUID milestoneId) {
		return jdbc.sql(STORED_COLUMNS + " where milestone_id = :m")
			.param("m", milestoneId)
			.query(Rows.of(StatusRow.class))
			.optional()
			.map(this::storedStatus);
	}

	/** Every stored status of the project, by milestone id, in one read. */
	Map<UUID, StoredStatus> storedOf(UUID projectId) {
		Map<UUID, StoredStatus> byMilestone = new HashMap<>();
		jdbc.sql(STORED_COLUMNS + " where project_id = :p")
			.param("p", projectId)
			.query(Rows.of(StatusRow.class))
			.list()
			.forEach(row -> byMilestone.put(row.milestoneId(), storedStatus(row)));
		return byMilestone;
	}

	private StoredStatus storedStatus(StatusRow row) {
		// the figures are stored together, or not at all (see store)
		Forecasts.Risk risk = row.simulationRuns() == null ? null
				: new Forecasts.Risk(row.milestoneId(), row.p50Date(), row.p80Date(), row.p95Date(),
						row.chanceOfTarget(), row.simulationRuns(), Schedules.STATUS_SEED);
		return new StoredStatus(row.milestoneId(), MilestoneStatus.valueOf(row.status()), row.forecastDate(),
				row.slackDays(), reasons(row.reasons()), risk);
	}

	/** The most stored reason lists kept parsed; beyond it the kept ones are dropped and parsed again as asked. */
	static final int PARSED_REASONS_KEPT = 20_000;

	/**
	 * Stored reasons, parsed once per text: every page of a project reads every milestone's stored
	 * status, and parsing the same JSON again was a seventh of an instance's CPU under load. Keyed by
	 * the text itself, so nothing goes stale and nothing needs telling when a status is written.
	 */
	private final Map<String, List<Reason>> parsedReasons = new java.util.concurrent.ConcurrentHashMap<>();

	private List<Reason> reasons(String stored) {
		List<Reason> parsed = parsedReasons.get(stored);
		if (parsed == null) {
			parsed = List.copyOf(json.readValue(stored, new TypeReference<List<Reason>>() {
			}));
			if (parsedReasons.size() >= PARSED_REASONS_KEPT) {
				parsedReasons.clear();
			}
			parsedReasons.put(stored, parsed);
		}
		return parsed;
	}

	/** Removes what is kept for projects that no longer exist. */
	@Transactional
	public void forgetDeletedProjects() {
		jdbc.sql("delete from milestone_status where project_id not in (select id from project)").update();
		jdbc.sql("delete from milestone_forecast where project_id not in (select id from project)").update();
	}

}
