package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "How early did we warn" of a project with a status history seeded as the recomputation records
 * it (one {@code milestone_forecast} row per change of forecast or status): the API's figures and
 * the page showing them, and the empty state before anything closed.
 */
@MilepostTest
class EarlyWarningPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	Teams.Team team;

	Api manager;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
	}

	@Test
	void beforeAnyMilestoneClosesThePageSaysWhatWillAppear() {
		milestone("Go-live", "2027-03-31");
		JsonNode warning = check(manager.get(team.path("/early-warning")), 200).json();
		assertThat(warning.get("milestones").size()).isZero();
		assertThat(warning.get("open").asInt()).isEqualTo(1);
		assertThat(warning.get("hitRate").get("recall").isNull()).isTrue();

		String page = PageSession.signIn(port, team.member()).get("/projects/" + team.key() + "/early-warning").body();
		assertThat(page).contains("id=\"early-warning-empty\"", "No milestone has closed yet",
				"at least <span>10</span> working days ahead", "1 milestone is still open")
			.doesNotContain("id=\"closed-milestones\"");
		assertThat(PageSession.signIn(port, team.member()).get("/projects/" + team.key()).body())
			.as("linked from the project's pages").contains("/projects/" + team.key() + "/early-warning");
	}

	@Test
	void eachClosedMilestoneShowsItsOutcomeItsFirstFlagAndTheProjectsHitRate() {
		String warnedEarly = milestone("Warned early, missed", "2026-04-30");
		String warnedLate = milestone("Warned late, missed", "2026-06-30");
		String falseAlarm = milestone("Flagged, met", "2026-05-29");
		String quiet = milestone("Quietly met", "2026-06-12");
		milestone("Still open", "2027-03-31");
		achieve(warnedEarly, "2026-05-06");
		achieve(falseAlarm, "2026-05-27");
		achieve(quiet, "2026-06-10");
		manager.drainBackground();
		UUID project = jdbc.sql("select id from project where project_key = :k").param("k", team.key())
			.query(UUID.class)
			.single();
		point(project, warnedEarly, "2026-03-02", "2026-04-28", "ON_TRACK");
		point(project, warnedEarly, "2026-03-16", "2026-05-05", "AT_RISK");
		point(project, warnedEarly, "2026-03-23", "2026-04-29", "ON_TRACK");
		point(project, warnedEarly, "2026-04-06", "2026-05-06", "AT_RISK");
		point(project, warnedLate, "2026-05-04", "2026-06-26", "ON_TRACK");
		point(project, warnedLate, "2026-06-24", "2026-07-03", "AT_RISK");
		point(project, warnedLate, "2026-07-01", "2026-07-10", "MISSED");
		point(project, falseAlarm, "2026-04-13", "2026-06-02", "AT_RISK");
		point(project, falseAlarm, "2026-04-20", "2026-05-27", "ON_TRACK");
		point(project, quiet, "2026-04-13", "2026-06-10", "ON_TRACK");

		JsonNode warning = check(manager.get(team.path("/early-warning")), 200).json();
		assertThat(warning.get("open").asInt()).isEqualTo(1);
		Map<String, JsonNode> closed = new HashMap<>();
		warning.get("milestones").forEach(m -> closed.put(m.get("id").asString(), m));
		assertThat(closed).containsOnlyKeys(warnedEarly, warnedLate, falseAlarm, quiet);

		// counted on the project's calendar: without holidays 4 and 33, less those of the workspace's calendar
		// (the demo's has the early May bank holiday, Good Friday and Easter Monday)
		int missedBy = team.workingDays("2026-05-01", "2026-05-07");
		int lead = team.workingDays("2026-03-16", "2026-04-30");
		assertThat(missedBy).isBetween(3, 4);
		assertThat(lead).isBetween(31, 33);
		JsonNode early = closed.get(warnedEarly);
		assertThat(early.get("outcome").asString()).isEqualTo("MISSED");
		assertThat(early.get("workingDays").asInt()).isEqualTo(missedBy);
		assertThat(early.get("firstFlagged").asString()).isEqualTo("2026-03-16");
		assertThat(early.get("flaggedAs").asString()).isEqualTo("AT_RISK");
		// Monday 16 March to Thursday 30 April: 12 working days in March, 21 in April before the 30th, without holidays
		assertThat(early.get("leadWorkingDays").asInt()).isEqualTo(lead);

		JsonNode late = closed.get(warnedLate);
		assertThat(late.get("outcome").asString()).isEqualTo("MISSED");
		assertThat(late.get("achievedOn").isNull()).isTrue();
		assertThat(late.get("firstFlagged").asString()).as("the MISSED point after the target is no warning")
			.isEqualTo("2026-06-24");
		assertThat(late.get("leadWorkingDays").asInt()).isEqualTo(4);

		assertThat(closed.get(falseAlarm).get("outcome").asString()).isEqualTo("MET");
		assertThat(closed.get(falseAlarm).get("workingDays").asInt()).isEqualTo(2);
		assertThat(closed.get(falseAlarm).get("firstFlagged").asString()).isEqualTo("2026-04-13");
		assertThat(closed.get(quiet).get("firstFlagged").isNull()).isTrue();
		assertThat(closed.get(quiet).get("leadWorkingDays").isNull()).isTrue();

		JsonNode hitRate = warning.get("hitRate");
		assertThat(hitRate.get("closed").asInt()).isEqualTo(4);
		assertThat(hitRate.get("missed").asInt()).isEqualTo(2);
		assertThat(hitRate.get("missedWarnedInTime").asInt()).isEqualTo(1);
		assertThat(hitRate.get("recall").asDouble()).isEqualTo(0.5);
		assertThat(hitRate.get("flagged").asInt()).isEqualTo(3);
		assertThat(hitRate.get("flaggedThenMet").asInt()).isEqualTo(1);
		assertThat(hitRate.get("falseAlarmShare").asDouble()).isEqualTo(1.0 / 3);
		assertThat(hitRate.get("meanLeadOfMisses").asDouble()).isEqualTo((lead + 4) / 2.0);

		String page = PageSession.signIn(port, team.stakeholder()).get("/projects/" + team.key() + "/early-warning")
			.body();
		assertThat(page).doesNotContain("No milestone has closed yet")
			.contains("<strong id=\"recall\">50 %</strong>", "1 of 2 missed milestones flagged at least 10 working days ahead",
					"<strong id=\"false-alarms\">33 %</strong>", "1 of 3 flagged milestones were met all the same",
					(lead + 4) / 2.0 + " working days", "4 closed, 1 still open");
		assertThat(row(page, warnedEarly)).contains("2026-04-30", "2026-05-06", "missed by " + missedBy + " working days",
				"2026-03-16", ">" + lead + "<");
		assertThat(row(page, warnedLate)).contains("not yet", "late so far", "2026-06-24", ">4<");
		assertThat(row(page, falseAlarm)).contains("met, 2 working days to spare", "2026-04-13");
		assertThat(row(page, quiet)).contains("never");
		assertThat(team.as(team.outsider()).get(team.path("/early-warning")).status()).isEqualTo(404);
	}

	private String milestone(String name, String target) {
		Map<String, Object> body = new HashMap<>(Teams.milestone(name, team.manager(), Teams.ownerConfirmation()));
		body.put("targetDate", target);
		return check(manager.post(team.path("/milestones"), body), 201).json().get("id").asString();
	}

	private void achieve(String id, String on) {
		check(manager.post(team.path("/milestones/" + id + "/achievement"),
				Map.of("evidence", "Seen it done", "achievedOn", on)), 200);
	}

	/** A change of forecast or status as the recomputation records it, at nine on its status date. */
	private void point(UUID project, String milestone, String statusDate, String forecast, String status) {
		LocalDate day = LocalDate.parse(statusDate);
		jdbc.sql("""
				insert into milestone_forecast (milestone_id, project_id, status_date, forecast_date, status, recorded_at)
				values (:m, :p, :s, :f, :status, :at)""")
			.param("m", UUID.fromString(milestone))
			.param("p", project)
			.param("s", day)
			.param("f", LocalDate.parse(forecast))
			.param("status", status)
			.param("at", Timestamp.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC)))
			.update();
	}

	private static String row(String page, String id) {
		int from = page.indexOf("id=\"closed-" + id + "\"");
		assertThat(from).as("a row for " + id).isPositive();
		return page.substring(from, page.indexOf("</tr>", from));
	}

}
