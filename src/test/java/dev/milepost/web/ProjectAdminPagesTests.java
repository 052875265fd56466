package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A project's processes, deliverables, members and audit record, and the workspace audit page, over HTTP. */
@MilepostTest
class ProjectAdminPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	private String page(String rest) {
		return "/projects/" + team.key() + rest;
	}

	private static String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	// ---- processes ----------------------------------------------------------------------------------

	@Test
	void aManagerStartsAProcessAndEveryoneSeesItsStepsStates() {
		PageSession manager = PageSession.signIn(port, team.manager());
		String form = manager.get(page("/processes")).body();
		assertThat(form).contains("No processes started yet", "value=\"qa-cycle\"", "id=\"start-button\"");
		HttpResponse<String> started = manager.post(page("/processes"),
				Map.of("template", "qa-cycle", "start", today(), "name", "QA of <release> 2.4"));
		assertThat(started.statusCode()).isEqualTo(302);
		String list = manager.get(page("/processes")).body();
		// the sign-off waits for the steps before it
		assertThat(list).contains("Started QA of &lt;release&gt; 2.4", "Test execution", "Not started", "Waiting",
				"Running", "QA cycle complete").doesNotContain("<release>");

		String stakeholder = PageSession.signIn(port, team.stakeholder()).get(page("/processes")).body();
		assertThat(stakeholder).contains("Test execution").doesNotContain("id=\"start-button\"");
		assertThat(PageSession.signIn(port, team.outsider()).get(page("/processes")).statusCode()).isEqualTo(404);
	}

	@Test
	void aProcessThatCannotStartIsRefusedBesideTheFormAndTheStakeholdersForgedStartToo() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(page("/processes"));
		HttpResponse<String> refused = manager.post(page("/processes"), Map.of("template", "", "start", "soon"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"start-error\"", "must be a date like 2026-03-02");
		HttpResponse<String> unknown = manager.post(page("/processes"),
				Map.of("template", "no-such-template", "start", today()));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("id=\"template-error\"", "no-such-template");

		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		stakeholder.get(page("/processes"));
		assertThat(stakeholder.post(page("/processes"), Map.of("template", "qa-cycle", "start", today())).statusCode())
			.isEqualTo(403);
		assertThat(manager.postWithoutToken(page("/processes"), Map.of("template", "qa-cycle", "start", today()))
			.statusCode()).isEqualTo(403);
		assertThat(team.as(team.manager()).get(team.path("/processes")).json()).isEmpty();
	}

	// ---- deliverables ---------------------------------------------------------------------------------

	@Test
	void aManagerAddsADeliverableAndItsAcceptorRejectsWithAReasonThenAccepts() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(page("/deliverables"));
		HttpResponse<String> refused = manager.post(page("/deliverables"), Map.of("name", "", "acceptor", ""));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"name-error\"", "id=\"acceptor-error\"",
				"is required: name the person who accepts this deliverable");
		assertThat(manager.post(page("/deliverables"), Map.of("name", "Test report", "acceptor",
				team.member().username(), "description", "Signed <i>results</i>")).statusCode()).isEqualTo(302);
		assertThat(manager.get(page("/deliverables")).body()).contains("Test report", "Open",
				"Signed &lt;i&gt;results&lt;/i&gt;").doesNotContain("value=\"accept\"");

		PageSession acceptor = PageSession.signIn(port, team.member());
		String mine = acceptor.get(page("/deliverables")).body();
		assertThat(mine).contains("value=\"accept\"", "value=\"reject\"");
		String id = mine.replaceAll("(?s).*id=\"deliverable-([0-9a-f-]{36})\".*", "$1");
		HttpResponse<String> noReason = acceptor.post(page("/deliverables/" + id + "/outcome"),
				Map.of("outcome", "reject", "note", ""));
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("id=\"note-" + id + "-error\"", "Say why the deliverable is rejected");
		assertThat(acceptor.post(page("/deliverables/" + id + "/outcome"),
				Map.of("outcome", "reject", "note", "Figures missing")).statusCode()).isEqualTo(302);
		assertThat(acceptor.get(page("/deliverables")).body()).contains("Rejected, open for rework", "Figures missing");
		assertThat(acceptor.post(page("/deliverables/" + id + "/outcome"), Map.of("outcome", "accept", "note", "Fine now"))
			.statusCode()).isEqualTo(302);
		JsonNode read = team.as(team.manager()).get(team.path("/deliverables/" + id)).json();
		assertThat(read.get("accepted").asBoolean()).isTrue();
	}

	@Test
	void onlyTheAcceptorDecidesADeliverableAndAStakeholderAddsNone() {
		String id = check(team.as(team.manager()).post(team.path("/deliverables"),
				Map.of("name", "Runbook", "acceptor", team.member().username())), 201).json().get("id").asString();
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String list = stakeholder.get(page("/deliverables")).body();
		assertThat(list).contains("Runbook").doesNotContain("value=\"accept\"", "id=\"add-deliverable\"");
		assertThat(stakeholder.post(page("/deliverables/" + id + "/outcome"), Map.of("outcome", "accept"))
			.statusCode()).isEqualTo(403);
		assertThat(stakeholder.post(page("/deliverables"), Map.of("name", "Forged", "acceptor",
				team.stakeholder().username())).statusCode()).isEqualTo(403);
		assertThat(team.as(team.manager()).get(team.path("/deliverables")).json().get("totalItems").asInt())
			.isEqualTo(1);
	}

	// ---- members ----------------------------------------------------------------------------------------

	@Test
	void aManagerAddsChangesAndRemovesMembersUnderTheApisRules() {
		People.Person newcomer = people.person("Newcomer");
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get(page("/members")).body()).contains(team.member().username(), "id=\"add-member-button\"");
		HttpResponse<String> unknown = manager.post(page("/members"), Map.of("username", "nobody-at-all", "role",
				"MEMBER"));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("id=\"username-error\"", "No active user &#39;nobody-at-all&#39;");

		assertThat(manager.post(page("/members"), Map.of("username", newcomer.username(), "role", "APPROVER"))
			.statusCode()).isEqualTo(302);
		assertThat(manager.get(page("/members")).body()).contains("Added " + newcomer.username() + " as approver.");
		assertThat(manager.post(page("/members/" + newcomer.username() + "/role"), Map.of("role", "MEMBER"))
			.statusCode()).isEqualTo(302);
		assertThat(manager.post(page("/members/" + team.manager().username() + "/role"), Map.of("role", "MEMBER"))
			.statusCode()).as("the last manager stays").isEqualTo(422);
		HttpResponse<String> lastManager = manager.post(page("/members/" + team.manager().username() + "/removal"),
				Map.of());
		assertThat(lastManager.statusCode()).isEqualTo(422);
		assertThat(lastManager.body()).contains("Nothing was changed", "at least one manager");
		assertThat(manager.post(page("/members/" + newcomer.username() + "/removal"), Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(team.as(team.manager()).get(team.path("/members")).json().toString())
			.doesNotContain(newcomer.username());
	}

	@Test
	void everyoneInTheProjectReadsMembersButOnlyManagersChangeThem() {
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String list = stakeholder.get(page("/members")).body();
		assertThat(list).contains(team.manager().username()).doesNotContain("id=\"add-member-button\"", "/removal");
		assertThat(stakeholder.post(page("/members"), Map.of("username", team.outsider().username(), "role",
				"MANAGER")).statusCode()).isEqualTo(403);
		assertThat(stakeholder.post(page("/members/" + team.stakeholder().username() + "/role"),
				Map.of("role", "MANAGER")).statusCode()).isEqualTo(403);
		assertThat(PageSession.signIn(port, team.outsider()).get(page("/members")).statusCode()).isEqualTo(404);
		PageSession admin = PageSession.signIn(port, team.admin());
		assertThat(admin.get(page("/members")).body()).contains("id=\"add-member-button\"");
	}

	// ---- audit ------------------------------------------------------------------------------------------

	@Test
	void aProjectsAuditRecordIsFilteredAndShowsEachChangeFieldByField() {
		String task = check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Migrate <data>")), 201)
			.json().get("id").asString();
		check(team.as(team.manager()).patch(team.path("/tasks/" + task), Map.of("durationDays", 7),
				team.as(team.manager()).get(team.path("/tasks/" + task)).etag()), 200);
		PageSession member = PageSession.signIn(port, team.member());
		String all = member.get(page("/audit")).body();
		assertThat(all).contains("Audit record", "member", "task", task).doesNotContain("id=\"verify-chain\"");
		String updates = member.get(page("/audit?entityType=task&action=updated")).body();
		assertThat(updates).contains("1 entries", "durationDays", ">5<", ">7<");
		assertThat(member.get(page("/audit?q=" + task.substring(0, 8).toUpperCase())).body()).contains("2 entries");
		assertThat(member.get(page("/audit?actor=" + team.manager().username() + "&entityType=task&from=" + today()
				+ "&to=" + today())).body()).contains("2 entries", "Migrate &lt;data&gt;").doesNotContain("Migrate <data>");
		HttpResponse<String> badDates = member.get(page("/audit?from=yesterday&to=2020-01-01"));
		assertThat(badDates.body()).contains("id=\"from-error\"", "must be a date like 2026-03-02", "0 entries");
		assertThat(PageSession.signIn(port, team.outsider()).get(page("/audit")).statusCode()).isEqualTo(404);
	}

	@Test
	void theWorkspaceAuditIsForAdministratorsWhoVerifyTheChains() {
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get("/audit").statusCode()).isEqualTo(403);
		manager.get("/");
		assertThat(manager.post("/audit/verification", Map.of()).statusCode()).isEqualTo(403);

		PageSession admin = PageSession.signIn(port, team.admin());
		String workspace = admin.get("/audit").body();
		assertThat(workspace).contains("id=\"verify-chain\"", "user", "value=\"" + team.key() + "\"");
		assertThat(admin.get("/audit?scope=" + team.key() + "&entityType=member").body()).contains("member",
				team.member().username());
		assertThat(admin.get("/audit?scope=all&entityType=project&q=" + team.key().toLowerCase()).body())
			.contains(team.key());
		HttpResponse<String> verified = admin.postHtmx("/audit/verification", Map.of("scope", team.key()));
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("Intact: 1 chain(s)").doesNotContain("<html");
		assertThat(admin.post("/audit/verification", Map.of("scope", "all")).body()).contains("Intact:", "<h1>Audit</h1>");
		assertThat(admin.postWithoutToken("/audit/verification", Map.of()).statusCode()).isEqualTo(403);
		assertThat(admin.get(page("/audit")).body()).contains("id=\"verify-chain\"");
	}

	@Test
	void theBarLinksEveryPageOfTheProjectAndThePerson() {
		String overview = PageSession.signIn(port, team.member()).get(page("/tasks")).body();
		for (String link : List.of("/approvals", "/inbox", "/settings", page("/approvals"), page("/processes"),
				page("/deliverables"), page("/audit"), page("/members"))) {
			assertThat(overview).contains("href=\"" + link + "\"");
		}
	}

}
