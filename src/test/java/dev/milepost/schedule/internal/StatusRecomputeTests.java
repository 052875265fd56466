package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.milepost.Api;
import dev.milepost.EventRecorder;
import dev.milepost.MilepostTest;
import dev.milepost.RecomputeFaults;
import dev.milepost.Teams;
import dev.milepost.schedule.MilestoneStatusesRecomputed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Milestone statuses are recomputed off the request path, from requests stored with the change: a
 * burst of changes is one recompute, a failed one is retried and the project says it is stale
 * meanwhile, two workers never take the same request, and what an instance left behind is served
 * when one starts. The application's worker thread is stopped during each test, so the test's own
 * {@code runDue()} is the only worker (the start test starts it and waits for it with
 * {@code awaitThread()}); nothing waits on time.
 */
@MilepostTest
class StatusRecomputeTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	StatusRecomputeWorker worker;

	@Autowired
	StatusRecomputeRequests requests;

	@Autowired
	EventRecorder events;

	@Autowired
	RecomputeFaults faults;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void onlyTheTestServes() {
		worker.stop();
	}

	@AfterEach
	void workerBack() {
		worker.start();
	}

	@Test
	void aBurstOfChangesToOneProjectIsRecomputedOnce() {
		Teams.Team team = teams.team(Api.at(port));
		String task = Teams.taskFeedingMilestone(team).task();
		Api burst = team.as(team.manager()).withoutStatusRecompute();
		int before = recomputes(team.key());

		for (int days = 6; days <= 15; days++) {
			check(burst.patch(task, Map.of("durationDays", days), burst.get(task).etag()), 200);
		}

		assertThat(recomputes(team.key())).as("nothing recomputed on the requests' threads").isEqualTo(before);
		assertThat(staleSince(team)).as("the API says the statuses are stale").isNotNull();
		assertThat(projectStaleSince(team)).as("the project's JSON says the same").isEqualTo(staleSince(team));
		worker.runDue();
		assertThat(recomputes(team.key())).as("one recompute for the ten changes").isEqualTo(before + 1);
		assertThat(staleSince(team)).isNull();
		assertThat(projectStaleSince(team)).isNull();
		assertThat(worker.runDue()).as("nothing left to do").isZero();
	}

	@Test
	void aFailedRecomputeIsRetriedAndTheProjectSaysItIsStaleMeanwhile() {
		Teams.Team team = teams.team(Api.at(port));
		String task = Teams.taskFeedingMilestone(team).task();
		Api manager = team.as(team.manager()).withoutStatusRecompute();
		faults.fail(team.key());
		try {
			check(manager.patch(task, Map.of("durationDays", 30), manager.get(task).etag()), 200);
			String requested = staleSince(team);

			worker.runDue();

			assertThat(staleSince(team)).as("still stale, since the change").isEqualTo(requested);
			assertThat(worker.staleness(team.key())).get()
				.extracting(stale -> stale.failedAttempts())
				.isEqualTo(1);
			assertThat(events.all(MilestoneStatusesRecomputed.class)).filteredOn(e -> e.projectKey().equals(team.key()))
				.last()
				.extracting(MilestoneStatusesRecomputed::failed)
				.isEqualTo(true);
			assertThat(notBefore(team)).as("the retry waits a pause after the failure").isAfter(Instant.parse(requested));
			setNotBefore(team, Instant.now().plusSeconds(3600)); // its pause not over, however slow the machine
			worker.runDue();
			assertThat(worker.staleness(team.key())).as("the retry waits its turn").get()
				.extracting(stale -> stale.failedAttempts())
				.isEqualTo(1);
		}
		finally {
			faults.heal(team.key());
		}
		int before = recomputes(team.key());
		retryPauseOver(team);
		worker.runDue();
		assertThat(recomputes(team.key())).as("retried once it was due, and recomputed").isEqualTo(before + 1);
		assertThat(staleSince(team)).isNull();
	}

	@Test
	void twoWorkersNeverTakeTheSameRequest() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.executeWithoutResult(status -> requests.request(team.key(), List.of("task"), false));
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Optional<StatusRecomputeRequests.Claim>> first = CompletableFuture
			.supplyAsync(() -> transactions.execute(status -> {
				Optional<StatusRecomputeRequests.Claim> claim = requests.claimNext();
				claimed.countDown();
				await(release);
				return claim;
			}));
		try {
			assertThat(claimed.await(1, TimeUnit.MINUTES)).isTrue();
			Optional<StatusRecomputeRequests.Claim> second = transactions.execute(status -> requests.claimNext());
			assertThat(first).as("the first claim is still open").isNotDone();
			release.countDown();
			List<Long> firstIds = first.get(1, TimeUnit.MINUTES).orElseThrow().ids();
			assertThat(second.map(StatusRecomputeRequests.Claim::ids).orElse(List.of()))
				.as("the second claim skips the rows the first holds")
				.doesNotContainAnyElementsOf(firstIds);
		}
		finally {
			release.countDown();
		}
		worker.runDue();
		assertThat(worker.staleness(team.key())).isEmpty();
	}

	@Autowired
	MilestoneStatuses statuses;

	@Autowired
	Baselines baselines;

	@Autowired
	org.springframework.context.ApplicationEventPublisher publisher;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	java.time.Clock clock;

	@Test
	void withinTheMinimumIntervalOfItsLastRecomputeTheThreadWaitsAndThenRecomputesTheEditsTogether() {
		Teams.Team team = teams.team(Api.at(port));
		String task = Teams.taskFeedingMilestone(team).task();
		Api manager = team.as(team.manager()).withoutStatusRecompute();
		worker.runDue();
		StatusRecomputeWorker paced = new StatusRecomputeWorker(requests, statuses, baselines, publisher,
				transactionManager, clock, meters, true, java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(30),
				java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(1));
		paced.start();
		try {
			paced.awaitThread();
			int before = recomputes(team.key());

			check(manager.patch(task, Map.of("durationDays", 6), manager.get(task).etag()), 200);
			paced.wake();
			paced.awaitThread();
			assertThat(recomputes(team.key())).as("the first edit at once").isEqualTo(before + 1);
			assertThat(paced.staleness(team.key())).isEmpty();

			check(manager.patch(task, Map.of("durationDays", 7), manager.get(task).etag()), 200);
			paced.wake();
			check(manager.patch(task, Map.of("durationDays", 8), manager.get(task).etag()), 200);
			paced.wake();
			paced.awaitThread();
			assertThat(recomputes(team.key())).as("the next ones wait for the interval").isEqualTo(before + 1);
			assertThat(paced.staleness(team.key())).as("and the project says so").isPresent();

			assertThat(paced.runDue()).as("then both in one recompute").isEqualTo(1);
			assertThat(recomputes(team.key())).isEqualTo(before + 2);
			assertThat(paced.staleness(team.key())).isEmpty();
		}
		finally {
			paced.stop();
		}
	}

	@Test
	void aNegativeMinimumIntervalIsRefused() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new StatusRecomputeWorker(requests, statuses, baselines, publisher,
					transactionManager, clock, meters, false, java.time.Duration.ofSeconds(5),
					java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(30), java.time.Duration.ofSeconds(-1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("min-interval 0 or more");
	}

	@Test
	void requestsLeftByAStoppedInstanceAreServedWhenAWorkerStarts() {
		Teams.Team team = teams.team(Api.at(port));
		// as a change committed just before its instance was killed: stored, never served
		new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> requests.request(team.key(), List.of("task"), false));
		assertThat(worker.staleness(team.key())).isPresent();

		worker.start();
		worker.awaitThread();

		assertThat(worker.staleness(team.key())).as("served by the started worker, with no new change").isEmpty();
	}

	private String staleSince(Teams.Team team) {
		var since = check(team.as(team.member()).get(team.path("/milestone-status")), 200).json().get("statusesStaleSince");
		return since == null || since.isNull() ? null : since.asString();
	}

	private String projectStaleSince(Teams.Team team) {
		var project = check(team.as(team.member()).get(team.path("")), 200).json();
		assertThat(project.has("statusesStaleSince")).as("the project's JSON has the field, null when current").isTrue();
		var since = project.get("statusesStaleSince");
		return since.isNull() ? null : since.asString();
	}

	private int recomputes(String projectKey) {
		return (int) events.all(MilestoneStatusesRecomputed.class)
			.stream()
			.filter(event -> event.projectKey().equals(projectKey) && !event.failed())
			.count();
	}

	/**
	 * As if the retry's pause (the tests' retry-initial, 200 ms) were over: the project's requests
	 * fall due now, so the next {@code runDue()} retries them without the test waiting on time.
	 */
	private void retryPauseOver(Teams.Team team) {
		setNotBefore(team, Instant.now());
	}

	private void setNotBefore(Teams.Team team, Instant at) {
		int waiting = jdbc.sql("update status_recompute set not_before = :at where project_key = :key")
			.param("at", Timestamp.from(at))
			.param("key", team.key())
			.update();
		assertThat(waiting).as("the failed recompute's request waits for its retry").isPositive();
	}

	private Instant notBefore(Teams.Team team) {
		return jdbc.sql("select min(not_before) from status_recompute where project_key = :key")
			.param("key", team.key())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
