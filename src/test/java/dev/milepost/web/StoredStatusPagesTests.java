package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.schedule.StatusRecomputation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 and issue 17 item 5b: the overview, the milestone page, the status report and
 * {@code GET …/milestone-status} show each milestone's status as the recompute stored it, with the
 * chance of meeting the target and the P80 of the Monte Carlo run it weighed, rather than simulating
 * the plan per request; a question as of another day is still computed. Beside every status the
 * chance is shown with its calibration (one wording, {@link Words#CHANCE_CALIBRATION}, true to
 * docs/early-warning.md) as its help text.
 */
@MilepostTest
class StoredStatusPagesTests {

	private static final Pattern CALIBRATION_ROW = Pattern
		.compile("(?m)^\\| \\**now:[^|]*\\|(?:[^|]*\\|){4} \\**([0-9.]+)\\** \\| \\**([0-9.]+)\\** \\|");

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatusRecomputation recomputation;

	@Test
	void theRecomputeStoresTheFiguresTheStatusWeighedAndEveryPageShowsThoseStored() throws IOException {
		Teams.Team team = teams.team(Api.at(port));
		String id = uncertainWorkFeedingMilestone(team);
		Api member = team.as(team.member());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		JsonNode stored = milestone(check(member.get(team.path("/milestone-status")), 200).json(), id);
		JsonNode live = milestone(check(member.get(team.path("/milestone-status?statusDate=" + today)), 200).json(), id);
		assertThat(stored.get("chanceOfMeetingTarget").isNumber()).as("a chance was stored").isTrue();
		for (String field : new String[] { "status", "forecast", "slackDays", "chanceOfMeetingTarget", "p80",
				"decidedBy", "drivingPath" }) {
			assertThat(stored.get(field)).as("stored %s as computed now", field).isEqualTo(live.get(field));
		}

		// what only the stored row says: a page that simulated again would show the run's own figures
		assertThat(jdbc.sql("update milestone_status set chance_of_target = 0.123, p80_date = :p80 where milestone_id = :m")
			.param("p80", LocalDate.of(2031, 1, 31))
			.param("m", java.util.UUID.fromString(id))
			.update()).isEqualTo(1);

		JsonNode read = milestone(check(member.get(team.path("/milestone-status")), 200).json(), id);
		assertThat(read.get("chanceOfMeetingTarget").asDouble()).isEqualTo(0.123);
		assertThat(read.get("p80").asString()).isEqualTo("2031-01-31");
		JsonNode asked = milestone(check(member.get(team.path("/milestone-status?statusDate=" + today)), 200).json(), id);
		assertThat(asked.get("chanceOfMeetingTarget")).as("a question as of a day is computed")
			.isEqualTo(live.get("chanceOfMeetingTarget"));

		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String help = "title=\"" + Words.CHANCE_CALIBRATION + "\"";
		String overview = body(stakeholder.get("/projects/" + team.key()));
		assertThat(overview).contains("<span class=\"status-chance\" " + help + ">12 % chance</span>",
				"<p class=\"small muted chance-help\">" + Words.CHANCE_CALIBRATION + "</p>");
		String page = body(stakeholder.get("/projects/" + team.key() + "/milestones/" + id));
		assertThat(page).contains("<span class=\"status-chance\" " + help + ">12 % chance</span>", ">12 %</dd>",
				"2031-01-31", "<p class=\"small muted chance-help\">" + Words.CHANCE_CALIBRATION + "</p>");
		String report = body(stakeholder.get("/projects/" + team.key() + "/report"));
		assertThat(report).contains("<td>12 %</td>", "<td class=\"date\">2031-01-31</td>",
				"<th scope=\"col\" " + help + ">Chance</th>", Words.CHANCE_CALIBRATION);
		try (PDDocument pdf = Loader.loadPDF(stakeholder.bytes("/projects/" + team.key() + "/report.pdf").body())) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains("Brier score 0.136");
		}
	}

	@Test
	void aMilestoneWithNothingStoredYetHasItsStatusComputed() {
		Teams.Team team = teams.team(Api.at(port));
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder()); // signing in serves what is due
		SmartLifecycle worker = (SmartLifecycle) recomputation;
		worker.stop();
		try {
			Api manager = team.as(team.manager()).withoutStatusRecompute();
			Map<String, Object> milestone = new HashMap<>(
					Teams.milestone("Nothing feeds it", team.manager(), Teams.ownerConfirmation()));
			milestone.put("targetDate", LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString());
			String id = check(manager.post(team.path("/milestones"), milestone), 201).json().get("id").asString();
			assertThat(jdbc.sql("select count(*) from milestone_status where milestone_id = :m")
				.param("m", java.util.UUID.fromString(id))
				.query(Integer.class)
				.single()).as("its recompute waits").isZero();

			Api member = team.as(team.member());
			JsonNode status = milestone(check(member.get(team.path("/milestone-status")), 200).json(), id);
			JsonNode live = milestone(check(member.get(team.path("/milestone-status?statusDate="
					+ LocalDate.now(ZoneOffset.UTC))), 200).json(), id);
			assertThat(status.get("status").isString()).as("it has a status").isTrue();
			assertThat(status).as("computed as the recompute will store it").isEqualTo(live);
			String overview = body(stakeholder.get("/projects/" + team.key()));
			assertThat(overview).contains("Nothing feeds it", "id=\"statuses-stale\"");
		}
		finally {
			worker.start();
			recomputation.runDue();
		}
	}

	@Test
	void theChancesHelpTextStatesTheCalibrationTheReplayMeasured() throws IOException {
		String doc = Files.readString(Path.of("docs/early-warning.md"));
		Matcher row = CALIBRATION_ROW.matcher(doc);
		assertThat(row.find()).as("docs/early-warning.md's calibration of the chance as shipped").isTrue();
		assertThat(Words.CHANCE_CALIBRATION).contains("docs/early-warning.md", "Brier score " + row.group(1),
				"against " + row.group(2) + " for always saying the base rate");
	}

	/** Ten days of work with a wide three-point estimate, starting today, feeding a milestone due in three weeks. */
	private static String uncertainWorkFeedingMilestone(Teams.Team team) {
		Api manager = team.as(team.manager());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String task = check(manager.post(team.path("/tasks"), Map.of("name", "Build", "durationDays", 10,
				"plannedStart", today.toString(), "estimate", Map.of("optimistic", 6, "mostLikely", 10, "pessimistic", 25))),
				201)
			.json().get("id").asString();
		Map<String, Object> milestone = new HashMap<>(
				Teams.milestone("Built", team.manager(), Teams.ownerConfirmation()));
		milestone.put("targetDate", today.plusDays(21).toString());
		String id = check(manager.post(team.path("/milestones"), milestone), 201).json().get("id").asString();
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", id, "type", "FS", "lagDays", 0)), 201);
		return id;
	}

	private static JsonNode milestone(JsonNode report, String id) {
		return report.get("milestones").valueStream().filter(m -> m.get("id").asString().equals(id)).findFirst()
			.orElseThrow();
	}

	private static String body(HttpResponse<String> page) {
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body().replaceAll("\\s+", " ");
	}

}
