package dev.milepost.common;

import java.util.Map;
import java.util.Objects;

/**
 * Something in Milepost was created, changed or deleted. Published inside the transaction that
 * made the change; the audit module records it in that same transaction.
 *
 * @param scope the project key the entity belongs to, or {@link #WORKSPACE}
 * @param entityType e.g. {@code task}, {@code milestone}, {@code user}
 * @param entityId the entity's id as text
 * @param action e.g. {@code created}, {@code updated}, {@code deleted}, {@code achieved}
 * @param before the entity's fields before the change (empty when created)
 * @param after the entity's fields after the change (empty when deleted)
 * @param actor the username that caused it, or {@code system}
 */
public record EntityChanged(String scope, String entityType, String entityId, String action,
		Map<String, Object> before, Map<String, Object> after, String actor) {

	public static final String WORKSPACE = "workspace";

	public EntityChanged {
		Objects.requireNonNull(scope, "scope");
		Objects.requireNonNull(entityType, "entityType");
		Objects.requireNonNull(entityId, "entityId");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(actor, "actor");
		before = before == null ? Map.of() : before;
		after = after == null ? Map.of() : after;
	}

}
