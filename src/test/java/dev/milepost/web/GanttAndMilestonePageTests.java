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

/** The Gantt chart and the milestone page over HTTP. */
@MilepostTest
class GanttAndMilestonePageTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	String build;

	String test;

	String milestone;

	@BeforeEach
	void plan() {
		team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		build = Teams.check(manager.post(team.path("/tasks"), Teams.task("Build <b>interfaces</b>")), 201).json()
			.get("id").asString();
		test = Teams.check(manager.post(team.path("/tasks"), Teams.task("Test interfaces")), 201).json().get("id")
			.asString();
		milestone = Teams.check(manager.post(team.path("/milestones"),
				Teams.milestone("Interfaces accepted", team.manager(), Teams.ownerConfirmation())), 201).json()
			.get("id").asString();
		link(build, test);
		link(test, milestone);
		Teams.check(manager.post(team.path("/baselines"), Map.of("name", "Approved plan")), 201);
	}

	private void link(String from, String to) {
		Teams.check(team.as(team.manager()).post(team.path("/dependencies"),
				Map.of("predecessor", from, "successor", to, "type", "FS", "lagDays", 0)), 201);
	}

	@Test
	void theGanttDrawsBarsDiamondsArrowsTheCriticalPathAndTheLatestBaselineWithNamesAsText() {
		PageSession member = PageSession.signIn(port, team.member());
		for (String zoom : new String[] { "week", "month", "quarter" }) {
			HttpResponse<String> page = member.get("/projects/" + team.key() + "/gantt?zoom=" + zoom);
			assertThat(page.statusCode()).as(zoom).isEqualTo(200);
			String svg = page.body();
			assertThat(svg).contains("<svg class=\"gantt\"", "class=\"bar", "class=\"diamond", "marker-end=",
					"class=\"ghost\"", "Build &lt;b&gt;interfaces&lt;/b&gt;", "Interfaces accepted")
				.doesNotContain("<b>interfaces</b>");
		}
		assertThat(member.get("/projects/" + team.key() + "/gantt?baseline=none").body()).doesNotContain("class=\"ghost\"");
		assertThat(member.get("/projects/" + team.key() + "/gantt?zoom=decade").statusCode()).isEqualTo(404);
	}

	@Test
	void theMilestonePageShowsCriterionFeedingWorkForecastP80AndTrend() {
		HttpResponse<String> page = PageSession.signIn(port, team.stakeholder())
			.get("/projects/" + team.key() + "/milestones/" + milestone);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Interfaces accepted", "Owner confirms the environment is live",
				team.manager().username(), "Test interfaces", "P80", "Monte Carlo: 500 runs, seed 42",
				"class=\"trend\"", "What if something slips?")
			.doesNotContain("Edit milestone");
	}

	@Test
	void theWhatIfBoxShowsWhatMovesAndRefusesWhatTheApiRefuses() {
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String path = "/projects/" + team.key() + "/milestones/" + milestone;
		stakeholder.get(path);
		HttpResponse<String> moved = stakeholder.post(path + "/what-if", Map.of("activity", build, "days", "5"));
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(moved.body()).contains("Interfaces accepted", "+5 days").doesNotContain("<html");
		HttpResponse<String> refused = stakeholder.post(path + "/what-if", Map.of("activity", build, "days", ""));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Say by how many working days it slips.");
		HttpResponse<String> tooFar = stakeholder.post(path + "/what-if", Map.of("activity", build, "days", "99999"));
		assertThat(tooFar.statusCode()).isEqualTo(422);
		assertThat(tooFar.body()).contains("must be less than or equal to 3650");
	}

	@Test
	void onALargePlanTheWhatIfOffersTheFeedingWorkFirstAndAtMostTwoHundredActivities() {
		java.util.List<Map<String, Object>> operations = java.util.stream.IntStream.range(0, 250)
			.mapToObj(i -> Map.<String, Object>of("op", "create", "type", "task", "value",
					Map.of("name", "Extra " + i, "durationDays", 2, "plannedStart", "2026-03-02")))
			.toList();
		Teams.check(team.as(team.manager()).post(team.path("/plan/changes"), Map.of("operations", operations)), 200);

		String page = PageSession.signIn(port, team.stakeholder())
			.get("/projects/" + team.key() + "/milestones/" + milestone)
			.body();

		java.util.List<String> options = java.util.regex.Pattern.compile("<option value=\"[^\"]+\">([^<]*)</option>")
			.matcher(page.substring(page.indexOf("id=\"what-if-activity\"")))
			.results()
			.map(match -> match.group(1))
			.toList();
		assertThat(options).hasSize(MilestonePage.MAX_CHOICES);
		assertThat(options.get(0)).isEqualTo("Test interfaces (feeds this milestone)");
		assertThat(page).contains("The work feeding this milestone and then the next to start, the\n        first <span>200</span>");
	}

	@Test
	void aMilestoneOfAnotherProjectOrAMalformedIdIsNotFound() {
		PageSession manager = PageSession.signIn(port, team.manager());
		Teams.Team other = teams.team(Api.at(port));
		String foreign = Teams.check(other.as(other.manager()).post(other.path("/milestones"),
				Teams.milestone("Elsewhere", other.manager(), Teams.ownerConfirmation())), 201).json().get("id")
			.asString();
		assertThat(manager.get("/projects/" + team.key() + "/milestones/" + foreign).statusCode()).isEqualTo(404);
		assertThat(manager.get("/projects/" + team.key() + "/milestones/not-an-id").statusCode()).isEqualTo(404);
	}

	@Test
	void theGanttRefusesANegativeFirstRowAndShowsTheRowsFromAGivenOne() {
		PageSession member = PageSession.signIn(port, team.member());

		HttpResponse<String> refused = member.get("/projects/" + team.key() + "/gantt?from=-1");
		HttpResponse<String> fromSecond = member.get("/projects/" + team.key() + "/gantt?from=1");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("counted from 0");
		// three rows fit in one window: the window starts at the first row whatever was asked
		assertThat(fromSecond.statusCode()).isEqualTo(200);
		assertThat(fromSecond.body()).contains("data-activity=\"" + build + "\"").doesNotContain("id=\"gantt-window\"");
	}

}
