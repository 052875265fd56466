package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task and milestone lists and forms over HTTP: the API's rules, refusals and rights. */
@MilepostTest
class TaskAndMilestonePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	private String tasks() {
		return "/projects/" + team.key() + "/tasks";
	}

	private String milestones() {
		return "/projects/" + team.key() + "/milestones";
	}

	private Map<String, String> milestoneForm(String name) {
		Map<String, String> form = new HashMap<>(Map.of("name", name, "targetDate", "2026-05-29", "owner",
				team.manager().username(), "criterionKind", "OWNER_CONFIRMATION", "criterionText",
				"The owner confirms the cut-over rehearsal passed"));
		return form;
	}

	@Test
	void aManagerCreatesATaskThroughTheFormAndSeesItListed() {
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get(tasks() + "/new").statusCode()).isEqualTo(200);
		HttpResponse<String> created = manager.post(tasks(), List.of(Map.entry("name", "Load opening balances"),
				Map.entry("durationDays", "4"), Map.entry("plannedStart", "2026-03-02"),
				Map.entry("assignees", team.member().username()), Map.entry("percentComplete", "0")));
		assertThat(created.statusCode()).isEqualTo(302);
		HttpResponse<String> list = manager.get(tasks() + "?assignee=" + team.member().username());
		assertThat(list.body()).contains("Load opening balances", "New task", "Edit");
		assertThat(manager.get(tasks() + "?state=DONE").body()).doesNotContain("Load opening balances");
	}

	@Test
	void aRefusedTaskFormComesBackWithTheApisReasonsBesideTheFieldsAndSavesNothing() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(tasks() + "/new");
		HttpResponse<String> refused = manager.post(tasks(), Map.of("name", "", "durationDays", "0",
				"plannedStart", "2026-13-40", "percentComplete", "0"));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Nothing was saved", "id=\"name-error\"",
				"must be at least 1 working day; a zero-duration checkpoint is a milestone",
				"must be a date like 2026-03-02");
		assertThat(team.as(team.manager()).get(team.path("/tasks")).json().get("totalItems").asInt()).isZero();
	}

	@Test
	void theMilestoneFormAsksForNoDurationAndAForgedOneIsRefusedWithTheReason() {
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get(milestones() + "/new").body()).contains("name=\"owner\"")
			.doesNotContain("name=\"durationDays\"")
			.doesNotContain("Duration");
		Map<String, String> form = milestoneForm("Cut-over rehearsed");
		form.put("durationDays", "5");
		HttpResponse<String> refused = manager.post(milestones(), form);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"durationDays-error\"", "A milestone marks a moment; it has no duration.");
		assertThat(team.as(team.manager()).get(team.path("/milestones")).json().get("totalItems").asInt()).isZero();

		form.put("durationDays", "");
		assertThat(manager.post(milestones(), form).statusCode()).isEqualTo(302);
		assertThat(manager.get(milestones()).body()).contains("Cut-over rehearsed");
	}

	@Test
	void aStaleEditIsRefusedAndSaysSomeoneChangedIt() {
		String id = Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Reconcile")), 201)
			.json().get("id").asString();
		PageSession manager = PageSession.signIn(port, team.manager());
		String edit = manager.get(tasks() + "/" + id + "/edit").body();
		assertThat(edit).contains("name=\"version\" value=\"");
		Teams.check(team.as(team.manager()).patch(team.path("/tasks/" + id), Map.of("durationDays", 6),
				team.as(team.manager()).get(team.path("/tasks/" + id)).etag()), 200);
		HttpResponse<String> stale = manager.post(tasks() + "/" + id, Map.of("name", "Reconcile accounts",
				"durationDays", "5", "percentComplete", "0", "plannedStart", "2026-03-02", "version", "0"));
		assertThat(stale.statusCode()).isEqualTo(422);
		assertThat(stale.body()).contains("Nothing was saved");
	}

	@Test
	void aStakeholderSeesNoEditControlsAndTheServerRefusesTheirWrites() {
		String id = Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Reconcile")), 201)
			.json().get("id").asString();
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String list = stakeholder.get(tasks()).body();
		assertThat(list).contains("Reconcile").doesNotContain("New task", "/edit");
		assertThat(stakeholder.get(milestones()).body()).doesNotContain("New milestone", "/edit");
		assertThat(stakeholder.get(tasks() + "/new").statusCode()).isEqualTo(403);
		assertThat(stakeholder.post(tasks(), Map.of("name", "Forged", "durationDays", "3")).statusCode())
			.isEqualTo(403);
		assertThat(stakeholder.post(tasks() + "/" + id, Map.of("name", "Forged", "durationDays", "3", "version", "0"))
			.statusCode()).isEqualTo(403);
		assertThat(stakeholder.post(milestones(), milestoneForm("Forged")).statusCode()).isEqualTo(403);
		assertThat(team.as(team.manager()).get(team.path("/tasks")).json().get("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void aMemberReportsProgressOnTheirOwnTaskButChangesNothingElse() {
		String id = Teams.check(team.as(team.manager()).post(team.path("/tasks"),
				Teams.task("Reconcile", team.member())), 201).json().get("id").asString();
		PageSession member = PageSession.signIn(port, team.member());
		String edit = member.get(tasks() + "/" + id + "/edit").body();
		assertThat(edit).contains("readonly");
		String version = edit.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		List<Map.Entry<String, String>> progress = List.of(Map.entry("name", "Reconcile"),
				Map.entry("durationDays", "5"), Map.entry("effortHours", "40"), Map.entry("plannedStart", "2026-03-02"),
				Map.entry("assignees", team.member().username()), Map.entry("percentComplete", "30"),
				Map.entry("actualStart", "2026-03-02"), Map.entry("version", version));
		assertThat(member.post(tasks() + "/" + id, progress).statusCode()).isEqualTo(302);
		assertThat(team.as(team.manager()).get(team.path("/tasks/" + id)).json().get("percentComplete").asInt())
			.isEqualTo(30);
		member.get(tasks() + "/" + id + "/edit");
		HttpResponse<String> renamed = member.post(tasks() + "/" + id, Map.of("name", "Renamed", "durationDays", "5",
				"version", String.valueOf(Long.parseLong(version) + 1)));
		assertThat(renamed.statusCode()).isEqualTo(403);
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() {
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(tasks() + "/new");
		assertThat(manager.postWithoutToken(tasks(), Map.of("name", "Forged", "durationDays", "3")).statusCode())
			.isEqualTo(403);
		assertThat(team.as(team.manager()).get(team.path("/tasks")).json().get("totalItems").asInt()).isZero();
	}

	@Test
	void userTextIsEscapedOnEveryPage() {
		String name = "<img src=x onerror=alert(1)>";
		Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task(name)), 201);
		PageSession manager = PageSession.signIn(port, team.manager());
		for (String page : new String[] { tasks(), "/projects/" + team.key() + "/gantt" }) {
			String body = manager.get(page).body();
			assertThat(body).as(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(name);
		}
	}

}
