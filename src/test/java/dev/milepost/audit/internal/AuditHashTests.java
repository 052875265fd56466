package dev.milepost.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class AuditHashTests {

	private static final ChainHead HEAD = new ChainHead("ACME", 6, "ab".repeat(32));

	private static final Instant AT = Instant.parse("2030-05-04T10:15:30.123456Z");

	private static AuditEntry entry() {
		return AuditEntry.next(HEAD, UUID.fromString("00000000-0000-0000-0000-000000000001"), AT, "alice", "task",
				"T-1", "updated", "{\"title\":{\"after\":\"B\",\"before\":\"A\"}}", "{\"title\":\"A\"}",
				"{\"title\":\"B\"}");
	}

	@Test
	void theSameContentsAlwaysGiveTheSameHash() {
		assertThat(entry().hash()).isEqualTo(entry().hash()).isEqualTo(entry().recomputeHash()).matches("[0-9a-f]{64}");
	}

	@Test
	void theNextEntryIsNumberedAfterTheHeadAndLinkedToIt() {
		AuditEntry entry = entry();
		assertThat(entry.seq()).isEqualTo(7);
		assertThat(entry.prevHash()).isEqualTo(HEAD.lastHash());
		assertThat(ChainHead.empty("ACME").lastHash()).isEqualTo("0".repeat(64));
	}

	@Test
	void changingAnyHashedFieldChangesTheHash() {
		AuditEntry original = entry();
		List<UnaryOperator<AuditEntry>> tamperings = List.of(
				e -> copy(e, "scope", "ACMF"),
				e -> copy(e, "seq", 8L),
				e -> copy(e, "recordedAt", AT.plusNanos(1000)),
				e -> copy(e, "actor", "mallory"),
				e -> copy(e, "entityType", "milestone"),
				e -> copy(e, "entityId", "T-2"),
				e -> copy(e, "action", "deleted"),
				e -> copy(e, "changes", "{}"),
				e -> copy(e, "before", "{\"title\":\"C\"}"),
				e -> copy(e, "after", "{\"title\":\"C\"}"),
				e -> copy(e, "prevHash", "cd".repeat(32)));
		for (UnaryOperator<AuditEntry> tamper : tamperings) {
			AuditEntry altered = tamper.apply(original);
			assertThat(altered.recomputeHash()).as(altered.toString()).isNotEqualTo(original.hash());
		}
	}

	@Test
	void fieldBoundariesCannotBeShiftedWithoutChangingTheHash() {
		String one = AuditHash.of("ab", 1, AT, "c", "task", "1", "created", "{}", "{}", "{}", AuditHash.GENESIS);
		String other = AuditHash.of("a", 1, AT, "bc", "task", "1", "created", "{}", "{}", "{}", AuditHash.GENESIS);
		String quoted = AuditHash.of("a\",\"b", 1, AT, "c", "task", "1", "created", "{}", "{}", "{}",
				AuditHash.GENESIS);
		assertThat(one).isNotEqualTo(other).isNotEqualTo(quoted);
	}

	@Test
	void theHashedTextNamesItsLayoutAndKeepsEachFieldApart() {
		assertThat(AuditHash.canonical("ACME", 3, AT, "al\"ice", "task", "T-1", "created", "{}", "{}", "{\"a\":1}",
				AuditHash.GENESIS))
			.isEqualTo("[\"milepost-audit-1\",\"ACME\",3,\"2030-05-04T10:15:30.123456Z\",\"al\\\"ice\",\"task\","
					+ "\"T-1\",\"created\",\"{}\",\"{}\",\"{\\\"a\\\":1}\",\"" + "0".repeat(64) + "\"]");
	}

	private static AuditEntry copy(AuditEntry e, String field, Object value) {
		return new AuditEntry(e.id(), field.equals("scope") ? (String) value : e.scope(),
				field.equals("seq") ? (Long) value : e.seq(),
				field.equals("recordedAt") ? (Instant) value : e.recordedAt(),
				field.equals("actor") ? (String) value : e.actor(),
				field.equals("entityType") ? (String) value : e.entityType(),
				field.equals("entityId") ? (String) value : e.entityId(),
				field.equals("action") ? (String) value : e.action(),
				field.equals("changes") ? (String) value : e.changes(),
				field.equals("before") ? (String) value : e.before(),
				field.equals("after") ? (String) value : e.after(),
				field.equals("prevHash") ? (String) value : e.prevHash(), e.hash());
	}

}
