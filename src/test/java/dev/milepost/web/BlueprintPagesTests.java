package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The blueprint list and editor pages over HTTP: reading, checking, saving, the assistant and the rehearsals. */
@MilepostTest
class BlueprintPagesTests {

	static final String VALID = """
			blueprint: Escalations
			rules:
			  - name: Escalate missed milestones
			    when:
			      trigger: milestone.missed
			    then:
			      - action: escalate
			        message: "{{milestone.name}} was missed"
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
	void aManagerWritesABlueprintSeesItsProblemsInPlaceAndSavesVersions() {
		PageSession manager = PageSession.signIn(port, team.manager());
		String list = manager.get("/projects/" + team.key() + "/blueprints").body();
		assertThat(list).contains("New blueprint", "Pause all automation");

		HttpResponse<String> broken = manager.postFromHtmx("/projects/" + team.key() + "/blueprints/check",
				Map.of("yaml", "blueprint: Broken\nrules:\n  - name: x\n    when:\n      trigger: task.exploded\n"));
		assertThat(broken.statusCode()).isEqualTo(200);
		assertThat(broken.body()).contains("problem(s)", "Line 5, column").contains("task.exploded");

		HttpResponse<String> fine = manager.postFromHtmx("/projects/" + team.key() + "/blueprints/check",
				Map.of("yaml", VALID));
		assertThat(fine.body()).contains("Valid.", "missed", "sponsor");
		// it escalates missed milestones like the default blueprint already does: a warning naming that rule
		assertThat(fine.body()).contains("1 warning(s): saving still works.",
				"overlaps rule &#39;Escalate a missed milestone to the sponsor&#39; of the active blueprint &#39;Milestone essentials&#39;");

		manager.get("/projects/" + team.key() + "/blueprints/new");
		HttpResponse<String> created = manager.post("/projects/" + team.key() + "/blueprints",
				Map.of("yaml", VALID, "note", "first cut"));
		assertThat(created.statusCode()).isEqualTo(302);
		String editor = created.headers().firstValue("Location").orElseThrow();
		String page = manager.get(editor.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(page).contains("Escalations", "first cut", "Save and activate", "Run log");

		String id = editor.substring(editor.lastIndexOf('/') + 1);
		String etag = team.as(team.manager()).get(team.path("/blueprints/" + id)).etag().replace("\"", "");
		HttpResponse<String> invalidActivation = manager.post("/projects/" + team.key() + "/blueprints/" + id,
				Map.of("yaml", "blueprint: Escalations\nrules: []\n", "activate", "true", "version", etag));
		assertThat(invalidActivation.statusCode()).as("an invalid version is never activated").isEqualTo(422);
		assertThat(invalidActivation.body()).contains("outcome refused");
		assertThat(team.as(team.manager()).get(team.path("/blueprints/" + id + "/versions")).json().size())
			.as("the refusal saved nothing").isEqualTo(1);

		HttpResponse<String> saved = manager.post("/projects/" + team.key() + "/blueprints/" + id,
				Map.of("yaml", VALID.replace("was missed", "is missed"), "note", "wording", "activate", "true",
						"version", etag));
		assertThat(saved.statusCode()).isEqualTo(302);
		var blueprint = team.as(team.manager()).get(team.path("/blueprints/" + id)).json();
		assertThat(blueprint.get("latestVersion").asInt()).isEqualTo(2);
		assertThat(blueprint.get("activeVersion").asInt()).isEqualTo(2);
		assertThat(manager.get("/projects/" + team.key() + "/blueprints/" + id + "/diff?from=1&to=2").body())
			.contains("removed", "added", "is missed");
	}

	@Test
	void aStakeholderReadsTheEditorWithoutControlsAndAForgedSaveIsRefused() {
		String id = Teams.check(team.as(team.manager()).post(team.path("/blueprints"), Map.of("yaml", VALID)), 201)
			.json().get("id").asString();
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String page = stakeholder.get("/projects/" + team.key() + "/blueprints/" + id).body();
		assertThat(page).contains("Escalations", "readonly").doesNotContain("Save and activate", "Dry run");
		assertThat(stakeholder.post("/projects/" + team.key() + "/blueprints/" + id,
				Map.of("yaml", VALID.replace("Escalations", "Forged"))).statusCode()).isEqualTo(403);
		assertThat(stakeholder.postFromHtmx("/projects/" + team.key() + "/blueprints/dry-run", Map.of("yaml", VALID))
			.statusCode()).isEqualTo(403);
		assertThat(team.as(team.manager()).get(team.path("/blueprints/" + id)).json().get("latestVersion").asInt())
			.isEqualTo(1);
	}

	@Test
	void theAssistantDraftsFromPlainWordsAndSaysWhatItDidNotUnderstand() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get("/projects/" + team.key() + "/blueprints");
		String drafted = manager.post("/projects/" + team.key() + "/blueprints/assistant", Map.of("text",
				"When a milestone turns at risk, notify its owner and the project manager. Also bake a cake.")).body();
		assertThat(drafted).contains("From your words", "trigger: milestone.at-risk", "Not understood", "bake a cake",
				"Valid.");

		String nothing = manager.post("/projects/" + team.key() + "/blueprints/assistant",
				Map.of("text", "purple monkey dishwasher")).body();
		assertThat(nothing).contains("understood nothing");
	}

	@Test
	void aDryRunShowsWhatWouldFireAndABrokenDraftIsRefusedWithItsLines() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get("/projects/" + team.key() + "/blueprints/new");
		HttpResponse<String> dryRun = manager.postFromHtmx("/projects/" + team.key() + "/blueprints/dry-run",
				Map.of("yaml", VALID));
		assertThat(dryRun.statusCode()).isEqualTo(200);
		assertThat(dryRun.body()).contains("Dry run", "Escalate missed milestones", "milestone.missed");

		HttpResponse<String> broken = manager.postFromHtmx("/projects/" + team.key() + "/blueprints/dry-run",
				Map.of("yaml", "rules: ["));
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(broken.body()).contains("outcome refused", "line ");

		HttpResponse<String> unknownTemplate = manager.postFromHtmx("/projects/" + team.key() + "/blueprints/dry-run",
				Map.of("yaml", VALID.replace("      - action: escalate\n        message: \"{{milestone.name}} was missed\"\n",
						"      - action: start-process\n        template: no-such-template\n")));
		assertThat(unknownTemplate.statusCode()).as("a dry run checks templates as saving does").isEqualTo(422);
		assertThat(unknownTemplate.body()).contains("no-such-template");

		HttpResponse<String> badWindow = manager.postFromHtmx("/projects/" + team.key() + "/blueprints/replay",
				Map.of("yaml", VALID, "from", "2026-11-01", "to", "2026-10-01"));
		assertThat(badWindow.statusCode()).isEqualTo(422);
		assertThat(badWindow.body()).contains("must end after it starts");
	}

}
