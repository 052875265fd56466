package dev.milepost.schedule.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.milepost.common.Rows;
import dev.milepost.schedule.StatusRecomputation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored requests to recompute a project's milestone statuses ({@code status_recompute}):
 * written in the transaction of the change, claimed and deleted in the transaction of the
 * recompute, so a request is served exactly once or stays.
 */
@Repository
class StatusRecomputeRequests {

	private final JdbcClient jdbc;

	private final Clock clock;

	StatusRecomputeRequests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What one recompute took on: every waiting request of one project, locked until its transaction ends. */
	record Claim(String projectKey, List<Long> ids, List<String> changed, boolean projectDeleted, int attempts) {
	}

	/** Asks for a recompute of the project, in the caller's transaction. */
	void request(String projectKey, Collection<String> changed, boolean projectDeleted) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into status_recompute (project_key, changed, project_deleted, requested_at, not_before)
				values (:key, :changed, :deleted, :now, :now)""")
			.param("key", projectKey)
			.param("changed", String.join(",", changed))
			.param("deleted", projectDeleted)
			.param("now", now)
			.update();
	}

	/**
	 * Claims, for the caller's transaction, every request of the first project with one due: its
	 * rows stay locked until the transaction ends and rows another transaction holds are skipped,
	 * so two workers (of one instance or of several) never take the same request. A request not
	 * yet due again after a failure is taken along with a due one of its project, since one
	 * recompute serves them all.
	 */
	Optional<Claim> claimNext() {
		Timestamp now = Timestamp.from(clock.instant());
		Optional<String> project = jdbc
			.sql("select project_key from status_recompute where not_before <= :now order by id limit 1 "
					+ "for update skip locked")
			.param("now", now)
			.query(String.class)
			.optional();
		return project.flatMap(this::claim);
	}

	private Optional<Claim> claim(String projectKey) {
		record Row(long id, String changed, boolean projectDeleted, int attempts) {
		}
		List<Row> rows = jdbc
			.sql("select id, changed, project_deleted, attempts from status_recompute where project_key = :key "
					+ "order by id for update skip locked")
			.param("key", projectKey)
			.query(Rows.of(Row.class))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Set<String> changed = new LinkedHashSet<>();
		rows.forEach(row -> Arrays.stream(row.changed().split(",")).filter(each -> !each.isEmpty()).forEach(changed::add));
		return Optional.of(new Claim(projectKey, rows.stream().map(Row::id).toList(), List.copyOf(changed),
				rows.stream().anyMatch(Row::projectDeleted), rows.stream().mapToInt(Row::attempts).max().orElse(0)));
	}

	/** The claimed requests are served: gone, in the recompute's own transaction. */
	void served(Claim claim) {
		jdbc.sql("delete from status_recompute where id in (:ids)").param("ids", claim.ids()).update();
	}

	/** The recompute failed: its requests stay, counted, until {@code retryAt}; the error is kept for operators. */
	void failed(Claim claim, Instant retryAt, String error) {
		jdbc.sql("""
				update status_recompute set attempts = attempts + 1, not_before = :retry, last_error = :error
				where id in (:ids)""")
			.param("retry", Timestamp.from(retryAt))
			.param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
			.param("ids", claim.ids())
			.update();
	}

	/** Whether any request is due now (a cheap look before a worker takes a connection for longer). */
	boolean anyDue() {
		return jdbc.sql("select id from status_recompute where not_before <= :now limit 1")
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/**
	 * Waits, in the caller's transaction, until the oldest due request another transaction holds is
	 * released (served and gone, or failed and put off), by asking for its lock.
	 */
	void awaitHeld() {
		jdbc.sql("select id from status_recompute where not_before <= :now order by id limit 1 for update")
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
	}

	Optional<StatusRecomputation.Staleness> staleness(String projectKey) {
		record Row(Timestamp since, Integer attempts) {
		}
		Row row = jdbc.sql("select min(requested_at) as since, max(attempts) as attempts from status_recompute "
				+ "where project_key = :key")
			.param("key", projectKey)
			.query((rs, n) -> new Row(rs.getTimestamp(1), (Integer) rs.getObject(2)))
			.single();
		return row.since() == null ? Optional.empty()
				: Optional.of(new StatusRecomputation.Staleness(row.since().toInstant(), row.attempts()));
	}

	/** How long a failed recompute waits before its next try: doubling from {@code initial}, up to {@code max}. */
	static Duration backoff(int failedAttempts, Duration initial, Duration max) {
		Duration wait = initial;
		for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(max) > 0 ? max : wait;
	}

}
