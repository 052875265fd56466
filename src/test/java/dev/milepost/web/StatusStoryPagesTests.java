package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One status story: the milestone page, the overview, the status report (and its PDF) and the
 * API's milestone status tell the same status with the same deciding reason, beside figures that
 * agree with it; plan health says the same of a milestone that can never be achieved.
 */
@MilepostTest
class StatusStoryPagesTests {

	private static final Pattern DECIDED_BY = Pattern.compile("id=\"decided-by\"[^>]*>([^<]*)<");

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void aMilestoneThatCanNeverBeAchievedIsAtRiskWithTheSameReasonOnEveryPageAndInPlanHealth() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String id = Teams.check(manager.post(team.path("/milestones"), Map.of("name", "Build complete", "targetDate",
				today.plusDays(60).toString(), "owner", team.manager().username(), "criterion",
				Map.of("kind", "ALL_FEEDING_TASKS_DONE", "text", "Every build task is finished"))), 201).json()
			.get("id").asString();

		JsonNode status = milestone(manager.get(team.path("/milestone-status")).json(), id);
		assertThat(status.get("status").asString()).isEqualTo("AT_RISK");
		String reason = status.get("decidedBy").get("message").asString();
		assertThat(status.get("decidedBy").get("code").asString()).isEqualTo("CANNOT_BE_ACHIEVED");
		assertThat(reason).contains("no task feeds it: it can never be achieved");
		// not before today: an open milestone cannot be reached on a day already past
		assertThat(LocalDate.parse(status.get("forecast").asString())).isAfterOrEqualTo(today);
		assertThat(status.get("chanceOfMeetingTarget").isNull()).isTrue();
		JsonNode finding = manager.get(team.path("/health")).json().get("findings").valueStream()
			.filter(f -> f.get("code").asString().equals("MILESTONE_NOT_FED"))
			.findFirst()
			.orElseThrow();
		assertThat(reason).startsWith(finding.get("message").asString());

		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String page = text(stakeholder.get("/projects/" + team.key() + "/milestones/" + id));
		assertThat(decidedBy(page)).isEqualTo(reason);
		assertThat(page).contains("At risk").doesNotContain("On track");
		assertThat(text(stakeholder.get("/projects/" + team.key()))).contains(reason);
		String report = text(stakeholder.get("/projects/" + team.key() + "/report"));
		assertThat(report).contains("At risk", reason);
		try (PDDocument pdf = Loader.loadPDF(stakeholder.bytes("/projects/" + team.key() + "/report.pdf").body())) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("it can never be achieved");
		}
	}

	@Test
	void theFiguresBesideAStatusAgreeWithTheReasonThatDecidedIt() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate started = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		// planned to take a week from last Monday, a fifth done: it will finish after its planned finish
		String task = Teams.check(manager.post(team.path("/tasks"), Map.of("name", "Migrate ledgers", "durationDays",
				5, "plannedStart", started.toString(), "actualStart", started.toString(), "percentComplete", 20)), 201)
			.json().get("id").asString();
		String id = Teams.check(manager.post(team.path("/milestones"), Map.of("name", "Ledgers live", "targetDate",
				today.plusDays(42).toString(), "owner", team.manager().username(), "criterion",
				Teams.ownerConfirmation())), 201).json().get("id").asString();
		Teams.check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", id, "type", "FS", "lagDays", 0)), 201);

		JsonNode status = milestone(manager.get(team.path("/milestone-status")).json(), id);
		int slack = status.get("slackDays").asInt();
		long chance = Math.round(status.get("chanceOfMeetingTarget").asDouble() * 100);
		assertThat(status.get("status").asString()).isEqualTo("ON_TRACK");
		assertThat(status.get("reasons").valueStream().map(r -> r.get("code").asString())).contains("LATE_TASK");
		String reason = status.get("decidedBy").get("message").asString();
		assertThat(reason).contains(slack + " working days before the target", chance + " % of 500 simulated runs");

		String page = text(PageSession.signIn(port, team.stakeholder())
			.get("/projects/" + team.key() + "/milestones/" + id));
		assertThat(decidedBy(page)).isEqualTo(reason);
		assertThat(page).contains("On track", slack + " working days to spare", ">" + chance + " %</dd>", chance + " % chance",
				"is forecast to finish on", status.get("p80").asString())
			.doesNotContain(">At risk<");
		String overview = text(PageSession.signIn(port, team.stakeholder()).get("/projects/" + team.key()));
		assertThat(overview).contains(reason, slack + " working days to spare", chance + " % chance");
	}

	private static JsonNode milestone(JsonNode report, String id) {
		return report.get("milestones").valueStream().filter(m -> m.get("id").asString().equals(id)).findFirst()
			.orElseThrow();
	}

	private static String decidedBy(String page) {
		Matcher matcher = DECIDED_BY.matcher(page);
		assertThat(matcher.find()).as("the reason beside the status").isTrue();
		return matcher.group(1);
	}

	/** The page as text a person reads: entities turned back into characters. */
	private static String text(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body().replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
