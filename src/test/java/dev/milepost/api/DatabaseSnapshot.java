package dev.milepost.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of every table a request could write to: its row count and a hash of every
 * row's content. Two snapshots around one refused request must be equal (PRODUCT.md §4: nothing
 * is half-written). Tests of the whole application run one after another, so nothing else writes
 * in between.
 */
record DatabaseSnapshot(Map<String, String> tables) {

	static final List<String> TABLES = List.of("project", "project_holiday", "project_member", "task", "task_assignee",
			"milestone", "deliverable", "goal", "dependency", "app_user", "api_token", "workspace_calendar",
			"workspace_holiday", "milestone_revision", "deliverable_rejection", "approval_request", "approval_step",
			"webhook", "notification_preference", "blueprint", "blueprint_version", "project_automation",
			"project_blueprint");

	/** Authenticating with a token stamps it, so this column changes on reads too. */
	private static final Set<String> IGNORED_COLUMNS = Set.of("api_token.last_used_at");

	static DatabaseSnapshot take(JdbcClient jdbc) {
		Map<String, String> tables = new LinkedHashMap<>();
		for (String table : TABLES) {
			List<String> rows = new ArrayList<>(
					jdbc.sql("select * from " + table).query((rs, n) -> row(table, rs)).list());
			rows.sort(null);
			tables.put(table, rows.size() + " rows, content " + sha256(rows));
		}
		return new DatabaseSnapshot(tables);
	}

	/** The tables whose content differs from the other snapshot's, with both fingerprints. */
	List<String> differencesFrom(DatabaseSnapshot before) {
		List<String> differences = new ArrayList<>();
		tables.forEach((table, fingerprint) -> {
			if (!fingerprint.equals(before.tables().get(table))) {
				differences.add(table + ": " + before.tables().get(table) + " -> " + fingerprint);
			}
		});
		return differences;
	}

	private static String row(String table, ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		StringBuilder row = new StringBuilder();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
			if (IGNORED_COLUMNS.contains(table + "." + column)) {
				continue;
			}
			Object value = rs.getObject(i);
			row.append(column).append('=').append(value instanceof byte[] bytes ? Arrays.toString(bytes) : value)
				.append('\u001f');
		}
		return row.toString();
	}

	private static String sha256(List<String> rows) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			rows.forEach(row -> digest.update((row + '\u001e').getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is always available", e);
		}
	}

}
