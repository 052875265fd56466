package dev.milepost.automation.runtime;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.ThreadStates;
import dev.milepost.plan.PlanQueries;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.milepost.automation.runtime.RuntimeFixture.milestone;
import static dev.milepost.automation.runtime.RuntimeFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pump: events handled in batches by several workers (here and on the application's own pump
 * threads at once) are each handled exactly once; an event whose rules fail unexpectedly is taken
 * out of its batch, tried again later and given up after the last try, while the rest of the batch
 * is handled.
 */
@MilepostTest
class EventPumpTests {

	static final String TELL_OWNER = """
			blueprint: Watch
			rules:
			  - name: Tell the owner
			    when:
			      trigger: milestone.at-risk
			    if: milestone.slackDays < 1000
			    then:
			      - action: notify
			        to: [owner]
			        message: "{{milestone.name}} is at risk"
			""";

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	TestBlueprints blueprints;

	@Autowired
	PlanQueries plans;

	@Autowired
	EventCapture capture;

	@Autowired
	EventPump pump;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	record Watched(Teams.Team team, UUID project, UUID milestone) {
	}

	Watched watched() {
		Teams.Team team = teams.team(Api.at(port));
		UUID project = plans.projectId(team.key()).orElseThrow();
		blueprints.install(project, TELL_OWNER);
		UUID milestone = UUID.fromString(milestone(team, "Release", team.member(), today().plusDays(20)));
		return new Watched(team, project, milestone);
	}

	void atRisk(Watched watched, int times) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		for (int i = 0; i < times; i++) {
			transactions.executeWithoutResult(status -> capture.on(new MilestoneStatusChanged(watched.team().key(),
					watched.milestone(), "Release", MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK,
					LocalDate.now(), null, List.of())));
		}
	}

	long count(String sql, UUID project) {
		return jdbc.sql(sql).param("p", project).query(Long.class).single();
	}

	long waiting(UUID project) {
		return count("select count(*) from automation_event where project_id = :p and status = 'PENDING'", project);
	}

	@Test
	void eventsHandledByConcurrentWorkersRunEachRuleOnceAndTellOnce() throws Exception {
		Watched watched = watched();
		int events = 3 * EventPump.BATCH / 2;
		atRisk(watched, events);

		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> drains = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				drains.add(threads.submit((Callable<Integer>) pump::drain));
			}
			for (Future<Integer> drain : drains) {
				drain.get();
			}
		}
		finally {
			threads.shutdown();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> waiting(watched.project()) == 0);

		UUID project = watched.project();
		assertThat(count("select count(*) from automation_event where project_id = :p and status = 'HANDLED' and attempts = 1",
				project)).isEqualTo(events);
		assertThat(count("select count(*) from automation_run where project_id = :p and status = 'SUCCEEDED'"
				+ " and condition_value = true", project)).isEqualTo(events);
		assertThat(count("select count(distinct dedupe_key) from automation_run where project_id = :p", project))
			.isEqualTo(events);
		// the events are one milestone turning at risk again and again on one day: each rule ran once per
		// event and wrote its notice, but that is one thing that happened, so the owner was told once (EventKeys)
		assertThat(count("select count(*) from notification_event where project_id = :p and kind = 'AUTOMATION'",
				project)).isEqualTo(events);
		assertThat(count("""
				select count(*) from notification_delivery d join notification_event e on e.id = d.event_id
				where e.project_id = :p and e.kind = 'AUTOMATION' and d.channel = 'IN_APP'""", project)).isEqualTo(1);
		// every notice leads back to its run: the action's outcome names it, the effects index finds it;
		// one action told the owner, every other one says the owner had already been told and is skipped
		assertThat(count("""
				select count(*) from automation_action a join automation_run r on r.id = a.run_id
				join automation_effect f on f.run_id = a.run_id and f.action_index = a.action_index
				join notification_event e on cast(e.id as varchar(100)) = f.entity_id
				where r.project_id = :p and a.status in ('SUCCEEDED', 'SKIPPED') and f.entity_type = 'notification'""",
				project))
			.isEqualTo(events);
		assertThat(count("""
				select count(*) from automation_action a join automation_run r on r.id = a.run_id
				where r.project_id = :p and a.status = 'SUCCEEDED'""", project)).isEqualTo(1);
		assertThat(count("""
				select count(*) from automation_action a join automation_run r on r.id = a.run_id
				where r.project_id = :p and a.status = 'SKIPPED'
				and a.detail like '%had already been told of this by another notice about the same event%'""", project))
			.isEqualTo(events - 1);
	}

	@Test
	void runDueWaitsForTheBatchAWorkerHasInHandAndLeavesNothingReady() throws Exception {
		Watched watched = watched();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		blueprints.hold(watched.project(), entered, release);
		// the commit wakes the application's own workers; one takes the event and is held with it
		atRisk(watched, 1);
		assertThat(entered.await(1, TimeUnit.MINUTES)).isTrue();

		FutureTask<Long> due = new FutureTask<>(() -> {
			pump.runDue();
			return waiting(watched.project());
		});
		Thread caller = new Thread(due, "run-due-caller");
		caller.start();
		ThreadStates.awaitWaitingOrDone(caller);
		release.countDown();

		assertThat(due.get()).as("events still waiting when runDue returned").isZero();
		assertThat(count("select count(*) from automation_run where project_id = :p and status = 'SUCCEEDED'",
				watched.project())).isEqualTo(1);
	}

	@Test
	void anEventWhoseRulesFailIsTriedAgainLaterAndGivenUpAfterTheLastTryWhileOthersAreHandled() {
		Watched failing = watched();
		Watched working = watched();
		blueprints.breakHandling(failing.project());
		try {
			atRisk(failing, 1);
			atRisk(working, 2);
			await().atMost(Duration.ofSeconds(30)).until(() -> waiting(working.project()) == 0
					&& count("select count(*) from automation_event where project_id = :p and attempts > 0",
							failing.project()) == 1);
			pump.drain();

			record Row(String status, int attempts, java.sql.Timestamp retryAt, String lastError) {
			}
			Row tried = jdbc.sql("select status, attempts, retry_at, last_error from automation_event where project_id = :p")
				.param("p", failing.project())
				.query(Row.class)
				.single();
			assertThat(tried.status()).isEqualTo("PENDING");
			assertThat(tried.attempts()).isEqualTo(1);
			assertThat(tried.retryAt().toInstant()).isAfter(java.time.Instant.now().plusSeconds(20));
			assertThat(tried.lastError()).contains("fails in this test");
			assertThat(count("select count(*) from automation_run where project_id = :p", failing.project())).isZero();
			assertThat(count("select count(*) from automation_run where project_id = :p and status = 'SUCCEEDED'",
					working.project())).isEqualTo(2);

			// not before its time
			assertThat(pump.drain()).isZero();

			// the last try is due
			jdbc.sql("update automation_event set attempts = :a, retry_at = :past where project_id = :p")
				.param("a", PendingEvents.MAX_ATTEMPTS - 1)
				.param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)))
				.param("p", failing.project())
				.update();
			assertThat(pump.drain()).isEqualTo(1);
			Row givenUp = jdbc.sql("select status, attempts, retry_at, last_error from automation_event where project_id = :p")
				.param("p", failing.project())
				.query(Row.class)
				.single();
			assertThat(givenUp.status()).isEqualTo("FAILED");
			assertThat(givenUp.attempts()).isEqualTo(PendingEvents.MAX_ATTEMPTS);
			assertThat(givenUp.retryAt()).isNull();
			assertThat(count("select count(*) from automation_run where project_id = :p", failing.project())).isZero();
			// given up: an incident without a run, and the manager is told
			assertThat(count("select count(*) from automation_incident where project_id = :p and kind = 'EVENT_FAILED'"
					+ " and run_id is null and message like '%fails in this test%'", failing.project())).isEqualTo(1);
			assertThat(count("""
					select count(*) from notification_delivery d join notification_event e on e.id = d.event_id
					join app_user u on u.id = d.recipient_id
					where e.project_id = :p and e.title like 'Automation needs a look: a milestone.at-risk event%'
					  and u.username = :manager""".replace(":manager",
					"'" + failing.team().manager().username() + "'"), failing.project())).isEqualTo(1);
		}
		finally {
			blueprints.mend(failing.project());
		}
	}

	@Test
	void runsThatOnlyTellPeopleAndEndInIncidentsAreWrittenBeforeTheirIncidents() {
		Teams.Team team = teams.team(Api.at(port));
		UUID project = plans.projectId(team.key()).orElseThrow();
		blueprints.install(project, """
				blueprint: Troubled
				rules:
				  - name: Tell a stranger
				    when:
				      trigger: milestone.at-risk
				    then:
				      - action: notify
				        to: ["@nobody-here", owner]
				        message: "{{milestone.name}} is at risk"
				  - name: Read past the tags
				    when:
				      trigger: milestone.at-risk
				    if: milestone.tags[5] == "late"
				    then:
				      - action: escalate
				        message: "{{milestone.name}} is late"
				""");
		UUID milestone = UUID.fromString(milestone(team, "Release", team.member(), today().plusDays(20)));
		pump.stop();
		try {
			atRisk(new Watched(team, project, milestone), 3);
			assertThat(pump.drain()).isEqualTo(3);
		}
		finally {
			pump.start();
		}

		assertThat(count("select count(*) from automation_run where project_id = :p and rule_name = 'Tell a stranger'"
				+ " and status = 'FAILED'", project)).isEqualTo(3);
		assertThat(count("select count(*) from automation_run where project_id = :p and rule_name = 'Read past the tags'"
				+ " and status = 'CONDITION_ERROR' and condition_error is not null", project)).isEqualTo(3);
		assertThat(count("""
				select count(*) from automation_incident i join automation_run r on r.id = i.run_id
				where i.project_id = :p and (i.kind = 'ACTION_FAILED' and r.rule_name = 'Tell a stranger'
				  or i.kind = 'CONDITION_ERROR' and r.rule_name = 'Read past the tags')""", project)).isEqualTo(6);
		// the owner was still told, once: three turns at risk of one milestone on one day are one thing to tell
		assertThat(count("""
				select count(*) from notification_delivery d join notification_event e on e.id = d.event_id
				where e.project_id = :p and e.kind = 'AUTOMATION' and e.title = 'Release is at risk'""", project))
			.isEqualTo(1);
	}

}
