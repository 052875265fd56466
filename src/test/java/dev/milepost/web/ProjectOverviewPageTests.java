package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The project overview over HTTP: what it shows and to whom. */
@MilepostTest
class ProjectOverviewPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void showsGoalsMilestonesWithTheirStatusAndReasonsAndPlanHealth() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		Teams.check(manager.post(team.path("/goals"), Map.of("outcome", "Close the books in 3 days",
				"measure", "days to close")), 201);
		String task = Teams.check(manager.post(team.path("/tasks"), Teams.task("Migrate ledgers")), 201).json()
			.get("id").asString();
		String milestone = Teams.check(manager.post(team.path("/milestones"),
				Teams.milestone("Ledgers live", team.manager(), Teams.ownerConfirmation())), 201).json().get("id")
			.asString();
		Teams.check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);

		HttpResponse<String> page = PageSession.signIn(port, team.stakeholder()).get("/projects/" + team.key());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Close the books in 3 days", "Ledgers live", "Plan health",
				"id=\"m-" + milestone + "\"", "sse-connect=\"/projects/" + team.key() + "/events\"");
		assertThat(page.body()).containsPattern("class=\"status status-(MISSED|AT_RISK|ON_TRACK|APPROACHING)\"");
	}

	@Test
	void aPlanOfManyMilestonesListsFiftyThoseThatMostNeedALookFirstAndCountsThemAll() {
		Teams.Team team = teams.team(Api.at(port));
		java.util.List<Map<String, Object>> operations = new java.util.ArrayList<>();
		for (int i = 0; i < 60; i++) {
			operations.add(Map.of("op", "create", "type", "milestone", "ref", "m" + i, "value",
					Map.of("name", "Stage " + i, "targetDate", java.time.LocalDate.of(2027, 3, 1).plusWeeks(i).toString(),
							"owner", team.manager().username(), "criterion", Teams.ownerConfirmation())));
		}
		// the last by target, and far behind: a task of ten years feeds it
		operations.add(Map.of("op", "create", "type", "task", "ref", "long", "value",
				Map.of("name", "Rewrite everything", "durationDays", 2600, "plannedStart", "2026-03-02")));
		operations.add(Map.of("op", "create", "type", "milestone", "ref", "late", "value",
				Map.of("name", "Everything rewritten", "targetDate", "2028-06-30", "owner", team.manager().username(),
						"criterion", Teams.ownerConfirmation())));
		operations.add(Map.of("op", "create", "type", "dependency", "value", Map.of("predecessor", Map.of("ref", "long"),
				"successor", Map.of("ref", "late"), "type", "FS", "lagDays", 0)));
		Teams.check(team.as(team.manager()).post(team.path("/plan/changes"), Map.of("operations", operations)), 200);

		String page = PageSession.signIn(port, team.stakeholder()).get("/projects/" + team.key()).body();

		assertThat(page).contains("id=\"milestones-cut\"", "61 milestones:", "all milestones</a>");
		assertThat(java.util.regex.Pattern.compile("<details id=\"m-").matcher(page).results().count())
			.isEqualTo(Overview.MAX_ROWS);
		assertThat(page).as("the one at risk, though last by target").contains("Everything rewritten");
		assertThat(page).as("the open ones next due, the last of them left out").contains("Stage 0", "Stage 48")
			.doesNotContain("Stage 49<", "Stage 59<");
		assertThat(java.util.regex.Pattern.compile("class=\"marker marker-").matcher(page).results().count())
			.as("a diamond on the strip for each milestone listed").isEqualTo(Overview.MAX_ROWS);
	}

	@Test
	void outsidersLearnNothingOfTheProject() {
		Teams.Team team = teams.team(Api.at(port));
		PageSession outsider = PageSession.signIn(port, team.outsider());
		for (String page : new String[] { "", "/gantt", "/events" }) {
			assertThat(outsider.get("/projects/" + team.key() + page).statusCode()).as(page).isEqualTo(404);
		}
		assertThat(outsider.get("/projects/NOSUCH").statusCode()).isEqualTo(404);
	}

}
