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
	void outsidersLearnNothingOfTheProject() {
		Teams.Team team = teams.team(Api.at(port));
		PageSession outsider = PageSession.signIn(port, team.outsider());
		for (String page : new String[] { "", "/gantt", "/events" }) {
			assertThat(outsider.get("/projects/" + team.key() + page).statusCode()).as(page).isEqualTo(404);
		}
		assertThat(outsider.get("/projects/NOSUCH").statusCode()).isEqualTo(404);
	}

}
