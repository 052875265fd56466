package dev.milepost.job.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milepost.common.MilepostException;
import dev.milepost.common.Rows;
import dev.milepost.job.Jobs;
import dev.milepost.job.JobsBusyException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Jobs} on a fixed pool with a short queue. Progress is written at most every
 * {@link #PROGRESS_INTERVAL} (and at the end), so a fast simulation does not turn into a stream of
 * updates. A job whose row has not moved for {@link #STALE_AFTER} was lost with its instance and
 * is reported as failed.
 */
@Service
class BackgroundJobs implements Jobs {

	private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

	static final Duration PROGRESS_INTERVAL = Duration.ofMillis(200);

	static final Duration STALE_AFTER = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ThreadPoolExecutor pool;

	BackgroundJobs(JdbcClient jdbc, JsonMapper json, Clock clock,
			@Value("${milepost.jobs.threads:2}") int threads, @Value("${milepost.jobs.queue:8}") int queue) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				runnable -> {
					Thread thread = new Thread(runnable, "milepost-job-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@Override
	public UUID start(String kind, String scope, UUID owner, Work work) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into background_job (id, kind, scope, owner_id, status, done, total, created_at, updated_at)
				values (:id, :kind, :scope, :owner, 'QUEUED', 0, 0, :now, :now)""")
			.param("id", id)
			.param("kind", kind)
			.param("scope", scope)
			.param("owner", owner)
			.param("now", now)
			.update();
		try {
			pool.execute(() -> run(id, work));
		}
		catch (RejectedExecutionException e) {
			finish(id, Status.FAILED, "Refused: too much work was running.", null);
			throw new JobsBusyException();
		}
		return id;
	}

	private void run(UUID id, Work work) {
		update(id, Status.RUNNING, 0, 0);
		Throttled progress = new Throttled(id);
		try {
			Object result = work.run(progress);
			finish(id, Status.SUCCEEDED, null, json.writeValueAsString(result));
		}
		catch (MilepostException e) {
			finish(id, Status.FAILED, e.getMessage(), null);
		}
		catch (RuntimeException e) {
			log.warn("Background job {} failed", id, e);
			finish(id, Status.FAILED, Thread.currentThread().isInterrupted()
					? "Stopped: the server was shutting down; start it again." : "It failed unexpectedly; try again.",
					null);
		}
	}

	/** Writes progress when it moved and the last write is old enough. */
	private final class Throttled implements Progress {

		private final UUID id;

		// the first report is written at once
		private long lastWrite = System.nanoTime() - PROGRESS_INTERVAL.toNanos();

		private int written = -1;

		Throttled(UUID id) {
			this.id = id;
		}

		@Override
		public synchronized void completed(int done, int total) {
			long now = System.nanoTime();
			if (done > written && (now - lastWrite >= PROGRESS_INTERVAL.toNanos() || done >= total)) {
				written = done;
				lastWrite = now;
				update(id, Status.RUNNING, done, total);
			}
		}

	}

	private void update(UUID id, Status status, int done, int total) {
		jdbc.sql("""
				update background_job set status = :status, done = :done, total = :total, updated_at = :now
				where id = :id""")
			.param("status", status.name())
			.param("done", done)
			.param("total", total)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	private void finish(UUID id, Status status, String message, String result) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update background_job set status = :status, message = :message, result = :result,
				done = case when :succeeded then total else done end, updated_at = :now, finished_at = :now
				where id = :id""")
			.param("status", status.name())
			.param("message", message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message)
			.param("result", result)
			.param("succeeded", status == Status.SUCCEEDED)
			.param("now", now)
			.param("id", id)
			.update();
	}

	private record Row(UUID id, String kind, String scope, UUID ownerId, String status, int done, int total,
			String message, Timestamp createdAt, Timestamp updatedAt, Timestamp finishedAt) {
	}

	@Override
	public Optional<Job> find(UUID id) {
		return jdbc.sql("""
				select id, kind, scope, owner_id, status, done, total, message, created_at, updated_at, finished_at
				from background_job where id = :id""")
			.param("id", id)
			.query(Rows.of(Row.class))
			.optional()
			.map(this::job);
	}

	private Job job(Row row) {
		Status status = Status.valueOf(row.status());
		Instant updated = row.updatedAt().toInstant();
		if (!status.finished() && updated.plus(STALE_AFTER).isBefore(clock.instant())) {
			return new Job(row.id(), row.kind(), row.scope(), row.ownerId(), Status.FAILED, row.done(), row.total(),
					"It stopped making progress (its server may have restarted); start it again.",
					row.createdAt().toInstant(), null);
		}
		return new Job(row.id(), row.kind(), row.scope(), row.ownerId(), status, row.done(), row.total(),
				row.message(), row.createdAt().toInstant(),
				row.finishedAt() == null ? null : row.finishedAt().toInstant());
	}

	@Override
	public <T> Optional<T> result(UUID id, Class<T> type) {
		return jdbc.sql("select result from background_job where id = :id and status = 'SUCCEEDED'")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, type));
	}

	/** Running work is interrupted (a simulation stops between chunks) and marked failed. */
	@PreDestroy
	void stop() throws InterruptedException {
		pool.shutdownNow();
		pool.awaitTermination(10, TimeUnit.SECONDS);
	}

}
