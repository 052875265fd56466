package dev.milepost.automation.definition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.PreconditionFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes blueprints, their versions, project pause switches and applied workspace blueprints. */
@Repository
class BlueprintStore {

	private static final String HEAD = """
			select id, project_id, project_key, name, status, active_version, latest_version, version, created_by,
			created_at, updated_at from blueprint""";

	private static final String VERSION = """
			select id, blueprint_id, number, yaml, author, created_at, valid, note from blueprint_version""";

	private final JdbcClient jdbc;

	BlueprintStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredBlueprint> find(UUID id) {
		return jdbc.sql(HEAD + " where id = :id").param("id", id).query(BlueprintStore::head).optional();
	}

	/** The project's own blueprints (projectId null: the workspace's), oldest first. */
	List<StoredBlueprint> list(UUID projectId) {
		if (projectId == null) {
			return jdbc.sql(HEAD + " where project_id is null order by created_at, id").query(BlueprintStore::head).list();
		}
		return jdbc.sql(HEAD + " where project_id = :p order by created_at, id").param("p", projectId)
			.query(BlueprintStore::head)
			.list();
	}

	/** The workspace blueprints a project applies. */
	List<StoredBlueprint> applied(UUID projectId) {
		return jdbc.sql(HEAD + " b where exists (select 1 from project_blueprint a where a.blueprint_id = b.id"
				+ " and a.project_id = :p) order by created_at, id")
			.param("p", projectId)
			.query(BlueprintStore::head)
			.list();
	}

	boolean isApplied(UUID projectId, UUID blueprintId) {
		return jdbc.sql("select count(*) from project_blueprint where project_id = :p and blueprint_id = :b")
			.param("p", projectId).param("b", blueprintId).query(Long.class).single() > 0;
	}

	void apply(UUID projectId, String projectKey, UUID blueprintId, String by, Instant at) {
		jdbc.sql("""
				insert into project_blueprint (project_id, project_key, blueprint_id, applied_by, applied_at)
				values (:p, :key, :b, :by, :at)""")
			.param("p", projectId).param("key", projectKey).param("b", blueprintId).param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void unapply(UUID projectId, UUID blueprintId) {
		jdbc.sql("delete from project_blueprint where project_id = :p and blueprint_id = :b")
			.param("p", projectId).param("b", blueprintId).update();
	}

	void insert(StoredBlueprint b) {
		jdbc.sql("""
				insert into blueprint (id, project_id, project_key, name, status, active_version, latest_version, version,
				created_by, created_at, updated_at)
				values (:id, :p, :key, :name, :status, :active, :latest, 0, :by, :created, :updated)""")
			.param("id", b.id()).param("p", b.projectId()).param("key", b.projectKey()).param("name", b.name())
			.param("status", b.status().name()).param("active", b.activeVersion()).param("latest", b.latestVersion())
			.param("by", b.createdBy()).param("created", Timestamp.from(b.createdAt()))
			.param("updated", Timestamp.from(b.updatedAt()))
			.update();
	}

	/** Saves the head if nobody changed it since it was read; returns it with its new version. */
	StoredBlueprint update(StoredBlueprint b) {
		int rows = jdbc.sql("""
				update blueprint set name = :name, status = :status, active_version = :active,
				latest_version = :latest, version = version + 1, updated_at = :updated
				where id = :id and version = :version""")
			.param("name", b.name()).param("status", b.status().name()).param("active", b.activeVersion())
			.param("latest", b.latestVersion()).param("updated", Timestamp.from(b.updatedAt())).param("id", b.id())
			.param("version", b.version())
			.update();
		if (rows == 0) {
			throw new PreconditionFailedException("The blueprint changed while you were changing it; read it again.");
		}
		return find(b.id()).orElseThrow();
	}

	void insert(StoredVersion v) {
		jdbc.sql("""
				insert into blueprint_version (id, blueprint_id, number, yaml, author, created_at, valid, note)
				values (:id, :b, :n, :yaml, :author, :at, :valid, :note)""")
			.param("id", v.id()).param("b", v.blueprintId()).param("n", v.number()).param("yaml", v.yaml())
			.param("author", v.author()).param("at", Timestamp.from(v.createdAt())).param("valid", v.valid())
			.param("note", v.note())
			.update();
	}

	Optional<StoredVersion> version(UUID blueprintId, int number) {
		return jdbc.sql(VERSION + " where blueprint_id = :b and number = :n").param("b", blueprintId).param("n", number)
			.query(BlueprintStore::version)
			.optional();
	}

	List<StoredVersion> versions(UUID blueprintId) {
		return jdbc.sql(VERSION + " where blueprint_id = :b order by number desc").param("b", blueprintId)
			.query(BlueprintStore::version)
			.list();
	}

	void delete(UUID blueprintId) {
		jdbc.sql("delete from project_blueprint where blueprint_id = :b").param("b", blueprintId).update();
		jdbc.sql("delete from blueprint_version where blueprint_id = :b").param("b", blueprintId).update();
		jdbc.sql("delete from blueprint where id = :b").param("b", blueprintId).update();
	}

	/** Removes everything of a deleted project. */
	void forgetProject(String projectKey) {
		jdbc.sql("delete from project_blueprint where project_key = :key").param("key", projectKey).update();
		jdbc.sql("delete from blueprint_version where blueprint_id in (select id from blueprint where project_key = :key)")
			.param("key", projectKey).update();
		jdbc.sql("delete from blueprint where project_key = :key").param("key", projectKey).update();
		jdbc.sql("delete from project_automation where project_key = :key").param("key", projectKey).update();
	}

	/** The project's pause switch: paused, version, changed by, changed at; empty when never set. */
	Optional<AutomationSwitch> automation(UUID projectId) {
		return jdbc.sql("select paused, version, changed_by, changed_at from project_automation where project_id = :p")
			.param("p", projectId)
			.query((rs, n) -> new AutomationSwitch(rs.getBoolean(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	void saveAutomation(UUID projectId, String projectKey, boolean paused, String by, Instant at) {
		int rows = jdbc.sql("""
				update project_automation set paused = :paused, version = version + 1, changed_by = :by, changed_at = :at
				where project_id = :p""")
			.param("paused", paused).param("by", by).param("at", Timestamp.from(at)).param("p", projectId)
			.update();
		if (rows == 0) {
			jdbc.sql("""
					insert into project_automation (project_id, project_key, paused, version, changed_by, changed_at)
					values (:p, :key, :paused, 1, :by, :at)""")
				.param("p", projectId).param("key", projectKey).param("paused", paused).param("by", by)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	/** A project's pause switch. */
	record AutomationSwitch(boolean paused, long version, String changedBy, Instant changedAt) {
	}

	private static StoredBlueprint head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		int number = rs.getInt("active_version");
		Integer active = rs.wasNull() ? null : number;
		return new StoredBlueprint(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getString("project_key"), rs.getString("name"), BlueprintStatus.valueOf(rs.getString("status")),
				active, rs.getInt("latest_version"), rs.getLong("version"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static StoredVersion version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new StoredVersion(rs.getObject("id", UUID.class), rs.getObject("blueprint_id", UUID.class),
				rs.getInt("number"), rs.getString("yaml"), rs.getString("author"),
				rs.getTimestamp("created_at").toInstant(), rs.getBoolean("valid"), rs.getString("note"));
	}

}
