package dev.milepost.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Verification finds an altered or removed entry. The suite shares one database, so each test
 * tampers only with a scope of its own and puts the entry back before it ends, leaving the whole
 * record intact for everyone else.
 */
@MilepostTest
class AuditVerificationTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	AuditTrail trail;

	Api api;

	Api admin;

	@BeforeEach
	void setUp(@Autowired ApplicationEventPublisher events, @Autowired PlatformTransactionManager transactions) {
		trail = new AuditTrail(events, transactions, jdbc);
		api = Api.at(port);
		admin = api.withToken(people.admin("Auditor").token());
	}

	@Test
	void theWholeRecordVerifiesIntact() {
		trail.createTasks(AuditTrail.newScope("whole"), 2, "ana");
		JsonNode verification = AuditTrail.verify(admin, null);
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("chainsChecked").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(verification.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(verification.get("firstBroken").isNull()).isTrue();
	}

	@Test
	void anAlteredEntryIsFoundByItsScopeAndSeq() {
		String scope = AuditTrail.newScope("altered");
		trail.createTasks(scope, 3, "ana");
		UUID second = trail.chain(scope).get(1).id();
		assertThat(AuditTrail.verify(admin, scope).get("intact").asBoolean()).isTrue();

		setActor(second, "mallory");
		try {
			JsonNode verification = AuditTrail.verify(admin, scope);
			assertThat(verification.get("intact").asBoolean()).isFalse();
			assertBroken(verification, scope, 2, second, "hash does not match the entry's contents");
		}
		finally {
			setActor(second, "ana");
		}
		assertThat(AuditTrail.verify(admin, scope).get("intact").asBoolean()).isTrue();
	}

	@Test
	void anAlteredHashOrLinkIsFoundToo() {
		String scope = AuditTrail.newScope("relinked");
		trail.createTasks(scope, 3, "ana");
		AuditTrail.Link second = trail.chain(scope).get(1);
		AuditTrail.Link third = trail.chain(scope).get(2);

		setColumn(second.id(), "hash", "f".repeat(64));
		try {
			assertBroken(AuditTrail.verify(admin, scope), scope, 2, second.id(),
					"hash does not match the entry's contents");
		}
		finally {
			setColumn(second.id(), "hash", second.hash());
		}
		setColumn(third.id(), "prev_hash", "e".repeat(64));
		try {
			// the link is part of what is hashed, so the entry's own hash fails first
			assertBroken(AuditTrail.verify(admin, scope), scope, 3, third.id(),
					"hash does not match the entry's contents");
		}
		finally {
			setColumn(third.id(), "prev_hash", third.prevHash());
		}
		assertThat(AuditTrail.verify(admin, scope).get("intact").asBoolean()).isTrue();
	}

	@Test
	void aRemovedEntryIsFoundAsAGap() {
		String scope = AuditTrail.newScope("gap");
		trail.createTasks(scope, 3, "ana");
		UUID second = trail.chain(scope).get(1).id();
		UUID third = trail.chain(scope).get(2).id();

		Map<String, Object> removed = remove(second);
		try {
			JsonNode verification = AuditTrail.verify(admin, scope);
			assertThat(verification.get("intact").asBoolean()).isFalse();
			assertBroken(verification, scope, 3, third, "entry missing (gap before seq 3)");
		}
		finally {
			restore(removed);
		}
		assertThat(AuditTrail.verify(admin, scope).get("intact").asBoolean()).isTrue();
	}

	@Test
	void aRemovedLastEntryIsFoundByTheChainHead() {
		String scope = AuditTrail.newScope("head");
		trail.createTasks(scope, 3, "ana");
		UUID second = trail.chain(scope).get(1).id();
		UUID third = trail.chain(scope).get(2).id();

		Map<String, Object> removed = remove(third);
		try {
			assertBroken(AuditTrail.verify(admin, scope), scope, 2, second,
					"chain head does not match the last entry");
		}
		finally {
			restore(removed);
		}
		assertThat(AuditTrail.verify(admin, scope).get("intact").asBoolean()).isTrue();
	}

	@Test
	void onlyAdministratorsVerifyAndOnlySignedInPeopleAsk() {
		People.Person ana = people.person("Ana");
		Api.Response refused = api.withToken(ana.token()).post("/api/v1/audit/verification", null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(api.anonymous().post("/api/v1/audit/verification", null).status()).isEqualTo(401);
	}

	private void assertBroken(JsonNode verification, String scope, long seq, UUID entryId, String reason) {
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
		JsonNode broken = verification.get("firstBroken");
		assertThat(broken.get("scope").asString()).isEqualTo(scope);
		assertThat(broken.get("seq").asLong()).isEqualTo(seq);
		assertThat(broken.get("entryId").asString()).isEqualTo(entryId.toString());
		assertThat(broken.get("reason").asString()).isEqualTo(reason);
	}

	private void setActor(UUID id, String actor) {
		jdbc.sql("update audit_entry set actor = :actor where id = :id").param("actor", actor).param("id", id).update();
	}

	private void setColumn(UUID id, String column, String value) {
		jdbc.sql("update audit_entry set " + column + " = :value where id = :id")
			.param("value", value)
			.param("id", id)
			.update();
	}

	/** Deletes an entry and returns its columns, so it can be put back. */
	private Map<String, Object> remove(UUID id) {
		Map<String, Object> row = jdbc.sql("select * from audit_entry where id = :id")
			.param("id", id)
			.query(AuditVerificationTests::columns)
			.single();
		jdbc.sql("delete from audit_entry where id = :id").param("id", id).update();
		return row;
	}

	private void restore(Map<String, Object> row) {
		jdbc.sql("insert into audit_entry (" + String.join(", ", row.keySet()) + ") values (:"
				+ String.join(", :", row.keySet()) + ")").params(row).update();
	}

	private static Map<String, Object> columns(ResultSet rs, int row) throws SQLException {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
			String name = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
			columns.put(name, switch (name) {
				case "id" -> rs.getObject(i, UUID.class);
				case "seq" -> rs.getLong(i);
				case "recorded_at" -> rs.getObject(i, OffsetDateTime.class);
				default -> rs.getString(i);
			});
		}
		return columns;
	}

}
