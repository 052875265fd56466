package dev.milepost;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard behind "a thread never holds two connections": what it records, and what it lets pass. */
class ConnectionGuardTests {

	private final DataSource guarded = ConnectionGuard.guard(h2());

	@AfterEach
	void nothingLeftForTheNextTest() {
		ConnectionGuard.take();
	}

	@Test
	void recordsAThreadAskingForASecondConnectionWhileHoldingOne() throws Exception {
		ConnectionGuard.take();
		try (Connection first = guarded.getConnection(); Connection second = guarded.getConnection()) {
			assertThat(second).isNotSameAs(first);
		}

		assertThat(ConnectionGuard.take()).singleElement().satisfies(violation -> {
			assertThat(violation.thread()).isEqualTo(Thread.currentThread().getName());
			assertThat(violation.asked().getStackTrace()).anySatisfy(frame -> assertThat(frame.getMethodName())
				.isEqualTo("recordsAThreadAskingForASecondConnectionWhileHoldingOne"));
		});
	}

	@Test
	void letsAThreadTakeOneConnectionAfterAnother() throws Exception {
		ConnectionGuard.take();
		for (int i = 0; i < 3; i++) {
			try (Connection connection = guarded.getConnection()) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}

		assertThat(ConnectionGuard.take()).isEmpty();
	}

	@Test
	void letsTwoThreadsHoldOneEach() throws Exception {
		ConnectionGuard.take();
		try (Connection mine = guarded.getConnection()) {
			Thread other = new Thread(() -> {
				try (Connection theirs = guarded.getConnection()) {
					assertThat(theirs).isNotNull();
				}
				catch (java.sql.SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			other.start();
			other.join();
		}

		assertThat(ConnectionGuard.take()).isEmpty();
	}

	private static DataSource h2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:connection-guard;DB_CLOSE_DELAY=-1");
		return h2;
	}

}
