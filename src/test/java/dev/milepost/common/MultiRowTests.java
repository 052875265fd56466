package dev.milepost.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements MultiRow makes: one per chunk, each row's parameters renamed, a missing value refused. */
class MultiRowTests {

	/** Records the statements instead of running them; each writes as many rows as it has tuples. */
	static final class Recording extends NamedParameterJdbcTemplate {

		final List<String> sql = new ArrayList<>();

		final List<SqlParameterSource> parameters = new ArrayList<>();

		Recording() {
			super(new DriverManagerDataSource());
		}

		@Override
		public int update(String statement, SqlParameterSource values) {
			sql.add(statement);
			parameters.add(values);
			return statement.split("\\), \\(").length;
		}

	}

	@Test
	void writesAChunkOfRowsPerStatementWithEachRowsOwnParameters() {
		Recording jdbc = new Recording();
		List<Map<String, ?>> rows = new ArrayList<>();
		for (int i = 0; i < MultiRow.CHUNK + 3; i++) {
			rows.add(Map.of("id", i, "name", "row " + i));
		}

		int written = MultiRow.insert(jdbc, "insert into t (id, name)", "(:id, :name)", "on conflict do nothing", rows);

		assertThat(written).isEqualTo(MultiRow.CHUNK + 3);
		assertThat(jdbc.sql).hasSize(2);
		assertThat(jdbc.sql.get(1)).isEqualTo(
				"insert into t (id, name) values (:id_0, :name_0), (:id_1, :name_1), (:id_2, :name_2) on conflict do nothing");
		assertThat(jdbc.parameters.get(1).getValue("name_2")).isEqualTo("row " + (MultiRow.CHUNK + 2));
		assertThat(jdbc.parameters.get(0).getValue("id_" + (MultiRow.CHUNK - 1))).isEqualTo(MultiRow.CHUNK - 1);
	}

	@Test
	void aRowWithoutAValueTheTupleNamesIsRefusedBeforeAnythingIsWritten() {
		Recording jdbc = new Recording();
		List<Map<String, ?>> rows = List.of(Map.of("id", 1, "name", "one"), Map.of("id", 2));

		assertThatThrownBy(() -> MultiRow.insert(jdbc, "insert into t (id, name)", "(:id, :name)", null, rows))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("No value for :name in row 1");
		assertThat(jdbc.sql).isEmpty();
	}

	@Test
	void noRowsNoStatement() {
		Recording jdbc = new Recording();
		assertThat(MultiRow.insert(jdbc, "insert into t (id)", "(:id)", null, List.of())).isZero();
		assertThat(jdbc.sql).isEmpty();
	}

}
