package dev.milepost.job;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts work in the background and tells where it stands. Work runs on a small bounded pool; its
 * progress and result are written to the database, so a page polling any instance sees them. A
 * job belongs to the person who started it and to a scope (a project key): callers check access
 * before starting one and before showing one.
 */
public interface Jobs {

	enum Status {

		QUEUED, RUNNING, SUCCEEDED, FAILED;

		public boolean finished() {
			return this == SUCCEEDED || this == FAILED;
		}

	}

	/** Where a job stands: {@code done} of {@code total} steps; {@code message} says why it failed. */
	record Job(UUID id, String kind, String scope, UUID owner, Status status, int done, int total, String message,
			Instant createdAt, Instant finishedAt) {

		/** How far along it is, 0–100. */
		public int percent() {
			if (status == Status.SUCCEEDED) {
				return 100;
			}
			return total <= 0 ? 0 : (int) Math.min(100, (long) done * 100 / total);
		}

	}

	/** Hears how many steps of how many are done; may be called from several threads. */
	@FunctionalInterface
	interface Progress {

		void completed(int done, int total);

	}

	/** The work itself: it reports progress and returns a result that is stored as JSON. */
	@FunctionalInterface
	interface Work {

		Object run(Progress progress);

	}

	/**
	 * Queues the work and returns the job's id at once. Refuses (503) when the pool is full, so a
	 * burst of requests cannot queue unbounded work.
	 */
	UUID start(String kind, String scope, UUID owner, Work work);

	Optional<Job> find(UUID id);

	/** The stored result of a job that succeeded, read back as {@code type}. */
	<T> Optional<T> result(UUID id, Class<T> type);

}
