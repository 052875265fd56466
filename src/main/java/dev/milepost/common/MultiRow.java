package dev.milepost.common;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes many rows with one statement per chunk ({@code insert … values (…), (…), …}) instead of
 * one statement per row: the database parses, plans and logs one statement where a JDBC batch
 * makes it execute each row on its own. Plain SQL that H2 and PostgreSQL both run.
 */
public final class MultiRow {

	/** Rows per statement: well under PostgreSQL's limit of 32,767 parameters for tables of a few dozen columns. */
	static final int CHUNK = 200;

	private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

	private MultiRow() {
	}

	/**
	 * A value with its SQL type ({@link java.sql.Types}), for a column that may be null: the driver
	 * is told the type instead of being asked for it.
	 */
	public static SqlParameterValue typed(int sqlType, Object value) {
		return new SqlParameterValue(sqlType, value);
	}

	/**
	 * Runs {@code head values tuple, tuple, … tail} for the rows, where {@code tuple} names its
	 * parameters as a single-row statement would ({@code (:id, :name)}) and each row supplies them.
	 * Returns the rows written (the database's count, so rows a conflict clause skipped are not counted).
	 */
	public static int insert(NamedParameterJdbcTemplate jdbc, String head, String tuple, String tail,
			List<? extends Map<String, ?>> rows) {
		return insert(jdbc::update, head, tuple, tail, rows);
	}

	/** As {@link #insert(NamedParameterJdbcTemplate, String, String, String, List)}, through a {@link JdbcClient}. */
	public static int insert(JdbcClient jdbc, String head, String tuple, String tail,
			List<? extends Map<String, ?>> rows) {
		return insert((sql, parameters) -> jdbc.sql(sql).paramSource(parameters).update(), head, tuple, tail, rows);
	}

	private static int insert(BiFunction<String, MapSqlParameterSource, Integer> update, String head, String tuple,
			String tail, List<? extends Map<String, ?>> rows) {
		int written = 0;
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<? extends Map<String, ?>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			StringBuilder sql = new StringBuilder(head).append(" values ");
			MapSqlParameterSource parameters = new MapSqlParameterSource();
			for (int i = 0; i < chunk.size(); i++) {
				if (i > 0) {
					sql.append(", ");
				}
				int row = i;
				Map<String, ?> values = chunk.get(i);
				Matcher names = PARAMETER.matcher(tuple);
				StringBuilder renamed = new StringBuilder();
				while (names.find()) {
					String name = names.group(1);
					if (!values.containsKey(name)) {
						throw new IllegalArgumentException("No value for :" + name + " in row " + (from + row));
					}
					parameters.addValue(name + "_" + row, values.get(name));
					names.appendReplacement(renamed, ":" + name + "_" + row);
				}
				names.appendTail(renamed);
				sql.append(renamed);
			}
			if (tail != null && !tail.isBlank()) {
				sql.append(' ').append(tail);
			}
			written += update.apply(sql.toString(), parameters);
		}
		return written;
	}

}
