package dev.milepost.automation;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The editor warns of a rule that repeats or overlaps one in force, naming it, and saving still works. */
@MilepostTest
class DuplicateRuleWarningsTests {

	/** The default blueprint's missed-milestone rule, word for word, and a rule nothing else has. */
	static final String COPY = """
			blueprint: Copy
			rules:
			  - name: Tell the sponsor
			    when:
			      trigger: milestone.missed
			    then:
			      - action: escalate
			        message: "{{milestone.name}} in {{project.name}} missed its target of {{milestone.target}}."
			  - name: Tell stakeholders of finished work
			    when:
			      trigger: task.completed
			    then:
			      - action: notify
			        to: [stakeholders]
			        message: "{{task.name}} is done"
			""";

	static final String WARNERS = """
			blueprint: Warners
			rules:
			  - name: Warn at risk
			    when:
			      trigger: milestone.at-risk
			    then:
			      - action: notify
			        to: [owner, manager]
			        message: "{{milestone.name}} is at risk"
			""";

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	@Test
	void aRuleEqualToAnActiveOneIsWarnedOfByNameAndStillSaved() {
		JsonNode check = check(manager().post(team.path("/blueprints/validate"), Map.of("yaml", COPY)), 200).json();
		assertThat(check.get("valid").asBoolean()).isTrue();
		assertThat(check.get("warnings")).hasSize(1);
		JsonNode warning = check.get("warnings").get(0);
		assertThat(warning.get("rule").asInt()).isZero();
		assertThat(warning.get("kind").asString()).isEqualTo("DUPLICATE");
		assertThat(warning.get("otherBlueprint").asString()).isEqualTo("Milestone essentials");
		assertThat(warning.get("otherRule").asString()).isEqualTo("Escalate a missed milestone to the sponsor");
		assertThat(warning.get("message").asString()).contains("'Tell the sponsor'", "'Milestone essentials'",
				"'Escalate a missed milestone to the sponsor'");

		JsonNode saved = check(manager().post(team.path("/blueprints"), Map.of("yaml", COPY, "activate", true)), 201)
			.json();
		assertThat(saved.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(saved.get("warnings").get(0).get("otherRule").asString())
			.isEqualTo("Escalate a missed milestone to the sponsor");
	}

	@Test
	void aRuleTellingTheSamePeopleOfTheSameEventOverlapsAndABlueprintIsNotComparedWithItself() {
		JsonNode warners = check(manager().post(team.path("/blueprints"), Map.of("yaml", WARNERS, "activate", true)),
				201).json();
		assertThat(warners.get("warnings")).isEmpty();

		String owners = WARNERS.replace("Warners", "Owners")
			.replace("Warn at risk", "Owner hears")
			.replace("[owner, manager]", "[owner]")
			.replace("is at risk", "needs you");
		JsonNode overlap = check(manager().post(team.path("/blueprints/validate"), Map.of("yaml", owners)), 200).json()
			.get("warnings")
			.get(0);
		assertThat(overlap.get("kind").asString()).isEqualTo("OVERLAP");
		assertThat(overlap.get("otherBlueprint").asString()).isEqualTo("Warners");
		assertThat(overlap.get("message").asString()).contains("'Warn at risk'", "notify the owner", "milestone.at-risk");

		// a new version of Warners itself is not its own duplicate
		String id = warners.get("id").asString();
		JsonNode itself = check(manager().post(team.path("/blueprints/validate?blueprint=" + id), Map.of("yaml", WARNERS)),
				200).json();
		assertThat(itself.get("warnings")).isEmpty();
		assertThat(warnings(check(manager().get(team.path("/blueprints/" + id)), 200).json())).isEmpty();
	}

	private static List<String> warnings(JsonNode blueprint) {
		List<String> found = new ArrayList<>();
		blueprint.get("warnings").forEach(w -> found.add(w.get("message").asString()));
		return found;
	}

	private Api manager() {
		return team.as(team.manager());
	}

}
