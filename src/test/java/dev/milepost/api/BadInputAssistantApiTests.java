package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The blueprint assistant changes nothing: a good request only drafts, and bad requests are each a
 * 4xx problem naming the field.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputAssistantApiTests {

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

	@Test
	void aDraftIsNeverSavedOrActivated() {
		DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
		Api.Response draft = team.as(team.manager()).post(team.path("/blueprints/assistant"),
				Map.of("text", "when a task is overdue notify the manager. escalate missed milestones to the sponsor"));
		assertThat(draft.status()).as(draft.body()).isEqualTo(200);
		assertThat(draft.json().get("yaml").asString()).contains("task.overdue", "milestone.missed");
		assertThat(DatabaseSnapshot.take(jdbc).differencesFrom(before)).isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> badRequestsAreRefused() {
		return Stream.of(
				ask("no text", null, 422, "text"),
				ask("empty text", "", 422, "text"),
				ask("blank text", "   \n\t ", 422, "text"),
				ask("2,001 characters", "when a task is overdue notify the manager ".repeat(60).substring(0, 2001), 422,
						"text"),
				ask("a list for text", java.util.List.of("when"), 400, "text"),
				withField("an unknown source", "source", "oracle", 422, "source"),
				withField("an unknown field", "tone", "friendly", 400, "tone"),
				new Refusal("POST with no body",
						() -> team.as(team.manager()).send("POST", team.path("/blueprints/assistant"), null, Map.of()), 400,
						null))
			.map(refusal -> refusal.test(jdbc));
	}

	private Refusal ask(String what, Object text, int status, String field) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		return new Refusal("POST /projects/{key}/blueprints/assistant with " + what,
				() -> team.as(team.manager()).post(team.path("/blueprints/assistant"), body), status, field);
	}

	private Refusal withField(String what, String name, Object value, int status, String field) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", "when a task is overdue notify the manager");
		body.put(name, value);
		return new Refusal("POST /projects/{key}/blueprints/assistant with " + what,
				() -> team.as(team.manager()).post(team.path("/blueprints/assistant"), body), status, field);
	}

}
