package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A new project from the portfolio, and a project's baselines (make, compare, delete) from its pages. */
@MilepostTest
class NewProjectAndBaselinePagesTests {

	private static final AtomicInteger COUNTER = new AtomicInteger();

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

	/** A key no other test takes: N, then letters and digits. */
	private static String freshKey() {
		String key = "N" + Integer.toString(COUNTER.incrementAndGet() * 7919 + (int) (System.nanoTime() % 100000), 36)
			.toUpperCase();
		return key.length() > 10 ? key.substring(0, 10) : key;
	}

	private static Map<String, String> project(String key, String sponsor) {
		Map<String, String> fields = new HashMap<>();
		fields.put("key", key);
		fields.put("name", "Data centre move");
		fields.put("start", "2026-03-02");
		fields.put("targetFinish", "2026-11-30");
		fields.put("sponsor", sponsor);
		return fields;
	}

	private int status(String key) {
		return team.as(team.admin()).get("/api/v1/projects/" + key).status();
	}

	// ---- new project ------------------------------------------------------------------------------------

	@Test
	void aPersonCreatesAProjectFromThePortfolioAndLandsOnItsOverviewWithAConfirmation() {
		People.Person person = people.person("Planner");
		People.Person sponsor = people.person("Sponsor");
		PageSession session = PageSession.signIn(port, person);
		assertThat(session.get("/").body()).contains("id=\"new-project\"", "href=\"/projects/new\"");
		String form = session.get("/projects/new").body();
		// only administrators name another manager
		assertThat(form).contains("id=\"new-project\"", "name=\"key\"", "name=\"sponsor\"")
			.doesNotContain("name=\"manager\"");

		String key = freshKey();
		Map<String, String> fields = project(key.toLowerCase(), sponsor.username());
		HttpResponse<String> created = session.post("/projects/new", fields);
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/projects/" + key);
		String overview = session.get("/projects/" + key).body();
		assertThat(overview).contains("id=\"saved\"", "Project " + key + " created.", "Data centre move");
		// a confirmation, once: a reload shows it no more
		assertThat(session.get("/projects/" + key).body()).doesNotContain("id=\"saved\"");

		JsonNode read = check(team.as(person).get("/api/v1/projects/" + key), 200).json();
		assertThat(read.get("manager").asString()).isEqualTo(person.username());
		assertThat(read.get("sponsor").asString()).isEqualTo(sponsor.username());
		assertThat(read.get("start").asString()).isEqualTo("2026-03-02");
		assertThat(read.get("targetFinish").asString()).isEqualTo("2026-11-30");
	}

	@Test
	void badInputComesBackBesideTheFieldsAndCreatesNothing() {
		PageSession session = PageSession.signIn(port, team.manager());
		session.get("/projects/new");
		String key = freshKey();
		Map<String, String> fields = project(key, team.manager().username());
		fields.put("name", "");
		fields.put("start", "next week");
		fields.put("sponsor", "nobody-" + key.toLowerCase());
		HttpResponse<String> refused = session.post("/projects/new", fields);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Nothing was saved", "id=\"name-error\"", "id=\"start-error\"",
				"must be a date like", "value=\"nobody-" + key.toLowerCase() + "\"");
		assertThat(status(key)).isEqualTo(404);

		Map<String, String> backwards = project(key, team.manager().username());
		backwards.put("targetFinish", "2026-01-01");
		HttpResponse<String> backwardsRefused = session.post("/projects/new", backwards);
		assertThat(backwardsRefused.statusCode()).isEqualTo(422);
		assertThat(backwardsRefused.body()).contains("id=\"targetFinish-error\"", "must be on or after the start");

		HttpResponse<String> unknownSponsor = session.post("/projects/new", project(key, "nobody-" + key.toLowerCase()));
		assertThat(unknownSponsor.statusCode()).isEqualTo(422);
		assertThat(unknownSponsor.body()).contains("id=\"sponsor-error\"");

		HttpResponse<String> badKey = session.post("/projects/new", project("9" + key, team.manager().username()));
		assertThat(badKey.statusCode()).isEqualTo(422);
		assertThat(badKey.body()).contains("id=\"key-error\"", "upper-case letters or digits");
		assertThat(status(key)).isEqualTo(404);

		// a key that is taken: the reason beside the key, and the project keeps its name
		HttpResponse<String> taken = session.post("/projects/new", project(team.key(), team.manager().username()));
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).contains("id=\"key-error\"", "The key " + team.key() + " is taken");
		assertThat(check(team.as(team.manager()).get(team.path("")), 200).json().get("name").asString())
			.isEqualTo("Project " + team.key());
	}

	@Test
	void onlyAnAdministratorCreatesAProjectForSomeoneElseAndAForgedOneIsRefused() {
		String key = freshKey();
		PageSession member = PageSession.signIn(port, team.member());
		member.get("/projects/new");
		Map<String, String> forged = project(key, team.member().username());
		forged.put("manager", team.manager().username());
		assertThat(member.post("/projects/new", forged).statusCode()).isEqualTo(403);
		assertThat(member.postWithoutToken("/projects/new", project(key, team.member().username())).statusCode())
			.isEqualTo(403);
		assertThat(status(key)).isEqualTo(404);

		PageSession admin = PageSession.signIn(port, team.admin());
		assertThat(admin.get("/projects/new").body()).contains("name=\"manager\"");
		Map<String, String> forSomeoneElse = project(key, team.approver().username());
		forSomeoneElse.put("manager", team.member().username());
		assertThat(admin.post("/projects/new", forSomeoneElse).statusCode()).isEqualTo(302);
		assertThat(check(team.as(team.member()).get("/api/v1/projects/" + key), 200).json().get("manager").asString())
			.isEqualTo(team.member().username());
	}

	@Test
	void aManagerCopiesAProjectFromItsOverviewAndAStakeholderCannot() {
		Teams.taskFeedingMilestone(team);
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		assertThat(stakeholder.get("/projects/" + team.key()).body()).doesNotContain("id=\"copy-project\"");
		assertThat(stakeholder.get("/projects/" + team.key() + "/copy").statusCode()).isEqualTo(403);
		String key = freshKey();
		Map<String, String> fields = Map.of("key", key, "name", "Wave 2", "start", "2026-02-02");
		assertThat(stakeholder.post("/projects/" + team.key() + "/copy", fields).statusCode()).isEqualTo(403);
		assertThat(status(key)).isEqualTo(404);

		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get("/projects/" + team.key()).body()).contains("id=\"copy-project\"");
		assertThat(manager.get("/projects/" + team.key() + "/copy").body()).contains("id=\"copy-project-form\"");
		HttpResponse<String> taken = manager.post("/projects/" + team.key() + "/copy",
				Map.of("key", team.key(), "name", "Again", "start", "soon"));
		assertThat(taken.statusCode()).isEqualTo(422);
		assertThat(taken.body()).contains("id=\"start-error\"", "must be a date like");
		HttpResponse<String> takenKey = manager.post("/projects/" + team.key() + "/copy",
				Map.of("key", team.key(), "name", "Again", "start", "2026-02-02"));
		assertThat(takenKey.statusCode()).isEqualTo(422);
		assertThat(takenKey.body()).contains("id=\"key-error\"", "is taken");

		HttpResponse<String> copied = manager.post("/projects/" + team.key() + "/copy", fields);
		assertThat(copied.statusCode()).isEqualTo(302);
		assertThat(copied.headers().firstValue("Location").orElseThrow()).endsWith("/projects/" + key);
		assertThat(manager.get("/projects/" + key).body()).contains(
				"Project " + key + " created as a copy of " + team.key() + ".", "Wave 2");
		JsonNode milestones = check(team.as(team.manager()).get("/api/v1/projects/" + key + "/milestones"), 200).json();
		assertThat(milestones.get("items").get(0).get("name").asString()).isEqualTo("Design signed off");
	}

	// ---- baselines ----------------------------------------------------------------------------------------

	private String page(String rest) {
		return "/projects/" + team.key() + rest;
	}

	private static String idIn(String location) {
		return location.replaceAll(".*/baselines/([0-9a-f-]{36}).*", "$1").replaceAll(".*baseline=([0-9a-f-]{36}).*",
				"$1");
	}

	@Test
	void aManagerMakesABaselineComparesItWithTheForecastAndDeletesItAfterConfirming() {
		Teams.Linked linked = Teams.taskFeedingMilestone(team);
		PageSession manager = PageSession.signIn(port, team.manager());
		String empty = manager.get(page("/baselines")).body();
		assertThat(empty).contains("id=\"no-baselines\"", "id=\"make-baseline\"");

		HttpResponse<String> nameless = manager.post(page("/baselines"), Map.of("name", "  "));
		assertThat(nameless.statusCode()).isEqualTo(422);
		assertThat(nameless.body()).contains("id=\"name-error\"", "Nothing was saved");
		assertThat(check(team.as(team.manager()).get(team.path("/baselines")), 200).json()).isEmpty();

		HttpResponse<String> made = manager.post(page("/baselines"), Map.of("name", "Approved plan"));
		assertThat(made.statusCode()).isEqualTo(302);
		String location = made.headers().firstValue("Location").orElseThrow();
		String id = idIn(location);
		String compared = manager.get(page("/baselines/" + id)).body();
		assertThat(compared).contains("Baseline “Approved plan” made.", "Design signed off", "id=\"variance\"");
		JsonNode status = check(team.as(team.manager()).get(team.path("/baselines/" + id + "/variance")), 200).json();
		assertThat(status.get("activities").toString()).contains("\"finishVarianceDays\":0");

		HttpResponse<String> again = manager.post(page("/baselines"), Map.of("name", "Approved plan"));
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("id=\"name-error\"", "A baseline named &#39;Approved plan&#39; exists");

		// the task takes five working days longer: the milestone's forecast is five later than the baseline's
		Api.Response task = check(team.as(team.manager()).get(linked.task()), 200);
		check(team.as(team.manager()).patch(linked.task(), Map.of("durationDays", 10), task.etag()), 200);
		String later = manager.get(page("/baselines/" + id)).body();
		assertThat(later.replaceAll("\\s+", " ")).containsPattern("Design signed off</td>.*class=\"variance late\"[^>]*>\\+5<");

		String list = manager.get(page("/baselines")).body();
		assertThat(list).contains("Approved plan", team.manager().username(), "Delete…");
		String confirm = manager.get(page("/baselines/" + id + "/delete")).body();
		assertThat(confirm).contains("Delete the baseline", "Approved plan", "id=\"confirm-delete\"");
		assertThat(check(team.as(team.manager()).get(team.path("/baselines")), 200).json()).hasSize(1);
		HttpResponse<String> deleted = manager.post(page("/baselines/" + id + "/delete"), Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(manager.get(page("/baselines")).body()).contains("Baseline “Approved plan” deleted.",
				"id=\"no-baselines\"");
		assertThat(check(team.as(team.manager()).get(team.path("/baselines")), 200).json()).isEmpty();
	}

	@Test
	void aStakeholderReadsBaselinesButMakesAndDeletesNoneEvenByForgedRequests() {
		Teams.taskFeedingMilestone(team);
		String id = check(team.as(team.manager()).post(team.path("/baselines"), Map.of("name", "Kick-off")), 201)
			.json()
			.get("id")
			.asString();
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String list = stakeholder.get(page("/baselines")).body();
		assertThat(list).contains("Kick-off", "Compare with forecast")
			.doesNotContain("id=\"make-baseline\"", "Delete…");
		assertThat(stakeholder.get(page("/baselines/" + id)).body()).contains("Design signed off");
		assertThat(stakeholder.get(page("/gantt")).body()).contains("id=\"manage-baselines\"")
			.doesNotContain("id=\"gantt-make-baseline\"");
		assertThat(stakeholder.get(page("/baselines/" + id + "/delete")).statusCode()).isEqualTo(403);
		assertThat(stakeholder.post(page("/baselines/" + id + "/delete"), Map.of()).statusCode()).isEqualTo(403);
		assertThat(stakeholder.post(page("/baselines"), Map.of("name", "Forged")).statusCode()).isEqualTo(403);
		PageSession manager = PageSession.signIn(port, team.manager());
		manager.get(page("/baselines"));
		assertThat(manager.postWithoutToken(page("/baselines/" + id + "/delete"), Map.of()).statusCode())
			.isEqualTo(403);
		JsonNode kept = check(team.as(team.manager()).get(team.path("/baselines")), 200).json();
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0).get("name").asString()).isEqualTo("Kick-off");

		assertThat(PageSession.signIn(port, team.outsider()).get(page("/baselines")).statusCode()).isEqualTo(404);
	}

	@Test
	void aBaselineMadeOnTheGanttLandsBackOnTheGanttWithItsGhostBars() {
		Teams.taskFeedingMilestone(team);
		PageSession manager = PageSession.signIn(port, team.manager());
		String gantt = manager.get(page("/gantt")).body();
		assertThat(gantt).contains("id=\"gantt-make-baseline\"");
		HttpResponse<String> made = manager.post(page("/baselines"), Map.of("name", "Before the move", "back", "gantt"));
		assertThat(made.statusCode()).isEqualTo(302);
		String location = made.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/projects/" + team.key() + "/gantt?baseline=");
		String id = idIn(location);
		String shown = manager.get(page("/gantt?baseline=" + id)).body();
		assertThat(shown).contains("Baseline “Before the move” made.", "value=\"" + id + "\" selected");
	}

}
