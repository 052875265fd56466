package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.common.EntityChanged;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.PlanVersions;
import dev.milepost.schedule.ForecastMethod;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The plan cache serves a kept plan only at the version the database holds: a change made behind
 * its back (as by another instance) is read afresh, plans are dropped least recently used first to
 * stay within the size bound, the metrics count what happened, and after any edit the schedule it
 * serves is the one a fresh read gives. Each test uses a cache of its own with its own meters, over
 * the application's database; the recompute worker is stopped so nothing else reads meanwhile.
 */
@MilepostTest
class PlanCacheTests {

	private static final LocalDate STATUS_DATE = LocalDate.of(2026, 3, 2);

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	PlanQueries plans;

	@Autowired
	PlanVersions versions;

	@Autowired
	Schedules schedules;

	@Autowired
	MilestoneStatuses statuses;

	@Autowired
	StatusRecomputeWorker worker;

	@Autowired
	PlanEdits edits;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeEach
	void onlyTheTestReads() {
		worker.stop();
	}

	@AfterEach
	void workerBack() {
		worker.start();
	}

	@Test
	void aKeptPlanIsServedUntilItsVersionMovesBehindTheCachesBack() {
		Teams.Team team = teams.team(Api.at(port));
		Teams.Linked linked = Teams.taskFeedingMilestone(team);
		UUID project = plans.projectId(team.key()).orElseThrow();
		PlanCache cache = cache(1_000_000);

		Schedules.Computed first = compute(cache, project);
		Schedules.Computed second = compute(cache, project);

		assertThat(count("milepost.plan.cache.misses")).isEqualTo(1);
		assertThat(count("milepost.plan.cache.hits")).isEqualTo(1);
		assertThat(second).as("the kept computation").isSameAs(first);
		assertThat(gauge("milepost.plan.cache.size")).as("activities and links kept").isEqualTo(3);
		assertThat(gauge("milepost.plan.cache.projects")).isEqualTo(1);

		// another instance changes the plan: the rows and the version, and nothing in this cache hears of it
		UUID task = UUID.fromString(linked.task().substring(linked.task().lastIndexOf('/') + 1));
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			jdbc.sql("update task set duration_days = 20 where id = :t").param("t", task).update();
			jdbc.sql("update plan_version set version = version + 1 where project_id = :p").param("p", project).update();
		});
		Schedules.Computed third = compute(cache, project);

		assertThat(count("milepost.plan.cache.misses")).as("stale: read again").isEqualTo(2);
		assertThat(third).isNotSameAs(first);
		assertThat(third.mapping().plan().tasks().get(0).durationDays()).isEqualTo(20);
		assertThat(schedules.finish(third)).isAfter(schedules.finish(first));
		assertThat(compute(cache, project)).as("kept again at the new version").isSameAs(third);
		assertThat(count("milepost.plan.cache.hits")).isEqualTo(2);
	}

	@Test
	void aTaskEditOnThisInstanceBringsTheKeptPlanUpToDateWithoutReadingItAndOtherChangesReadItAgain() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager()).withoutStatusRecompute();
		Teams.Linked linked = Teams.taskFeedingMilestone(team);
		UUID project = plans.projectId(team.key()).orElseThrow();
		PlanCache cache = cache(1_000_000);
		Schedules.Computed first = compute(cache, project);

		check(manager.patch(linked.task(), Map.of("durationDays", 12, "percentComplete", 25, "actualStart",
				STATUS_DATE.minusDays(3).toString(), "estimate", Map.of("optimistic", 8, "mostLikely", 12, "pessimistic", 20)),
				manager.get(linked.task()).etag()), 200);
		Schedules.Computed edited = compute(cache, project);

		assertThat(count("milepost.plan.cache.edits")).as("brought up to date from the edit").isEqualTo(1);
		assertThat(count("milepost.plan.cache.misses")).as("not read again").isEqualTo(1);
		assertThat(edited.mapping().plan()).isNotSameAs(first.mapping().plan())
			.isEqualTo(plans.plan(project));
		assertThat(schedules.activities(edited)).isEqualTo(schedules.activities(
				schedules.compute(plans.plan(project), STATUS_DATE, ForecastMethod.PLANNED_RATE)));

		check(manager.patch(linked.task(), Map.of("name", "Design, renamed"), manager.get(linked.task()).etag()), 200);
		assertThat(compute(cache, project).mapping().plan().tasks().get(0).name()).isEqualTo("Design, renamed");
		assertThat(count("milepost.plan.cache.misses")).as("a rename is read again").isEqualTo(2);

		check(manager.patch(team.path("/milestones/" + linked.milestone()), Map.of("targetDate", "2026-06-30"),
				manager.get(team.path("/milestones/" + linked.milestone())).etag()), 200);
		assertThat(compute(cache, project).mapping().plan().milestones().get(0).targetDate())
			.isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(count("milepost.plan.cache.misses")).as("a milestone's change is read again").isEqualTo(3);
		assertThat(count("milepost.plan.cache.edits")).isEqualTo(1);
	}

	@Test
	void anotherStatusDateOrMethodIsComputedFromTheKeptPlanWithoutReadingItAgain() {
		Teams.Team team = teams.team(Api.at(port));
		Teams.taskFeedingMilestone(team);
		UUID project = plans.projectId(team.key()).orElseThrow();
		PlanCache cache = cache(1_000_000);

		Schedules.Computed today = compute(cache, project);
		Schedules.Computed later = cache.computed(project, STATUS_DATE.plusDays(10), ForecastMethod.OBSERVED_RATE,
				plan -> schedules.compute(plan, STATUS_DATE.plusDays(10), ForecastMethod.OBSERVED_RATE));

		assertThat(later.mapping().plan()).as("the same plan, not read again").isSameAs(today.mapping().plan());
		assertThat(later.statusDate()).isEqualTo(STATUS_DATE.plusDays(10));
		assertThat(later.method()).isEqualTo(ForecastMethod.OBSERVED_RATE);
		assertThat(count("milepost.plan.cache.misses")).isEqualTo(1);
		assertThat(count("milepost.plan.cache.hits")).isEqualTo(1);
	}

	@Test
	void theLeastRecentlyUsedPlanGoesFirstToStayWithinTheBound() {
		UUID a = project(3);
		UUID b = project(3);
		UUID c = project(3);
		// three tasks, a milestone and three links each: 7; room for two plans, not three
		PlanCache cache = cache(15);

		compute(cache, a);
		compute(cache, b);
		compute(cache, a); // a is now the more recently used
		compute(cache, c);

		assertThat(cache.holds(a)).isTrue();
		assertThat(cache.holds(b)).as("least recently used: dropped").isFalse();
		assertThat(cache.holds(c)).isTrue();
		assertThat(count("milepost.plan.cache.evictions")).isEqualTo(1);
		assertThat(gauge("milepost.plan.cache.size")).isEqualTo(14);
		assertThat(gauge("milepost.plan.cache.projects")).isEqualTo(2);

		PlanCache tiny = cache(6);
		compute(tiny, a);
		assertThat(tiny.holds(a)).as("a plan larger than the bound is not kept").isFalse();
		assertThat(tiny.size()).isZero();
	}

	@Test
	void nothingIsKeptFromATransactionThatChangedAPlan() {
		Teams.Team team = teams.team(Api.at(port));
		Teams.taskFeedingMilestone(team);
		UUID project = plans.projectId(team.key()).orElseThrow();
		PlanCache cache = cache(1_000_000);

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			events.publishEvent(new EntityChanged(team.key(), "task", "x", "updated", Map.of(), Map.of(), "test"));
			compute(cache, project);
			status.setRollbackOnly();
		});

		assertThat(cache.holds(project)).isFalse();
		assertThat(count("milepost.plan.cache.misses")).isEqualTo(1);
	}

	/**
	 * Generated plans under generated edits (durations, planned starts, targets): after each edit
	 * the cache serves exactly the plan, schedule and statuses a fresh read of the plan gives,
	 * whether it applied the edit to its kept plan or read the plan again.
	 */
	@Test
	void afterEveryEditTheCachedScheduleIsTheFreshOne() {
		PlanCache cache = cache(1_000_000);
		for (long seed = 1; seed <= 3; seed++) {
			Random random = new Random(seed);
			Teams.Team team = teams.team(Api.at(port));
			Api manager = team.as(team.manager()).withoutStatusRecompute();
			int size = 6 + random.nextInt(6);
			List<Map<String, Object>> operations = new ArrayList<>();
			for (int t = 0; t < size; t++) {
				operations.add(Map.of("op", "create", "type", "task", "ref", "t" + t, "value",
						Map.of("name", "Task " + t, "durationDays", 1 + random.nextInt(8))));
			}
			operations.add(Map.of("op", "create", "type", "milestone", "ref", "m", "value",
					Map.of("name", "Done", "targetDate", "2026-03-20", "owner", team.manager().username(), "criterion",
							Teams.ownerConfirmation())));
			for (int t = 1; t < size; t++) {
				operations.add(link("t" + random.nextInt(t), "t" + t, random.nextInt(3)));
			}
			operations.add(link("t" + (size - 1), "m", 0));
			JsonNode created = check(manager.post(team.path("/plan/changes"), Map.of("operations", operations)), 200)
				.json()
				.get("created");
			Map<String, String> ids = new HashMap<>();
			created.forEach(each -> {
				if (each.has("ref") && !each.get("ref").isNull()) {
					ids.put(each.get("ref").asString(), each.get("id").asString());
				}
			});
			UUID project = plans.projectId(team.key()).orElseThrow();
			assertSameAsFresh(cache, project, "seed " + seed + " as created");
			for (int edit = 0; edit < 6; edit++) {
				String task = ids.get("t" + random.nextInt(size));
				switch (random.nextInt(3)) {
					case 0 -> check(manager.patch(team.path("/tasks/" + task),
							Map.of("durationDays", 1 + random.nextInt(12)), manager.get(team.path("/tasks/" + task)).etag()),
							200);
					case 1 -> check(manager.patch(team.path("/milestones/" + ids.get("m")),
							Map.of("targetDate", STATUS_DATE.plusDays(5 + random.nextInt(40)).toString()),
							manager.get(team.path("/milestones/" + ids.get("m"))).etag()), 200);
					default -> check(manager.patch(team.path("/tasks/" + task),
							Map.of("plannedStart", STATUS_DATE.plusDays(random.nextInt(20)).toString()),
							manager.get(team.path("/tasks/" + task)).etag()), 200);
				}
				assertSameAsFresh(cache, project, "seed " + seed + " edit " + edit);
			}
		}
		assertThat(count("milepost.plan.cache.edits")).as("task edits were applied to kept plans").isPositive();
	}

	@Test
	void aRecomputeWritesNothingForMilestonesWhoseStatusDidNotMove() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager()).withoutStatusRecompute();
		Teams.Linked moved = Teams.taskFeedingMilestone(team);
		Teams.Linked still = Teams.taskFeedingMilestone(team);
		UUID project = plans.projectId(team.key()).orElseThrow();
		statuses.recompute(team.key());
		Timestamp marked = Timestamp.from(Instant.parse("2001-01-01T00:00:00Z"));
		jdbc.sql("update milestone_status set computed_at = :at where project_id = :p")
			.param("at", marked)
			.param("p", project)
			.update();

		statuses.recompute(team.key());

		assertThat(computedAt(moved.milestone())).as("nothing changed: not written").isEqualTo(marked.toInstant());
		assertThat(computedAt(still.milestone())).isEqualTo(marked.toInstant());

		check(manager.patch(moved.task(), Map.of("durationDays", 25), manager.get(moved.task()).etag()), 200);
		statuses.recompute(team.key());

		assertThat(computedAt(moved.milestone())).as("its forecast moved: written").isAfter(marked.toInstant());
		assertThat(statuses.stored(UUID.fromString(moved.milestone())).orElseThrow().forecast())
			.isEqualTo(schedules.report(schedules.compute(plans.plan(project), null, null))
				.milestones()
				.stream()
				.filter(m -> m.id().toString().equals(moved.milestone()))
				.findFirst()
				.orElseThrow()
				.forecast());
		assertThat(computedAt(still.milestone())).as("not moved: not written").isEqualTo(marked.toInstant());
	}

	private void assertSameAsFresh(PlanCache cache, UUID project, String when) {
		Schedules.Computed cached = compute(cache, project);
		assertThat(compute(cache, project)).as("kept").isSameAs(cached);
		Schedules.Computed fresh = schedules.compute(plans.plan(project), STATUS_DATE, ForecastMethod.PLANNED_RATE);
		assertThat(cached.mapping().plan()).as(when).isEqualTo(fresh.mapping().plan());
		assertThat(schedules.activities(cached)).as(when).isEqualTo(schedules.activities(fresh));
		assertThat(schedules.finish(cached)).as(when).isEqualTo(schedules.finish(fresh));
		assertThat(Schedules.evaluate(cached, ScheduleSettings.DEFAULTS.rules(), 0, 0, null, Map.of(), Map.of()))
			.as(when)
			.isEqualTo(Schedules.evaluate(fresh, ScheduleSettings.DEFAULTS.rules(), 0, 0, null, Map.of(), Map.of()));
	}

	@org.junit.jupiter.api.Test
	void aNegativeBoundIsRefusedAtStart() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache(-1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("milepost.schedule.plan-cache.max-activities cannot be negative");
	}

	private PlanCache cache(long maxActivities) {
		return new PlanCache(plans, versions, edits, meters, maxActivities);
	}

	private Schedules.Computed compute(PlanCache cache, UUID project) {
		return cache.computed(project, STATUS_DATE, ForecastMethod.PLANNED_RATE,
				plan -> schedules.compute(plan, STATUS_DATE, ForecastMethod.PLANNED_RATE));
	}

	/** A project of {@code tasks} chained tasks feeding one milestone. */
	private UUID project(int tasks) {
		Teams.Team team = teams.team(Api.at(port));
		List<Map<String, Object>> operations = new ArrayList<>();
		for (int t = 0; t < tasks; t++) {
			operations.add(Map.of("op", "create", "type", "task", "ref", "t" + t, "value",
					Map.of("name", "Task " + t, "durationDays", 2)));
		}
		operations.add(Map.of("op", "create", "type", "milestone", "ref", "m", "value",
				Map.of("name", "Done", "targetDate", "2026-04-30", "owner", team.manager().username(), "criterion",
						Teams.ownerConfirmation())));
		for (int t = 1; t < tasks; t++) {
			operations.add(link("t" + (t - 1), "t" + t, 0));
		}
		operations.add(link("t" + (tasks - 1), "m", 0));
		check(team.as(team.manager()).withoutStatusRecompute().post(team.path("/plan/changes"),
				Map.of("operations", operations)), 200);
		return plans.projectId(team.key()).orElseThrow();
	}

	private static Map<String, Object> link(String predecessor, String successor, int lag) {
		return Map.of("op", "create", "type", "dependency", "value", Map.of("predecessor", Map.of("ref", predecessor),
				"successor", Map.of("ref", successor), "type", "FS", "lagDays", lag));
	}

	@Test
	void aRecomputeRewritesAStoredChanceThatNoLongerHoldsThoughStatusAndDatesDidNotMove() {
		Teams.Team team = teams.team(Api.at(port));
		Teams.Linked linked = Teams.taskFeedingMilestone(team);
		UUID milestone = UUID.fromString(linked.milestone());
		statuses.recompute(team.key());
		Double computed = chance(milestone);
		assertThat(computed).as("the status's run gives a chance").isNotNull();
		// as if the row had been written by a run that simulated otherwise (another spread, fewer runs)
		jdbc.sql("update milestone_status set chance_of_target = :c, simulation_runs = 7 where milestone_id = :m")
			.param("c", computed > 0.5 ? 0.01 : 0.99)
			.param("m", milestone)
			.update();

		statuses.recompute(team.key());

		assertThat(chance(milestone)).as("the pages read the chance from the row: it is written again").isEqualTo(computed);
		assertThat(jdbc.sql("select simulation_runs from milestone_status where milestone_id = :m")
			.param("m", milestone)
			.query(Integer.class)
			.single()).isNotEqualTo(7);
	}

	private Double chance(UUID milestone) {
		return jdbc.sql("select chance_of_target from milestone_status where milestone_id = :m")
			.param("m", milestone)
			.query(Double.class)
			.single();
	}

	private Instant computedAt(String milestone) {
		return jdbc.sql("select computed_at from milestone_status where milestone_id = :m")
			.param("m", UUID.fromString(milestone))
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private double count(String name) {
		return meters.get(name).counter().count();
	}

	private double gauge(String name) {
		return meters.get(name).gauge().value();
	}

}
