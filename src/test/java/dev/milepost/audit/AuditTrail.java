package dev.milepost.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.common.EntityChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Test fixture: publishes changes as the other modules do (each in its own transaction) into
 * scopes of the test's own, and reads the stored chain back.
 */
final class AuditTrail {

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	AuditTrail(ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
	}

	/** A scope nobody else writes to, so a test may count and tamper with its entries. */
	static String newScope(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void record(String scope, String entityId, String action, Map<String, Object> before, Map<String, Object> after,
			String actor) {
		transaction.executeWithoutResult(status -> publish(scope, entityId, action, before, after, actor));
	}

	void publish(String scope, String entityId, String action, Map<String, Object> before, Map<String, Object> after,
			String actor) {
		events.publishEvent(new EntityChanged(scope, "task", entityId, action, before, after, actor));
	}

	/** Records {@code count} tasks being created, as {@code T-1}, {@code T-2}, ... */
	void createTasks(String scope, int count, String actor) {
		for (int i = 1; i <= count; i++) {
			record(scope, "T-" + i, "created", Map.of(), Map.of("title", "Task " + i), actor);
		}
	}

	TransactionTemplate transaction() {
		return transaction;
	}

	List<Link> chain(String scope) {
		return jdbc.sql("select id, seq, prev_hash, hash from audit_entry where scope = :scope order by seq")
			.param("scope", scope)
			.query((rs, row) -> new Link(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("prev_hash"),
					rs.getString("hash")))
			.list();
	}

	Map<String, Object> head(String scope) {
		return jdbc.sql("select last_seq, last_hash from audit_chain where scope = :scope")
			.param("scope", scope)
			.query()
			.singleRow();
	}

	long countIn(String scope) {
		return jdbc.sql("select count(*) from audit_entry where scope = :scope")
			.param("scope", scope)
			.query(Long.class)
			.single();
	}

	static JsonNode verify(Api admin, String scope) {
		Api.Response response = admin.post("/api/v1/audit/verification" + (scope == null ? "" : "?scope=" + scope),
				null);
		if (response.status() != 200) {
			throw new AssertionError("verification answered " + response);
		}
		return response.json();
	}

	record Link(UUID id, long seq, String prevHash, String hash) {
	}

}
