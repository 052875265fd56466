package dev.milepost.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit tables. Entries are only inserted; the chain heads are locked to append. */
@Repository
class AuditStore {

	private static final Logger log = LoggerFactory.getLogger(AuditStore.class);

	private static final String COLUMNS = "id, scope, seq, recorded_at, actor, entity_type, entity_id, action, "
			+ "changes, before_state, after_state, prev_hash, hash";

	private final JdbcClient jdbc;

	private final TransactionTemplate savepoint;

	AuditStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Locks the scope's chain head until the current transaction ends, creating it on first use.
	 * Two transactions may race to create it: the loser's insert fails on the primary key, and is
	 * undone to a savepoint because PostgreSQL would otherwise refuse every later statement of the
	 * transaction; the loser then waits for the winner's lock like any other appender.
	 */
	ChainHead lockHead(String scope) {
		Optional<ChainHead> head = selectHeadForUpdate(scope);
		if (head.isPresent()) {
			return head.get();
		}
		try {
			savepoint.executeWithoutResult(status -> jdbc
				.sql("insert into audit_chain (scope, last_seq, last_hash) values (:scope, 0, :hash)")
				.param("scope", scope)
				.param("hash", AuditHash.GENESIS)
				.update());
		}
		catch (DuplicateKeyException raced) {
			// another transaction created the head first; it is committed now, so lock it below
			log.debug("Another transaction started the audit chain of '{}' first", scope);
		}
		return selectHeadForUpdate(scope)
			.orElseThrow(() -> new IllegalStateException("The audit chain head of '" + scope + "' vanished"));
	}

	/** Stores the entry and moves its chain's head to it; the head must be locked by this transaction. */
	void append(AuditEntry entry) {
		jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (:id, :scope, :seq, :recordedAt, :actor, "
				+ ":entityType, :entityId, :action, :changes, :before, :after, :prevHash, :hash)")
			.param("id", entry.id())
			.param("scope", entry.scope())
			.param("seq", entry.seq())
			.param("recordedAt", utc(entry.recordedAt()))
			.param("actor", entry.actor())
			.param("entityType", entry.entityType())
			.param("entityId", entry.entityId())
			.param("action", entry.action())
			.param("changes", entry.changes())
			.param("before", entry.before())
			.param("after", entry.after())
			.param("prevHash", entry.prevHash())
			.param("hash", entry.hash())
			.update();
		int moved = jdbc.sql("update audit_chain set last_seq = :seq, last_hash = :hash where scope = :scope")
			.param("seq", entry.seq())
			.param("hash", entry.hash())
			.param("scope", entry.scope())
			.update();
		if (moved != 1) {
			throw new IllegalStateException("The audit chain head of '" + entry.scope() + "' is missing");
		}
	}

	/** Every scope that has a chain head or entries; a scope with only one of them is still checked. */
	List<String> scopes() {
		return jdbc.sql("select scope from audit_chain union select distinct scope from audit_entry order by 1")
			.query(String.class)
			.list();
	}

	Optional<ChainHead> head(String scope) {
		return jdbc.sql("select scope, last_seq, last_hash from audit_chain where scope = :scope")
			.param("scope", scope)
			.query(AuditStore::head)
			.optional();
	}

	/** The next entries of a chain in order, for walking it a page at a time. */
	List<AuditEntry> entriesAfter(String scope, long afterSeq, int limit) {
		return jdbc.sql("select " + COLUMNS + " from audit_entry where scope = :scope and seq > :after "
				+ "order by seq limit :limit")
			.param("scope", scope)
			.param("after", afterSeq)
			.param("limit", limit)
			.query(AuditStore::entry)
			.list();
	}

	/** A page of a scope's entries, newest first. */
	PageResponse<AuditEntry> find(AuditQuery query, Paging paging) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> conditions = new ArrayList<>();
		if (query.scope() != null) {
			params.put("scope", query.scope());
			conditions.add("scope = :scope");
		}
		if (query.entityIdContains() != null && !query.entityIdContains().isBlank()) {
			conditions.add("lower(entity_id) like :entityIdLike");
			params.put("entityIdLike", "%" + query.entityIdContains().strip().toLowerCase(java.util.Locale.ROOT)
				.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		addEquals(conditions, params, "entity_type", "entityType", query.entityType());
		addEquals(conditions, params, "entity_id", "entityId", query.entityId());
		addEquals(conditions, params, "actor", "actor", query.actor());
		addEquals(conditions, params, "action", "action", query.action());
		if (query.from() != null) {
			conditions.add("recorded_at >= :from");
			params.put("from", utc(query.from()));
		}
		if (query.to() != null) {
			conditions.add("recorded_at < :to");
			params.put("to", utc(query.to()));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		// one chain reads in its order; every chain together, by time
		String order = query.scope() == null ? " order by recorded_at desc, scope, seq desc" : " order by seq desc";
		long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
		List<AuditEntry> entries = jdbc
			.sql("select " + COLUMNS + " from audit_entry" + where + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(AuditStore::entry)
			.list();
		return PageResponse.of(entries, paging, total);
	}

	private Optional<ChainHead> selectHeadForUpdate(String scope) {
		return jdbc.sql("select scope, last_seq, last_hash from audit_chain where scope = :scope for update")
			.param("scope", scope)
			.query(AuditStore::head)
			.optional();
	}

	private static void addEquals(List<String> conditions, Map<String, Object> params, String column, String name,
			String value) {
		if (value != null && !value.isBlank()) {
			conditions.add(column + " = :" + name);
			params.put(name, value);
		}
	}

	// both drivers take an OffsetDateTime for a timestamp with time zone; not every one takes an Instant
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static ChainHead head(ResultSet rs, int row) throws SQLException {
		return new ChainHead(rs.getString("scope"), rs.getLong("last_seq"), rs.getString("last_hash"));
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getObject("id", UUID.class), rs.getString("scope"), rs.getLong("seq"),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"), rs.getString("changes"),
				rs.getString("before_state"), rs.getString("after_state"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
