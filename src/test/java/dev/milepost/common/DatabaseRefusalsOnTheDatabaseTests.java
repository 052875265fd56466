package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;

import dev.milepost.MilepostTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the test database itself refuses, as the application would answer it: on PostgreSQL a NUL
 * in text and a date beyond its calendar were "a duplicate" (409); they are a 400 that says a
 * value cannot be stored. H2 stores both, so there they are skipped.
 */
@MilepostTest
class DatabaseRefusalsOnTheDatabaseTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void textWithANulTheDatabaseCannotHoldIsABadRequest() {
		assertIsABadRequest(catchThrowable(() -> jdbc.sql("select length(cast(:text as varchar(20)))")
			.param("text", "a\u0000b")
			.query(Integer.class)
			.single()));
	}

	/** The PostgreSQL driver sends a LocalDate beyond its calendar as infinity; the text reaches the database. */
	@Test
	void aDateBeyondTheDatabasesCalendarIsABadRequest() {
		assertIsABadRequest(catchThrowable(() -> jdbc.sql("select cast(:day as date)")
			.param("day", "999999999-12-31")
			.query(LocalDate.class)
			.single()));
	}

	private static void assertIsABadRequest(Throwable refused) {
		assumeTrue(refused != null, "this database holds the value");
		assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
		MilepostException answer = DatabaseRefusals.of((DataIntegrityViolationException) refused);
		assertThat(answer.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getMessage()).contains("cannot be stored").doesNotContain("already exists");
	}

}
