package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Records read by column name without an exception per column: H2 writes every exception with its
 * stack trace to its trace file, which grew by tens of kilobytes per API read when rows were read
 * with {@code JdbcClient.query(SomeRecord.class)}.
 */
class RowsTests {

	enum Kind {
		TASK, MILESTONE
	}

	record Activity(UUID id, String projectKey, Kind kind, LocalDate plannedStart, Instant createdAt, Integer slackDays) {
	}

	@TempDir
	Path directory;

	JdbcClient jdbc;

	@BeforeEach
	void database() {
		jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:"
				+ directory.resolve("rows").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;TRACE_LEVEL_FILE=1"));
		jdbc.sql("""
				create table activity (id uuid primary key, project_key varchar(10), kind varchar(20), planned_start date,
				created_at timestamp with time zone, slack_days integer)""").update();
		jdbc.sql("insert into activity values (:id, 'ERP', 'MILESTONE', date '2026-03-02', timestamp with time zone "
				+ "'2026-03-02 09:00:00+00', null)").param("id", new UUID(0, 7)).update();
	}

	@Test
	void readsSnakeCaseColumnsIntoARecordsComponents() {
		List<Activity> read = jdbc.sql("select * from activity").query(Rows.of(Activity.class)).list();

		assertThat(read).containsExactly(new Activity(new UUID(0, 7), "ERP", Kind.MILESTONE, LocalDate.of(2026, 3, 2),
				Instant.parse("2026-03-02T09:00:00Z"), null));
	}

	@Test
	void aReadLeavesTheTraceFileAsItWas() throws Exception {
		Path trace = directory.resolve("rows.trace.db");

		for (int i = 0; i < 10; i++) {
			jdbc.sql("select * from activity").query(Rows.of(Activity.class)).list();
		}

		assertThat(Files.exists(trace) ? Files.size(trace) : 0).isZero();
	}

	@Test
	void theMapperItReplacesThrowsForEveryCamelCaseComponent() throws Exception {
		Path trace = directory.resolve("rows.trace.db");

		jdbc.sql("select * from activity").query(Activity.class).list();

		assertThat(Files.readString(trace)).contains("Column \"projectKey\" not found", "Column \"plannedStart\" not found");
	}

	@Test
	void namesTheComponentNoColumnHolds() {
		assertThatThrownBy(() -> jdbc.sql("select id from activity").query(Rows.of(Activity.class)).list())
			.hasMessageContaining("Activity.projectkey");
	}

}
