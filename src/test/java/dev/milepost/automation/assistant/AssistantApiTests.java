package dev.milepost.automation.assistant;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The assistant over HTTP: a manager describes rules and gets a checked, explained draft back. */
@MilepostTest
class AssistantApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
	}

	private Api.Response ask(String text) {
		return team.as(team.manager()).post(team.path("/blueprints/assistant"), Map.of("text", text));
	}

	@Test
	void aManagerGetsAValidExplainedDraft() {
		String text = "When a task is 3 days from its due date and not done, notify its owner and the project manager. "
				+ "If a milestone turns at risk, tell the owner and the sponsor by email.";
		JsonNode draft = check(ask(text), 200).json();
		assertThat(draft.get("source").asString()).isEqualTo("grammar");
		assertThat(draft.get("problems").size()).as(draft.toString()).isZero();
		assertThat(draft.get("notUnderstood").size()).isZero();
		assertThat(draft.get("understood").size()).isEqualTo(2);
		assertThat(draft.get("understood").get(1).get("position").asInt()).isEqualTo(text.indexOf("If a milestone"));
		assertThat(draft.get("yaml").asString()).contains("trigger: task.due", "trigger: milestone.at-risk");
		assertThat(String.join(" ", draft.get("explanation").valueStream().map(JsonNode::asString).toList()))
			.containsIgnoringCase("manager")
			.containsIgnoringCase("sponsor");
	}

	@Test
	void whatIsNotUnderstoodComesBackWithItsPositionAndNoYamlWhenNothingWas() {
		JsonNode draft = check(ask("Please make coffee for the team"), 200).json();
		assertThat(draft.get("yaml").isNull()).isTrue();
		assertThat(draft.get("explanation").size()).isZero();
		JsonNode why = draft.get("notUnderstood").get(0);
		assertThat(why.get("text").asString()).isEqualTo("Please make coffee for the team");
		assertThat(why.get("position").asInt()).isZero();
		assertThat(why.get("reason").asString()).contains("No trigger understood");

		JsonNode partly = check(ask("When a task is overdue, notify the manager with fireworks"), 200).json();
		assertThat(partly.get("yaml").asString()).contains("trigger: task.overdue");
		assertThat(partly.get("notUnderstood").get(0).get("text").asString()).isEqualTo("fireworks");
	}

	@Test
	void theGrammarCanBeAskedForExplicitly() {
		JsonNode draft = check(team.as(team.manager()).post(team.path("/blueprints/assistant"),
				Map.of("text", "escalate missed milestones to the sponsor", "source", "grammar")), 200).json();
		assertThat(draft.get("source").asString()).isEqualTo("grammar");
		assertThat(draft.get("yaml").asString()).contains("action: escalate");
	}

	@Test
	void peopleNamedInADraftMustBeMembersOfTheProject() {
		String member = team.member().username();
		JsonNode fine = check(ask("When a task is overdue, notify @" + member + " and the manager"), 200).json();
		assertThat(fine.get("problems").size()).as(fine.toString()).isZero();
		assertThat(fine.get("yaml").asString()).contains("'@" + member + "'");

		String outsider = team.outsider().username();
		JsonNode stranger = check(ask("When a task is overdue, notify @" + outsider), 200).json();
		assertThat(stranger.get("yaml").asString()).contains("'@" + outsider + "'");
		assertThat(stranger.get("problems").toString()).contains(outsider);
		assertThat(stranger.get("explanation").size()).isZero();
	}

}
