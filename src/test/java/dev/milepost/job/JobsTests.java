package dev.milepost.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.milepost.MilepostTest;
import dev.milepost.common.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Background jobs: progress and results are read back from the database, failures say why. */
@MilepostTest
class JobsTests {

	@Autowired
	Jobs jobs;

	record Answer(String text, List<Integer> numbers) {
	}

	@Test
	void progressIsStoredWhileItRunsAndTheResultOnceItSucceeds() throws InterruptedException {
		CountDownLatch halfway = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		UUID owner = UUID.randomUUID();
		UUID id = jobs.start("test", "T1", owner, progress -> {
			progress.completed(50, 100);
			halfway.countDown();
			await(release);
			progress.completed(100, 100);
			return new Answer("done", List.of(1, 2, 3));
		});
		assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
		Jobs.Job running = jobs.find(id).orElseThrow();
		assertThat(running.status()).isEqualTo(Jobs.Status.RUNNING);
		assertThat(running.percent()).isEqualTo(50);
		assertThat(running.owner()).isEqualTo(owner);
		assertThat(running.scope()).isEqualTo("T1");
		assertThat(jobs.result(id, Answer.class)).isEmpty();
		release.countDown();
		finished(id);
		Jobs.Job done = jobs.find(id).orElseThrow();
		assertThat(done.status()).isEqualTo(Jobs.Status.SUCCEEDED);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(done.finishedAt()).isNotNull();
		assertThat(jobs.result(id, Answer.class)).contains(new Answer("done", List.of(1, 2, 3)));
	}

	@Test
	void aRefusalInTheWorkFailsTheJobWithItsMessage() {
		UUID id = jobs.start("test", "T1", UUID.randomUUID(), progress -> {
			throw new RuleViolationException("tasks", "The estimate of 'Build' cannot be used.");
		});
		finished(id);
		Jobs.Job failed = jobs.find(id).orElseThrow();
		assertThat(failed.status()).isEqualTo(Jobs.Status.FAILED);
		assertThat(failed.message()).isEqualTo("The estimate of 'Build' cannot be used.");
		assertThat(jobs.result(id, Map.class)).isEmpty();
		assertThat(jobs.find(UUID.randomUUID())).isEmpty();
	}

	/** Waits for the job to finish; the 60 s are a bound against a hang, not a limit on speed. */
	private void finished(UUID id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!jobs.find(id).orElseThrow().status().finished() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
