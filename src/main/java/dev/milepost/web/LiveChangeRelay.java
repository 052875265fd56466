package dev.milepost.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.milepost.common.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries live-update signals between instances sharing one database. The instance that commits a
 * change writes one row per project and kind of thing changed, in the transaction of the change;
 * every instance with open pages reads the rows of the last few seconds and hands the ones it did
 * not write itself to its pages. Reading by a window of time rather than by the last id seen means
 * a transaction that took an id early but committed late is still heard.
 */
@Component
class LiveChangeRelay {

	private static final Logger log = LoggerFactory.getLogger(LiveChangeRelay.class);

	/** How far back each read looks: longer than any commit takes after its row got its id. */
	static final Duration WINDOW = Duration.ofSeconds(5);

	/** Rows older than this are deleted; no instance reads them any more. */
	static final Duration KEEP = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String origin = UUID.randomUUID().toString();

	/** Rows already handed on, by id, with when they were written; forgotten once out of the window. */
	private final Map<Long, Instant> heard = new LinkedHashMap<>();

	private Instant lastCleanup = Instant.EPOCH;

	LiveChangeRelay(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records changes for the other instances; runs inside the transaction that made them. */
	void record(Collection<Map.Entry<String, String>> changes) {
		Timestamp now = Timestamp.from(clock.instant());
		for (Map.Entry<String, String> change : changes) {
			jdbc.sql("insert into live_change (project_key, what, origin, created_at) values (:key, :what, :origin, :at)")
				.param("key", change.getKey())
				.param("what", change.getValue())
				.param("origin", origin)
				.param("at", now)
				.update();
		}
	}

	/**
	 * Hands every change another instance recorded in the window, and not handed on before, to
	 * {@code deliver}: once per project, with what changed there. Called from one thread only.
	 */
	void poll(BiConsumer<String, List<String>> deliver) {
		Instant now = clock.instant();
		Instant since = now.minus(WINDOW);
		record Row(long id, String projectKey, String what, String origin, Timestamp createdAt) {
		}
		Map<String, List<String>> changes = new LinkedHashMap<>();
		// read first, deliver after: no page is written to while a connection is held
		for (Row row : jdbc
			.sql("select id, project_key, what, origin, created_at from live_change where created_at > :since order by id")
			.param("since", Timestamp.from(since))
			.query(Rows.of(Row.class))
			.list()) {
			if (heard.putIfAbsent(row.id(), row.createdAt().toInstant()) == null && !origin.equals(row.origin())) {
				List<String> what = changes.computeIfAbsent(row.projectKey(), key -> new ArrayList<>());
				if (!what.contains(row.what())) {
					what.add(row.what());
				}
			}
		}
		changes.forEach(deliver);
		for (Iterator<Instant> written = heard.values().iterator(); written.hasNext();) {
			if (!written.next().isAfter(since)) {
				written.remove();
			}
		}
		if (Duration.between(lastCleanup, now).compareTo(Duration.ofSeconds(30)) > 0) {
			lastCleanup = now;
			int deleted = jdbc.sql("delete from live_change where created_at < :before")
				.param("before", Timestamp.from(now.minus(KEEP)))
				.update();
			log.trace("Deleted {} old live changes", deleted);
		}
	}

}
