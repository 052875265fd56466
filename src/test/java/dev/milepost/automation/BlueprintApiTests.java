package dev.milepost.automation;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.automation.definition.ActiveBlueprints;
import dev.milepost.automation.definition.ActiveRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Blueprints over HTTP: saved as versions, compared, activated, paused, rolled back, and on the record. */
@MilepostTest
class BlueprintApiTests {

	static final String V1 = """
			blueprint: Hygiene
			rules:
			  - name: Warn at risk
			    when:
			      trigger: milestone.at-risk
			    then:
			      - action: notify
			        to: [owner, manager]
			        message: "{{milestone.name}} is at risk"
			""";

	static final String V2 = V1.replace("to: [owner, manager]", "to: [owner, manager, sponsor]");

	static final String INVALID = V1.replace("milestone.at-risk", "milestone.at-rsk");

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActiveBlueprints active;

	Teams.Team team;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
	}

	private Api manager() {
		return team.as(team.manager());
	}

	private String blueprints(String rest) {
		return team.path("/blueprints" + rest);
	}

	private JsonNode create(String yaml, boolean activate) {
		return check(manager().post(blueprints(""), Map.of("yaml", yaml, "activate", activate)), 201).json();
	}

	private Api.Response put(String id, String yaml, String note, String ifMatch) {
		Map<String, Object> body = note == null ? Map.of("yaml", yaml) : Map.of("yaml", yaml, "note", note);
		return manager().send("PUT", blueprints("/" + id), body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
	}

	private UUID projectId() {
		return jdbc.sql("select id from project where project_key = :k").param("k", team.key()).query(UUID.class).single();
	}

	private List<String> activeRuleNames(String trigger) {
		return active.rules(projectId(), trigger).stream().map(r -> r.blueprintName() + "/" + r.rule().name()).toList();
	}

	@Test
	void aNewProjectGetsTheDefaultBlueprintActive() {
		JsonNode list = check(manager().get(blueprints("")), 200).json();
		assertThat(list.size()).isEqualTo(1);
		JsonNode defaults = list.get(0);
		assertThat(defaults.get("name").asString()).isEqualTo("Milestone essentials");
		assertThat(defaults.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(defaults.get("activeVersion").asInt()).isEqualTo(1);
		assertThat(defaults.get("valid").asBoolean()).isTrue();
		assertThat(defaults.get("explanation").size()).isEqualTo(4);
		// the built-in notice tells of a milestone at risk; the default blueprint does not tell it again
		assertThat(activeRuleNames("milestone.at-risk")).isEmpty();
		assertThat(activeRuleNames("milestone.missed")).containsExactly("Milestone essentials/Escalate a missed milestone to the sponsor");
		ActiveRule qa = active.rules(projectId(), "milestone.achieved").get(0);
		assertThat(qa.condition()).isNotNull();
		assertThat(qa.versionNumber()).isEqualTo(1);
		assertThat(qa.ruleIndex()).isEqualTo(2);
	}

	@Test
	void savesVersionsDiffsActivatesAndRollsBack() {
		JsonNode created = create(V1, false);
		String id = created.get("id").asString();
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("explanation").get(0).asString())
			.isEqualTo("When a milestone turns at risk, notify its owner and the project manager.");
		assertThat(activeRuleNames("milestone.at-risk")).doesNotContain("Hygiene/Warn at risk");

		// a save needs the current ETag
		assertThat(put(id, V2, null, null).status()).isEqualTo(428);
		String etag = check(manager().get(blueprints("/" + id)), 200).etag();
		Api.Response saved = put(id, V2, "Tell the sponsor too", etag);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("latestVersion").asInt()).isEqualTo(2);
		assertThat(put(id, V2, null, etag).status()).isEqualTo(412);
		// an invalid version is saved as such, with its problems located
		Api.Response broken = put(id, INVALID, "typo", saved.etag());
		assertThat(broken.status()).isEqualTo(200);
		assertThat(broken.json().get("valid").asBoolean()).isFalse();
		JsonNode problem = broken.json().get("problems").get(0);
		assertThat(problem.get("line").asInt()).isEqualTo(5);
		assertThat(problem.get("path").asString()).isEqualTo("rules[0].when.trigger");

		JsonNode versions = check(manager().get(blueprints("/" + id + "/versions")), 200).json();
		assertThat(versions.valueStream().map(v -> v.get("number").asInt())).containsExactly(3, 2, 1);
		assertThat(versions.get(1).get("note").asString()).isEqualTo("Tell the sponsor too");
		assertThat(versions.get(1).get("author").asString()).isEqualTo(team.manager().username());
		assertThat(versions.get(0).get("valid").asBoolean()).isFalse();
		JsonNode two = check(manager().get(blueprints("/" + id + "/versions/2")), 200).json();
		assertThat(two.get("yaml").asString()).isEqualTo(V2);

		JsonNode diff = check(manager().get(blueprints("/" + id + "/diff?from=1&to=2")), 200).json();
		assertThat(diff.get("unified").asString()).contains("--- version 1\n+++ version 2\n@@ -5,5 +5,5 @@\n")
			.contains("\n-        to: [owner, manager]\n+        to: [owner, manager, sponsor]\n");

		// the invalid version is refused and nothing changes
		Api.Response refused = manager().post(blueprints("/" + id + "/activate"), Map.of("version", 3));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("rules[0].when.trigger");
		assertThat(check(manager().get(blueprints("/" + id)), 200).json().get("status").asString()).isEqualTo("DRAFT");

		JsonNode activated = check(manager().post(blueprints("/" + id + "/activate"), Map.of("version", 2)), 200).json();
		assertThat(activated.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(activated.get("activeVersion").asInt()).isEqualTo(2);
		assertThat(activeRuleNames("milestone.at-risk")).contains("Hygiene/Warn at risk");
		assertThat(active.rules(projectId(), "milestone.at-risk").stream()
			.filter(r -> r.blueprintName().equals("Hygiene"))
			.findFirst()
			.orElseThrow()
			.versionNumber()).isEqualTo(2);

		JsonNode rolledBack = check(manager().post(blueprints("/" + id + "/rollback"), Map.of("version", 1)), 200).json();
		assertThat(rolledBack.get("latestVersion").asInt()).isEqualTo(4);
		assertThat(rolledBack.get("activeVersion").asInt()).isEqualTo(4);
		assertThat(rolledBack.get("yaml").asString()).isEqualTo(V1);
		JsonNode four = check(manager().get(blueprints("/" + id + "/versions/4")), 200).json();
		assertThat(four.get("note").asString()).isEqualTo("Rolled back to version 1");
		assertThat(manager().post(blueprints("/" + id + "/rollback"), Map.of("version", 3)).status()).isEqualTo(422);
		assertThat(manager().post(blueprints("/" + id + "/rollback"), Map.of("version", 9)).status()).isEqualTo(404);

		// the audit record has every step
		JsonNode audit = check(manager().get(team.path("/audit?entityType=blueprint&entityId=" + id)), 200).json();
		assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString())).containsExactly("rolled back",
				"activated", "updated", "updated", "created");
	}

	@Test
	void pausesAndResumesABlueprintAndTheWholeProject() {
		String id = create(V1, true).get("id").asString();
		assertThat(activeRuleNames("milestone.at-risk")).contains("Hygiene/Warn at risk");
		JsonNode paused = check(manager().post(blueprints("/" + id + "/pause"), null), 200).json();
		assertThat(paused.get("status").asString()).isEqualTo("PAUSED");
		assertThat(activeRuleNames("milestone.at-risk")).doesNotContain("Hygiene/Warn at risk");
		assertThat(activeRuleNames("milestone.missed")).contains("Milestone essentials/Escalate a missed milestone to the sponsor");
		assertThat(manager().post(blueprints("/" + id + "/pause"), null).status()).isEqualTo(409);
		check(manager().post(blueprints("/" + id + "/resume"), null), 200);
		assertThat(activeRuleNames("milestone.at-risk")).contains("Hygiene/Warn at risk");

		JsonNode off = check(manager().send("PUT", team.path("/automation"), Map.of("paused", true), Map.of()), 200).json();
		assertThat(off.get("paused").asBoolean()).isTrue();
		assertThat(active.inForce(projectId()).rules()).isEmpty();
		assertThat(active.rules(projectId(), "milestone.at-risk")).isEmpty();
		assertThat(check(team.as(team.member()).get(team.path("/automation")), 200).json().get("paused").asBoolean())
			.isTrue();
		check(manager().send("PUT", team.path("/automation"), Map.of("paused", false), Map.of()), 200);
		assertThat(active.rules(projectId(), "milestone.at-risk")).isNotEmpty();
		JsonNode audit = check(manager().get(team.path("/audit?entityType=automation")), 200).json();
		assertThat(audit.get("items").valueStream().map(e -> e.get("action").asString())).containsExactly("resumed",
				"paused");
	}

	@Test
	void validatesYamlOrJsonAndExplains() {
		Api.Response text = manager().send("POST", blueprints("/validate"), V1, Map.of("Content-Type", "text/yaml"));
		assertThat(text.status()).as(text.body()).isEqualTo(200);
		assertThat(text.json().get("valid").asBoolean()).isTrue();
		assertThat(text.json().get("explanation").get(0).asString()).startsWith("When a milestone turns at risk");
		JsonNode invalid = check(team.as(team.member()).post(blueprints("/validate"),
				Map.of("yaml", V1.replace("[owner, manager]", "['@nobody']"))), 200).json();
		assertThat(invalid.get("valid").asBoolean()).isFalse();
		assertThat(invalid.get("problems").get(0).get("message").asString()).isEqualTo("@nobody is not a member of this project");
		assertThat(invalid.get("problems").get(0).get("line").asInt()).isEqualTo(8);
		assertThat(invalid.get("explanation").size()).isZero();
		// members of the project are accepted by name
		JsonNode named = check(manager().post(blueprints("/validate"),
				Map.of("yaml", V1.replace("[owner, manager]", "['@" + team.member().username() + "']"))), 200).json();
		assertThat(named.get("valid").asBoolean()).as(named.toString()).isTrue();
	}

	@Test
	void aWebhookAddressTheOutboundPolicyRefusesIsAProblemOfAProjectOrWorkspaceBlueprintWhenSaved() {
		// the tests allow private targets; an IPv4 address in octal is refused whatever the setting
		String yaml = """
				blueprint: Tell the hook
				rules:
				  - name: Hook
				    when:
				      trigger: task.created
				    then:
				      - action: call-webhook
				        url: "https://0177.0.0.1/in"
				""";
		// a draft with problems is kept, as any; it says why and cannot be activated
		for (Api.Response saved : List.of(manager().post(blueprints(""), Map.of("yaml", yaml)),
				team.as(team.admin()).post("/api/v1/blueprints", Map.of("yaml", yaml)))) {
			assertThat(saved.status()).as(saved.body()).isEqualTo(201);
			assertThat(saved.json().get("valid").asBoolean()).isFalse();
			assertThat(saved.json().get("problems").get(0).get("path").asString()).isEqualTo("rules[0].then[0].url");
			assertThat(saved.json().get("problems").get(0).get("message").asString()).contains("four decimal numbers");
		}
		JsonNode fine = check(manager().post(blueprints("/validate"),
				Map.of("yaml", yaml.replace("0177.0.0.1", "127.0.0.1"))), 200).json();
		assertThat(fine.get("valid").asBoolean()).as("a private address, allowed by the tests' setting").isTrue();
	}

	@Test
	void workspaceBlueprintsAreAppliedByProjects() {
		Api admin = team.as(team.admin());
		Api.Response created = admin.post("/api/v1/blueprints", Map.of("yaml", V1.replace("Hygiene", "Company rules"),
				"activate", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("scope").asString()).isEqualTo("workspace");
		assertThat(manager().post("/api/v1/blueprints", Map.of("yaml", V1)).status()).isEqualTo(403);
		assertThat(activeRuleNames("milestone.at-risk")).doesNotContain("Company rules/Warn at risk");

		check(manager().post(blueprints("/applied/" + id), null), 201);
		assertThat(manager().post(blueprints("/applied/" + id), null).status()).isEqualTo(409);
		assertThat(activeRuleNames("milestone.at-risk")).contains("Company rules/Warn at risk");
		assertThat(check(manager().get(blueprints("")), 200).json().valueStream().map(b -> b.get("scope").asString()))
			.contains("workspace", "project");
		// a project's own blueprint cannot be applied as a workspace one
		String own = create(V1, false).get("id").asString();
		assertThat(manager().post(blueprints("/applied/" + own), null).status()).isEqualTo(404);

		check(manager().delete(blueprints("/applied/" + id)), 204);
		assertThat(activeRuleNames("milestone.at-risk")).doesNotContain("Company rules/Warn at risk");
		check(admin.delete("/api/v1/blueprints/" + id), 204);
	}

	@Test
	void anotherProjectsBlueprintIsNotFound() {
		String id = create(V1, false).get("id").asString();
		Teams.Team other = teams.team(Api.at(port));
		assertThat(other.as(other.manager()).get(other.path("/blueprints/" + id)).status()).isEqualTo(404);
		assertThat(team.as(team.outsider()).get(blueprints("/" + id)).status()).isEqualTo(404);
		assertThat(team.as(team.member()).get(blueprints("/" + id)).status()).isEqualTo(200);
		assertThat(team.as(team.member()).post(blueprints("/" + id + "/pause"), null).status()).isEqualTo(403);
	}

	@Test
	void deletingABlueprintRemovesItsVersions() {
		String id = create(V1, true).get("id").asString();
		check(manager().delete(blueprints("/" + id)), 204);
		assertThat(manager().get(blueprints("/" + id)).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from blueprint_version where blueprint_id = :b").param("b", UUID.fromString(id))
			.query(Long.class).single()).isZero();
		assertThat(activeRuleNames("milestone.at-risk")).doesNotContain("Hygiene/Warn at risk");
	}

}
