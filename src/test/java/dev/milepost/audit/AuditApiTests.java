package dev.milepost.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.common.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Reading the record over HTTP. Stands in for the plan module's project access with a rule of
 * its own (projects whose key starts with {@code HIDDEN} are hidden from everyone), and moves time
 * by hand so the time filters can be checked exactly. With its clock years ahead it must not do
 * background work: it would deliver and remind on the other tests' data, which shares the database.
 */
@MilepostTest
@TestPropertySource(properties = "milepost.background.enabled=false")
class AuditApiTests {

	private static final MovableClock CLOCK = new MovableClock(Instant.parse("2031-03-01T09:00:00.123456789Z"));

	@TestBean
	AuditScopeAccess access;

	@TestBean
	Clock clock;

	static AuditScopeAccess access() {
		return key -> {
			if (key.startsWith("HIDDEN")) {
				throw NotFoundException.of("project", key);
			}
		};
	}

	static Clock clock() {
		return CLOCK;
	}

	@LocalServerPort
	int port;

	@Autowired
	People people;

	AuditTrail trail;

	Api api;

	Api ana;

	String project;

	Instant start;

	@BeforeEach
	void setUp(@Autowired ApplicationEventPublisher events, @Autowired PlatformTransactionManager transactions,
			@Autowired JdbcClient jdbc) {
		trail = new AuditTrail(events, transactions, jdbc);
		api = Api.at(port);
		ana = api.withToken(people.person("Ana").token());
		project = AuditTrail.newScope("OPEN");
		start = CLOCK.instant();
		for (int i = 1; i <= 3; i++) {
			trail.record(project, "T-" + i, "created", Map.of(), Map.of("title", "Task " + i), "ana");
			CLOCK.advance(Duration.ofMinutes(1));
		}
		trail.record(project, "T-2", "updated", Map.of("title", "Task 2"), Map.of("title", "Renamed"), "bob");
		CLOCK.advance(Duration.ofMinutes(1));
	}

	@Test
	void aProjectsRecordIsListedNewestFirstWithItsChangesAsObjects() {
		Api.Response listed = ana.get("/api/v1/projects/" + project + "/audit");
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode items = listed.json().get("items");
		assertThat(seqs(listed)).containsExactly(4L, 3L, 2L, 1L);

		JsonNode latest = items.get(0);
		assertThat(latest.get("actor").asString()).isEqualTo("bob");
		assertThat(latest.get("entityType").asString()).isEqualTo("task");
		assertThat(latest.get("entityId").asString()).isEqualTo("T-2");
		assertThat(latest.get("action").asString()).isEqualTo("updated");
		assertThat(latest.get("changes").get("title").get("before").asString()).isEqualTo("Task 2");
		assertThat(latest.get("changes").get("title").get("after").asString()).isEqualTo("Renamed");
		assertThat(latest.get("before").get("title").asString()).isEqualTo("Task 2");
		assertThat(latest.get("after").get("title").asString()).isEqualTo("Renamed");
		// the clock's nanoseconds are cut to the microseconds both databases keep
		assertThat(latest.get("recordedAt").asString())
			.isEqualTo(start.plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MICROS).toString())
			.endsWith(".123456Z");
		assertThat(latest.get("hash").asString()).matches("[0-9a-f]{64}");
		assertThat(latest.get("prevHash").asString()).isEqualTo(items.get(1).get("hash").asString());
		assertThat(items.get(3).get("prevHash").asString()).isEqualTo("0".repeat(64));
		assertThat(latest.get("id").asString()).isNotBlank();
	}

	@Test
	void entriesAreFilteredByEntityActorActionAndTime() {
		String base = "/api/v1/projects/" + project + "/audit";
		assertThat(seqs(ana.get(base + "?entityType=task&entityId=T-2"))).containsExactly(4L, 2L);
		assertThat(seqs(ana.get(base + "?actor=bob"))).containsExactly(4L);
		assertThat(seqs(ana.get(base + "?action=created"))).containsExactly(3L, 2L, 1L);
		assertThat(seqs(ana.get(base + "?entityType=milestone"))).isEmpty();
		// from is inclusive, to exclusive
		String from = start.plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MICROS).toString();
		String to = start.plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MICROS).toString();
		assertThat(seqs(ana.get(base + "?from=" + from + "&to=" + to))).containsExactly(3L, 2L);
	}

	@Test
	void entriesArePaged() {
		Api.Response first = ana.get("/api/v1/projects/" + project + "/audit?size=3");
		assertThat(seqs(first)).containsExactly(4L, 3L, 2L);
		assertThat(first.json().get("totalItems").asLong()).isEqualTo(4);
		assertThat(first.json().get("totalPages").asInt()).isEqualTo(2);
		assertThat(seqs(ana.get("/api/v1/projects/" + project + "/audit?size=3&page=1"))).containsExactly(1L);
		assertThat(ana.get("/api/v1/projects/" + project + "/audit?size=0").status()).isEqualTo(400);
	}

	@Test
	void outsidersAreToldTheProjectDoesNotExist() {
		Api.Response hidden = ana.get("/api/v1/projects/HIDDEN-1/audit");
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.contentType()).startsWith("application/problem+json");
		Api admin = api.withToken(people.admin("Root").token());
		assertThat(admin.get("/api/v1/projects/workspace/audit").status()).isEqualTo(404);
		assertThat(api.anonymous().get("/api/v1/projects/" + project + "/audit").status()).isEqualTo(401);
	}

	@Test
	void onlyAdministratorsReadTheWorkspaceRecord() {
		People.Person carla = people.person("Carla");
		Api admin = api.withToken(people.admin("Root").token());
		assertThat(ana.get("/api/v1/audit?scope=workspace").status()).isEqualTo(403);

		Api.Response listed = admin.get("/api/v1/audit?scope=workspace&entityType=user&entityId=" + carla.username());
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.json().get("items").get(0).get("actor").asString()).isEqualTo("system");
		assertThat(admin.get("/api/v1/audit?scope=" + project).status()).isEqualTo(400);
	}

	@Test
	void aMalformedTimeIsABadRequest() {
		Api.Response refused = ana.get("/api/v1/projects/" + project + "/audit?from=yesterday");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("from");
		assertThat(ana.get("/api/v1/projects/" + project + "/audit?from=" + start + "&to=" + start).status())
			.isEqualTo(400);
	}

	private static List<Long> seqs(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("items").spliterator(), false)
			.map(item -> item.get("seq").asLong())
			.toList();
	}

	/** A clock the test moves by hand; read from request threads, hence volatile. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
