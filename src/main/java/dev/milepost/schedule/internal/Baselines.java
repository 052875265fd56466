package dev.milepost.schedule.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.EntityChanged;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.Rows;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.engine.Schedule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Named snapshots of a project's schedule, kept to measure variance against. */
@Service
class Baselines {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Baselines(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	record Baseline(UUID id, String name, Instant createdAt, String createdBy, LocalDate statusDate) {
	}

	@Transactional
	Baseline save(ProjectContext context, String name, PlanMapping mapping, Schedule schedule, LocalDate statusDate) {
		boolean taken = jdbc.sql("select count(*) from baseline where project_id = :p and name = :n")
			.param("p", context.projectId())
			.param("n", name)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw new ConflictException("name", "A baseline named '" + name + "' exists; choose another name.");
		}
		Baseline baseline = new Baseline(UUID.randomUUID(), name, clock.instant(), context.actor(), statusDate);
		jdbc.sql("""
				insert into baseline (id, project_id, name, created_at, created_by, status_date)
				values (:id, :p, :name, :at, :by, :status)""")
			.param("id", baseline.id())
			.param("p", context.projectId())
			.param("name", name)
			.param("at", java.sql.Timestamp.from(baseline.createdAt()))
			.param("by", baseline.createdBy())
			.param("status", statusDate)
			.update();
		for (int i = 0; i < mapping.network().size(); i++) {
			PlanMapping.Dates dates = mapping.dates(schedule, i);
			jdbc.sql("""
					insert into baseline_activity (baseline_id, activity_id, activity_kind, name, start_date, finish_date, duration_days)
					values (:b, :a, :k, :n, :s, :f, :d)""")
				.param("b", baseline.id())
				.param("a", mapping.idOf(i))
				.param("k", mapping.kindOf(i).name())
				.param("n", mapping.nameOf(i))
				.param("s", dates.earlyStart())
				.param("f", dates.earlyFinish())
				.param("d", schedule.duration(i))
				.update();
		}
		events.publishEvent(new EntityChanged(context.projectKey(), "baseline", baseline.id().toString(), "created",
				Map.of(), Map.of("name", name, "statusDate", statusDate.toString(), "activities",
						mapping.network().size()), context.actor()));
		return baseline;
	}

	List<Baseline> list(UUID projectId) {
		return jdbc.sql("select id, name, created_at, created_by, status_date from baseline where project_id = :p order by created_at desc, name")
			.param("p", projectId)
			.query(Rows.of(Baseline.class))
			.list();
	}

	Baseline find(ProjectContext context, UUID id) {
		return jdbc.sql("select id, name, created_at, created_by, status_date from baseline where project_id = :p and id = :id")
			.param("p", context.projectId())
			.param("id", id)
			.query(Rows.of(Baseline.class))
			.optional()
			.orElseThrow(() -> NotFoundException.of("baseline", id));
	}

	/** The most recently saved baseline, which status reasons compare against. */
	Optional<Baseline> latest(UUID projectId) {
		return list(projectId).stream().findFirst();
	}

	/**
	 * The most recently saved baseline whose status date is on or before {@code day}: what a status
	 * as of that day compares against.
	 */
	Optional<Baseline> latestAsOf(UUID projectId, LocalDate day) {
		return list(projectId).stream().filter(b -> !b.statusDate().isAfter(day)).findFirst();
	}

	Map<UUID, BaselineDates> dates(UUID baselineId) {
		Map<UUID, BaselineDates> dates = new HashMap<>();
		jdbc.sql("select activity_id, name, start_date as start, finish_date as finish, duration_days from baseline_activity where baseline_id = :b")
			.param("b", baselineId)
			.query(Rows.of(BaselineDates.class))
			.list()
			.forEach(row -> dates.put(row.activityId(), row));
		return dates;
	}

	@Transactional
	void delete(ProjectContext context, UUID id) {
		Baseline baseline = find(context, id);
		jdbc.sql("delete from baseline_activity where baseline_id = :b").param("b", id).update();
		jdbc.sql("delete from baseline where id = :b").param("b", id).update();
		events.publishEvent(new EntityChanged(context.projectKey(), "baseline", id.toString(), "deleted",
				Map.of("name", baseline.name()), Map.of(), context.actor()));
	}

	/** Removes the baselines of projects that no longer exist. */
	@Transactional
	void forgetDeletedProjects() {
		jdbc.sql("delete from baseline_activity where baseline_id in "
				+ "(select id from baseline where project_id not in (select id from project))").update();
		jdbc.sql("delete from baseline where project_id not in (select id from project)").update();
	}

	record Variance(UUID id, ActivityKind kind, String name, LocalDate baselineStart, LocalDate baselineFinish,
			LocalDate currentStart, LocalDate currentFinish, Integer startVarianceDays, Integer finishVarianceDays,
			boolean added) {
	}

}
