package dev.milepost.common;

import java.sql.SQLException;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What a write the database refused tells the client, by the SQLSTATE the database gave: the
 * same states on PostgreSQL and H2. Requests are checked before they are written, so reaching here
 * means a check is missing; the answer still says honestly what happened.
 */
final class DatabaseRefusals {

	private DatabaseRefusals() {
	}

	static MilepostException of(DataIntegrityViolationException e) {
		String state = sqlState(e);
		if (e instanceof DuplicateKeyException || "23505".equals(state)) {
			return new ConflictException("Something with the same key or name already exists.");
		}
		if (state != null && state.startsWith("22")) {
			return new BadRequestException("A value cannot be stored as sent: it is too long, out of range or holds "
					+ "characters that cannot be stored. Check the values and send them again.", List.of());
		}
		if (state != null && state.startsWith("2350")) {
			return new ConflictException("The change refers to something that no longer exists, or removes something "
					+ "that is still referred to; read it again and reapply your change.");
		}
		return new ConflictException("The change breaks a rule of the stored data; read it again and reapply your change.");
	}

	private static String sqlState(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
