package dev.milepost.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad webhook registrations and notification preferences (PRODUCT.md §4): URLs that are not
 * http(s), unknown kinds of event, channels a person cannot have. Each is a 4xx problem naming
 * the field, and nothing is stored.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputNotificationApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	Teams.Team team;

	@BeforeAll
	void makeATeam() {
		team = teams.team(Api.at(port));
	}

	@TestFactory
	Stream<DynamicTest> badWebhooksAreRefusedAndNothingIsRegistered() {
		Api manager = team.as(team.manager());
		Api admin = team.as(team.admin());
		String project = team.path("/webhooks");
		String workspace = "/api/v1/webhooks";
		return Stream.of(
				webhook(manager, project, "url", "ftp://hooks.example.com/milepost", 422, "url"),
				webhook(manager, project, "url", "file:///etc/passwd", 422, "url"),
				webhook(manager, project, "url", "javascript:alert(1)", 422, "url"),
				webhook(manager, project, "url", "not a url at all", 422, "url"),
				webhook(manager, project, "url", "/relative/path", 422, "url"),
				webhook(manager, project, "url", "http://user:secret@127.0.0.1/hook", 422, "url"),
				webhook(manager, project, "url", "", 422, "url"),
				webhook(manager, project, "url", null, 422, "url"),
				webhook(manager, project, "events", List.of("MILESTONE_ACHIEVED", "MILESTONE_EXPLODED"), 400,
						"events[1]"),
				webhook(manager, project, "events", List.of(), 422, "events"),
				webhook(manager, project, "events", List.of("DIGEST"), 422, "events"),
				webhook(manager, project, "events", "MILESTONE_ACHIEVED", 400, "events"),
				webhook(manager, project, "format", "XML", 400, "format"),
				webhook(manager, project, "secret", "whsec_chosen", 400, "secret"),
				webhook(admin, workspace, "url", "gopher://hooks.example.com/", 422, "url"),
				webhook(admin, workspace, "events", List.of("EVERYTHING"), 400, "events[0]"))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> badPreferencesAreRefusedAndNothingIsSaved() {
		return Stream.of(
				preferences("an unknown kind", Map.of("channels", Map.of("MILESTONE_EXPLODED", List.of("IN_APP"))), 400,
						"channels"),
				preferences("the digest as a kind", Map.of("channels", Map.of("DIGEST", List.of("EMAIL"))), 422,
						"channels.DIGEST"),
				preferences("webhooks as a personal channel",
						Map.of("channels", Map.of("MILESTONE_ACHIEVED", List.of("IN_APP", "WEBHOOK"))), 422,
						"channels.MILESTONE_ACHIEVED"),
				preferences("an unknown channel", Map.of("channels", Map.of("MILESTONE_ACHIEVED", List.of("SMS"))), 400,
						"channels.MILESTONE_ACHIEVED[0]"),
				preferences("an unknown digest", Map.of("emailDigest", "HOURLY"), 400, "emailDigest"),
				preferences("an unknown field", Map.of("sound", "loud"), 400, "sound"),
				preferences("a list for channels", Map.of("channels", List.of("IN_APP")), 400, "channels"))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> unknownNotificationsWebhooksAndIncidentsAreNotFound() {
		Api manager = team.as(team.manager());
		String unknown = java.util.UUID.randomUUID().toString();
		return Stream.of(
				new Refusal("mark an unknown notification read",
						() -> manager.post("/api/v1/me/notifications/" + unknown + "/read", null), 404, null),
				new Refusal("mark a malformed notification id read",
						() -> manager.post("/api/v1/me/notifications/not-an-id/read", null), 404, null),
				new Refusal("delete an unknown webhook", () -> manager.delete(team.path("/webhooks/" + unknown)), 404,
						null),
				new Refusal("retry an unknown incident",
						() -> manager.post(team.path("/incidents/" + unknown + "/retry"), null), 404, null),
				new Refusal("page the inbox from -1",
						() -> manager.get("/api/v1/me/notifications?page=-1"), 400, "page"))
			.map(refusal -> refusal.test(jdbc));
	}

	private static Refusal webhook(Api api, String path, String field, Object value, int status, String named) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("url", "http://127.0.0.1:9/milepost");
		body.put("events", List.of("MILESTONE_ACHIEVED"));
		body.put(field, value);
		return new Refusal("POST " + path.replaceAll("/projects/[^/]+/", "/projects/{key}/") + " "
				+ Endpoint.describe(field, value, null), () -> api.post(path, body), status, named);
	}

	private Refusal preferences(String what, Object body, int status, String field) {
		return new Refusal("PUT /me/notification-preferences with " + what,
				() -> team.as(team.member()).send("PUT", "/api/v1/me/notification-preferences", body, Map.of()), status,
				field);
	}

}
