package dev.milepost.common;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, asked once at start-up (a request must not take a
 * second connection to find out), for the few statements PostgreSQL and H2 need differently: a
 * recursive {@code union} that drops repeats (H2's keeps them, so a walk through a plan's diamonds
 * would count every path), and row locks that do not block inserts referring to the row
 * ({@code for no key update}, which H2 lacks and does not need).
 */
@Component
public class DatabaseKind {

	private final boolean postgres;

	DatabaseKind(DataSource dataSource) {
		this.postgres = isPostgres(dataSource);
	}

	public boolean postgres() {
		return postgres;
	}

	/**
	 * The clause that locks a parent row against other lockers only: on PostgreSQL
	 * {@code for no key update}, which lets rows referring to it be inserted meanwhile (a plain
	 * {@code for update} makes every such insert wait, their foreign key check asking for a key share).
	 */
	public String lockAgainstLockersOnly() {
		return postgres ? "for no key update" : "for update";
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
					java.sql.DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException e) {
			return false;
		}
	}

}
