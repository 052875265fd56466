package dev.milepost.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells which scopes already have a record, so a deleted project's key is not handed out again. */
@Component
public class AuditScopes {

	private final JdbcClient jdbc;

	AuditScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean hasRecord(String scope) {
		return jdbc.sql("select count(*) from audit_chain where scope = :scope")
			.param("scope", scope)
			.query(Long.class)
			.single() > 0;
	}

}
