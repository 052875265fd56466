package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
 * {@code runDue()} is the only worker.
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
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	/** {@code milepost.schedule.recompute.retry-initial} in the tests' profile. */
	private static final Duration RETRY_INITIAL = Duration.ofMillis(200);

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
		worker.runDue();
		assertThat(recomputes(team.key())).as("one recompute for the ten changes").isEqualTo(before + 1);
		assertThat(staleSince(team)).isNull();
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
			Instant failing = clock.instant().truncatedTo(ChronoUnit.MILLIS);

			worker.runDue();
			Instant failed = clock.instant();

			assertThat(staleSince(team)).as("still stale, since the change").isEqualTo(requested);
			assertThat(worker.staleness(team.key())).get()
				.extracting(stale -> stale.failedAttempts())
				.isEqualTo(1);
			assertThat(events.all(MilestoneStatusesRecomputed.class)).filteredOn(e -> e.projectKey().equals(team.key()))
				.last()
				.extracting(MilestoneStatusesRecomputed::failed)
				.isEqualTo(true);
			// when it is tried again, read from the row rather than from a second runDue: how long this thread
			// took since the failure would decide that (the tests' retry-initial is 200 ms)
			assertThat(retryAt(team)).as("the retry waits its turn: retry-initial after the failure")
				.isBetween(failing.plus(RETRY_INITIAL), failed.plus(RETRY_INITIAL).plusMillis(1));
		}
		finally {
			faults.heal(team.key());
		}
		int before = recomputes(team.key());
		awaitServed(team);
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

	@Test
	void requestsLeftByAStoppedInstanceAreServedWhenAWorkerStarts() {
		Teams.Team team = teams.team(Api.at(port));
		// as a change committed just before its instance was killed: stored, never served
		new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> requests.request(team.key(), List.of("task"), false));
		assertThat(worker.staleness(team.key())).isPresent();

		worker.start();

		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (worker.staleness(team.key()).isPresent() && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
		assertThat(worker.staleness(team.key())).as("served by the started worker, with no new change").isEmpty();
	}

	private String staleSince(Teams.Team team) {
		var since = check(team.as(team.member()).get(team.path("/milestone-status")), 200).json().get("statusesStaleSince");
		return since == null || since.isNull() ? null : since.asString();
	}

	private int recomputes(String projectKey) {
		return (int) events.all(MilestoneStatusesRecomputed.class)
			.stream()
			.filter(event -> event.projectKey().equals(projectKey) && !event.failed())
			.count();
	}

	private Instant retryAt(Teams.Team team) {
		return jdbc.sql("select max(not_before) from status_recompute where project_key = :key")
			.param("key", team.key())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	/** Serves the project's recompute once its retry is due (a pause of the tests' retry-initial, 200 ms). */
	private void awaitServed(Teams.Team team) {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (worker.staleness(team.key()).isPresent()) {
			assertThat(System.nanoTime()).as("the retry came within a minute").isLessThan(deadline);
			worker.runDue();
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
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
