package dev.milepost.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

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

/** The record is written in the changing transaction, chained, and survives concurrent writers. */
@MilepostTest
class AuditRecordTests {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	AuditTrail trail;

	Api api;

	@BeforeEach
	void setUp(@Autowired ApplicationEventPublisher events, @Autowired PlatformTransactionManager transactions) {
		trail = new AuditTrail(events, transactions, jdbc);
		api = Api.at(port);
	}

	@Test
	void creatingAPersonRecordsWhoDidItAndWhatChangedButNoPasswordHash() {
		People.Person admin = people.admin("Root");
		String username = "dora-" + System.nanoTime();
		Api.Response created = api.withToken(admin.token()).post("/api/v1/users",
				Map.of("username", username, "displayName", "Dora", "password", "a-long-password"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Api.Response listed = api.withToken(admin.token())
			.get("/api/v1/audit?scope=workspace&entityType=user&entityId=" + username);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode entry = listed.json().get("items").get(0);
		assertThat(listed.json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(entry.get("actor").asString()).isEqualTo(admin.username());
		assertThat(entry.get("action").asString()).isEqualTo("created");
		assertThat(entry.get("changes").get("username").get("after").asString()).isEqualTo(username);
		assertThat(entry.get("changes").get("displayName").get("before").isNull()).isTrue();
		assertThat(entry.get("after").get("admin").asBoolean()).isFalse();
		assertThat(entry.get("before").isEmpty()).isTrue();
		assertThat(listed.body()).doesNotContain("bcrypt", "$2a$", "passwordHash", "a-long-password");
	}

	@Test
	void noPasswordOrItsHashIsStoredAnywhereInTheRecord() {
		People.Person admin = people.admin("Root");
		People.Person fay = people.person("Fay");
		Api asAdmin = api.withToken(admin.token());
		String etag = asAdmin.get("/api/v1/users/" + fay.username()).etag();
		Api.Response changed = asAdmin.patch("/api/v1/users/" + fay.username(),
				Map.of("password", "another-long-password"), etag);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		JsonNode entry = asAdmin.get("/api/v1/audit?entityId=" + fay.username() + "&action=updated")
			.json()
			.get("items")
			.get(0);
		assertThat(entry.get("changes").get("password").get("after").asString()).isEqualTo("changed");
		long leaks = jdbc.sql("select count(*) from audit_entry where changes like :hash or before_state like :hash "
				+ "or after_state like :hash or changes like :secret or after_state like :secret")
			.param("hash", "%$2a$%")
			.param("secret", "%long-password%")
			.query(Long.class)
			.single();
		assertThat(leaks).isZero();
	}

	@Test
	void entriesOfAScopeAreNumberedFromOneAndEachLinksToTheOneBefore() {
		String scope = AuditTrail.newScope("chain");
		trail.createTasks(scope, 4, "ana");

		List<AuditTrail.Link> chain = trail.chain(scope);
		assertThat(chain).extracting(AuditTrail.Link::seq).containsExactly(1L, 2L, 3L, 4L);
		assertThat(chain.get(0).prevHash()).isEqualTo("0".repeat(64));
		for (int i = 1; i < chain.size(); i++) {
			assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
		}
		assertThat(trail.head(scope)).containsEntry("last_seq", 4L).containsEntry("last_hash", chain.get(3).hash());
	}

	@Test
	void aChangeThatRollsBackLeavesNoEntry() {
		String fresh = AuditTrail.newScope("rollback");
		trail.transaction().executeWithoutResult(status -> {
			trail.publish(fresh, "T-1", "created", Map.of(), Map.of("title", "Never happened"), "ana");
			status.setRollbackOnly();
		});
		assertThat(trail.countIn(fresh)).isZero();
		assertThat(jdbc.sql("select count(*) from audit_chain where scope = :s").param("s", fresh).query(Long.class)
			.single()).isZero();

		String used = AuditTrail.newScope("rollback");
		trail.createTasks(used, 2, "ana");
		Map<String, Object> head = trail.head(used);
		trail.transaction().executeWithoutResult(status -> {
			trail.publish(used, "T-1", "deleted", Map.of("title", "Task 1"), Map.of(), "ana");
			status.setRollbackOnly();
		});
		assertThat(trail.countIn(used)).isEqualTo(2);
		assertThat(trail.head(used)).isEqualTo(head);
		trail.createTasks(used, 1, "ana");
		assertThat(trail.chain(used)).extracting(AuditTrail.Link::seq).containsExactly(1L, 2L, 3L);
	}

	@Test
	void twoWritersRacingToStartAChainBothGetIn() throws Exception {
		String scope = AuditTrail.newScope("race");
		CountDownLatch firstHasWritten = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = pool.submit(() -> trail.transaction().executeWithoutResult(status -> {
				trail.publish(scope, "T-1", "created", Map.of(), Map.of("title", "First"), "ana");
				firstHasWritten.countDown();
				// holds the uncommitted chain head while the second writer tries to create it too
				sleep(300);
			}));
			firstHasWritten.await(10, TimeUnit.SECONDS);
			Future<?> second = pool.submit(() -> trail.record(scope, "T-2", "created", Map.of(),
					Map.of("title", "Second"), "ben"));
			first.get(30, TimeUnit.SECONDS);
			second.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(trail.chain(scope)).extracting(AuditTrail.Link::seq).containsExactly(1L, 2L);
		JsonNode verification = AuditTrail.verify(api.withToken(people.admin("Root").token()), scope);
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
	}

	@Test
	void concurrentWritersToOneScopeProduceOneGapFreeVerifiableChain() throws Exception {
		String scope = AuditTrail.newScope("busy");
		int threads = 8;
		int perThread = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> writers = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int writer = t;
				writers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						trail.record(scope, "T-" + writer + "-" + i, "created", Map.of(), Map.of("n", i),
								"writer-" + writer);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> each : writers) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(trail.chain(scope)).extracting(AuditTrail.Link::seq)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
		JsonNode verification = AuditTrail.verify(api.withToken(people.admin("Root").token()), scope);
		assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.get("chainsChecked").asLong()).isEqualTo(1);
		assertThat(verification.get("entriesChecked").asLong()).isEqualTo(threads * perThread);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
