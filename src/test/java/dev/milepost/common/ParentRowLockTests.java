package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL the lock a plan change or a recompute takes on a project's row lets rows that
 * refer to the project be inserted meanwhile: a plain {@code for update} would make every such
 * insert wait for the lock holder's commit. A {@code lock_timeout} turns any wait into an error,
 * so the test needs no clock: the insert either goes through or fails at once.
 */
@MilepostTest
class ParentRowLockTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	DatabaseKind database;

	// two connections of their own, beside the pool (which the guard keeps to one per thread)
	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password}")
	String password;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRowReferringToALockedProjectIsInsertedWithoutWaiting() throws SQLException {
		assumeTrue(database.postgres(), "H2 has no lock weaker than for update; the clause is PostgreSQL's");
		UUID project = jdbc.sql("select id from project where project_key = :key")
			.param("key", teams.team(Api.at(port)).key())
			.query(UUID.class)
			.single();

		try (Connection locker = DriverManager.getConnection(url, username, password);
				Connection inserter = DriverManager.getConnection(url, username, password)) {
			lock(locker, project, database.lockAgainstLockersOnly());
			assertThat(insertHoliday(inserter, project, LocalDate.of(2026, 12, 24))).isOne();
			locker.rollback();
			inserter.rollback();

			// the control: the lock the clause replaces makes the same insert wait, here refused at once
			lock(locker, project, "for update");
			assertThatThrownBy(() -> insertHoliday(inserter, project, LocalDate.of(2026, 12, 31)))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("lock timeout");
			locker.rollback();
			inserter.rollback();
		}
	}

	private static void lock(Connection connection, UUID project, String clause) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement statement = connection.prepareStatement("select id from project where id = ? " + clause)) {
			statement.setObject(1, project);
			statement.executeQuery().close();
		}
	}

	private static int insertHoliday(Connection connection, UUID project, LocalDate day) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement settings = connection.createStatement()) {
			settings.execute("set local lock_timeout = '50ms'");
		}
		try (PreparedStatement statement = connection
			.prepareStatement("insert into project_holiday (project_id, holiday_date, name) values (?, ?, 'Closed')")) {
			statement.setObject(1, project);
			statement.setObject(2, day);
			return statement.executeUpdate();
		}
	}

}
