package dev.milepost.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.EntityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link EntityChanged} to its scope's chain, synchronously and inside the
 * transaction that made the change: the change and its record commit or roll back together, and a
 * change whose record cannot be written fails. That is why this is a plain event listener and not
 * an after-commit or asynchronous one.
 */
@Component
class AuditRecorder {

	// an entry can never be erased without breaking its chain, so secrets must not get in at all
	private static final Set<String> SECRET_FIELDS = Set.of("passwordhash", "tokenhash", "secret");

	private static final String REDACTED = "[redacted]";

	private final AuditStore store;

	private final Clock clock;

	AuditRecorder(AuditStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void record(EntityChanged change) {
		Map<String, Object> before = withoutSecrets(change.before());
		Map<String, Object> after = withoutSecrets(change.after());
		// microseconds are what PostgreSQL keeps, so the hashed time and the stored time agree
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ChainHead head = store.lockHead(change.scope());
		store.append(AuditEntry.next(head, UUID.randomUUID(), now, change.actor(), change.entityType(),
				change.entityId(), change.action(), CanonicalJson.write(FieldChanges.between(before, after)),
				CanonicalJson.write(before), CanonicalJson.write(after)));
	}

	static Map<String, Object> withoutSecrets(Map<String, Object> fields) {
		Map<String, Object> safe = new LinkedHashMap<>();
		fields.forEach((field, value) -> safe.put(field, isSecret(field) ? REDACTED : value));
		return safe;
	}

	private static boolean isSecret(String field) {
		return field != null && SECRET_FIELDS.contains(field.toLowerCase(Locale.ROOT).replace("_", ""));
	}

}
