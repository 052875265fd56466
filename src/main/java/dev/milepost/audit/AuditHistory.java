package dev.milepost.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.milepost.common.EntityChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the record back as the changes it holds, for modules that replay the past (automation's
 * blueprint replay). Access is the caller's business.
 */
@Component
public class AuditHistory {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** At most this many changes are read for one window. */
	public static final int LIMIT = 20_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A recorded change and when it was recorded. */
	public record Recorded(Instant recordedAt, EntityChanged change) {
	}

	/**
	 * A scope's changes of the given entity types recorded from {@code from} up to (not including)
	 * {@code to}, oldest first, at most {@link #LIMIT}.
	 */
	public List<Recorded> changes(String scope, List<String> entityTypes, Instant from, Instant to) {
		return jdbc.sql("""
				select recorded_at, actor, entity_type, entity_id, action, before_state, after_state from audit_entry
				where scope = :scope and entity_type in (:types) and recorded_at >= :from and recorded_at < :to
				order by seq limit :limit""")
			.param("scope", scope)
			.param("types", entityTypes)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", LIMIT)
			.query((rs, n) -> new Recorded(rs.getTimestamp("recorded_at").toInstant(),
					new EntityChanged(scope, rs.getString("entity_type"), rs.getString("entity_id"),
							rs.getString("action"), read(rs.getString("before_state")),
							read(rs.getString("after_state")), rs.getString("actor"))))
			.list();
	}

	private Map<String, Object> read(String state) {
		return state == null || state.isBlank() || state.equals("null") ? Map.of() : json.readValue(state, MAP);
	}

}
