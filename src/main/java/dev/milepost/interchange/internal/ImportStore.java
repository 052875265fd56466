package dev.milepost.interchange.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The imports waiting for their uploader's confirm: the preview and the plan, as JSON. */
@Repository
class ImportStore {

	private final JdbcClient jdbc;

	ImportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(UUID id, UUID uploadedBy, String preview, String planData, Instant expiresAt, String projectKey) {
	}

	void insert(UUID id, UUID uploadedBy, String filename, String format, long size, String preview, String plan,
			Instant now, Instant expiresAt) {
		jdbc.sql("""
				insert into plan_import (id, uploaded_by, filename, format, file_size, preview, plan_data, created_at, expires_at)
				values (:id, :by, :filename, :format, :size, :preview, :plan, :now, :expires)""")
			.param("id", id)
			.param("by", uploadedBy)
			.param("filename", filename)
			.param("format", format)
			.param("size", size)
			.param("preview", preview)
			.param("plan", plan)
			.param("now", java.sql.Timestamp.from(now))
			.param("expires", java.sql.Timestamp.from(expiresAt))
			.update();
	}

	/** The uploader's import; {@code forUpdate} locks it against a second confirm running at once. */
	Optional<Stored> find(UUID id, UUID uploadedBy, boolean forUpdate) {
		return jdbc.sql("select id, uploaded_by, preview, plan_data, expires_at, project_key from plan_import "
				+ "where id = :id and uploaded_by = :by" + (forUpdate ? " for update" : ""))
			.param("id", id)
			.param("by", uploadedBy)
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("uploaded_by", UUID.class),
					rs.getString("preview"), rs.getString("plan_data"), rs.getTimestamp("expires_at").toInstant(),
					rs.getString("project_key")))
			.optional();
	}

	void confirmed(UUID id, String projectKey, Instant now) {
		jdbc.sql("update plan_import set project_key = :key, confirmed_at = :now where id = :id")
			.param("key", projectKey)
			.param("now", java.sql.Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** The column mapping the person's last sheet was read through, as JSON. */
	Optional<String> mapping(UUID userId) {
		return jdbc.sql("select mapping from import_mapping where user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	void rememberMapping(UUID userId, String mapping, Instant now) {
		int updated = jdbc.sql("update import_mapping set mapping = :mapping, updated_at = :now where user_id = :user")
			.param("mapping", mapping)
			.param("now", java.sql.Timestamp.from(now))
			.param("user", userId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into import_mapping (user_id, mapping, updated_at) values (:user, :mapping, :now)")
				.param("mapping", mapping)
				.param("now", java.sql.Timestamp.from(now))
				.param("user", userId)
				.update();
		}
	}

	/** Forgets the uploader's imports that expired unconfirmed. */
	void forgetExpired(UUID uploadedBy, Instant now) {
		jdbc.sql("delete from plan_import where uploaded_by = :by and project_key is null and expires_at < :now")
			.param("by", uploadedBy)
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

}
