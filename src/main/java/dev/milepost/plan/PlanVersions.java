package dev.milepost.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.Rows;
import dev.milepost.common.TransactionScoped;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A project's plan version ({@code plan_version}): one more for every transaction that changes
 * what {@link PlanQueries#plan} reads, so an instance keeping a plan compiled in memory can tell,
 * with one cheap read, that its copy is stale, whichever instance made the change.
 *
 * <p>The one place that bumps it is the listener here, on the change event every plan change
 * puts on the record ({@link EntityChanged}, published inside the change's transaction): a change
 * in a project bumps that project, once per transaction, at the first change, so a later read in
 * the same transaction already sees the new version; a change of the workspace calendar, or of a
 * person (their name or whether they are active, which plans show), bumps every project. Any
 * change in a project counts, not only the plan's entities: a needless bump costs a cache miss, a
 * missed one a stale plan.
 */
@Component
public class PlanVersions {

	// the scopes the transaction bumped so far, with the version each went to (null for every project, or a project gone)
	private final TransactionScoped<Map<String, Bumped>> bumped = new TransactionScoped<>(HashMap::new,
			new TransactionScoped.Completion<>() {
			});

	/** What stands for "every project" among a transaction's bumped scopes. */
	private static final String EVERY_PROJECT = "*";

	private final JdbcClient jdbc;

	PlanVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The project's plan version as stored now; 0 for a project that no longer exists. */
	public long version(UUID projectId) {
		return jdbc.sql("select version from plan_version where project_id = :p")
			.param("p", projectId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Whether the caller's transaction has changed a plan: what it reads now is nobody's committed
	 * version yet (and may roll back), so it is not to be kept for others.
	 */
	public boolean changedInThisTransaction() {
		return bumped.startedInThisTransaction();
	}

	@EventListener
	void on(EntityChanged change) {
		String scope;
		if (!EntityChanged.WORKSPACE.equals(change.scope())) {
			scope = change.scope();
		}
		else if (changesEveryPlan(change)) {
			scope = EVERY_PROJECT;
		}
		else {
			return;
		}
		Map<String, Bumped> scopes = bumped.current();
		if (scopes == null) {
			bump(scope);
		}
		else if (!scopes.containsKey(scope)) {
			scopes.put(scope, bump(scope));
		}
	}

	/** A project's plan version as a transaction bumped it: from {@code version - 1}. */
	public record Bumped(UUID projectId, long version) {
	}

	/**
	 * The project and version the caller's transaction bumped it to, from the one before (it holds
	 * the version's row until it ends); empty when it did not bump it, or bumped every project too.
	 */
	public Optional<Bumped> bumpedTo(String projectKey) {
		Map<String, Bumped> scopes = bumped.current();
		if (scopes == null || scopes.containsKey(EVERY_PROJECT)) {
			return Optional.empty();
		}
		return Optional.ofNullable(scopes.get(projectKey));
	}

	/** The workspace's changes that plans read: its calendar, and people's names and whether they are active. */
	private static boolean changesEveryPlan(EntityChanged change) {
		return change.entityType().equals("calendar") || change.entityType().equals("user")
				&& (change.action().equals("updated") || change.action().equals("deactivated"));
	}

	/** Adds one to the scope's version; returns the project's new version (null for every project, or one gone). */
	private Bumped bump(String scope) {
		if (EVERY_PROJECT.equals(scope)) {
			jdbc.sql("update plan_version set version = version + 1").update();
			return null;
		}
		int updated = jdbc.sql("""
				update plan_version set version = version + 1
				where project_id = (select id from project where project_key = :key)""")
			.param("key", scope)
			.update();
		if (updated == 0) {
			// a project's first change (its creation), or one stored before versions were kept; none
			// when the project is gone
			jdbc.sql("insert into plan_version (project_id, version) select id, 1 from project where project_key = :key")
				.param("key", scope)
				.update();
		}
		return jdbc.sql("""
				select v.project_id, v.version from plan_version v join project p on p.id = v.project_id
				where p.project_key = :key""")
			.param("key", scope)
			.query(Rows.of(Bumped.class))
			.optional()
			.orElse(null);
	}

}
