package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * A write the database refused is described by what the database said: on PostgreSQL a NUL in
 * text (SQLSTATE 22021) or a date it cannot hold (22008) used to be answered "a duplicate".
 */
class DatabaseRefusalsTests {

	@Test
	void onlyAUniqueKeyIsADuplicate() {
		MilepostException duplicate = DatabaseRefusals.of(new DuplicateKeyException("x", sql("23505")));
		assertThat(duplicate.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(duplicate.getMessage()).contains("already exists");
	}

	@Test
	void aValueTheDatabaseCannotHoldIsABadRequestNotADuplicate() {
		for (String state : new String[] { "22021", "22008", "22001", "22003", "22P05" }) {
			MilepostException refused = DatabaseRefusals.of(new DataIntegrityViolationException("x", sql(state)));
			assertThat(refused.status()).as(state).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getMessage()).as(state).contains("cannot be stored").doesNotContain("duplicate")
				.doesNotContain("already exists");
		}
	}

	@Test
	void aBrokenReferenceOrOtherRuleIsAConflictNamedForWhatItIs() {
		MilepostException reference = DatabaseRefusals.of(new DataIntegrityViolationException("x", sql("23503")));
		assertThat(reference.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(reference.getMessage()).contains("no longer exists").doesNotContain("already exists");
		MilepostException other = DatabaseRefusals.of(new DataIntegrityViolationException("x", sql("23514")));
		assertThat(other.getMessage()).contains("breaks a rule").doesNotContain("already exists");
		assertThat(DatabaseRefusals.of(new DataIntegrityViolationException("no cause")).getMessage())
			.doesNotContain("already exists");
	}

	private static SQLException sql(String state) {
		return new SQLException("refused", state);
	}

}
