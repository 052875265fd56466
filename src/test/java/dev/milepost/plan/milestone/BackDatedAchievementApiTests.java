package dev.milepost.plan.milestone;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An achievement recorded after the day it happened: the owner or a manager gives {@code achievedOn},
 * the record marks it back-dated, and the status and early warning judge it on that day.
 */
@MilepostTest
class BackDatedAchievementApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	Api manager;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
	}

	@Test
	void theOwnerRecordsItOnTheDayItHappenedAndTheRecordSaysItWasBackDated() {
		String id = milestone("Environment live", team.member(), Teams.ownerConfirmation());
		assertThat(check(team.as(team.member()).get(team.path("/milestones/" + id + "/achievement")), 200).json()
			.get("mayBackDate").asBoolean()).isTrue();
		Instant before = Instant.now();
		JsonNode achieved = check(team.as(team.member()).post(team.path("/milestones/" + id + "/achievement"),
				Map.of("evidence", "Smoke test passed", "achievedOn", "2026-03-02")), 200).json();

		JsonNode achievement = achieved.get("achievement");
		assertThat(achievement.get("at").asString()).isEqualTo("2026-03-02T12:00:00Z");
		assertThat(achievement.get("by").asString()).isEqualTo(team.member().username());
		JsonNode backDated = achievement.get("backDated");
		assertThat(backDated.get("on").asString()).isEqualTo("2026-03-02");
		assertThat(backDated.get("recordedBy").asString()).isEqualTo(team.member().username());
		assertThat(Instant.parse(backDated.get("recordedAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));

		JsonNode entry = achievedEntry(id);
		assertThat(entry).as("the audit entry of the achievement").isNotNull();
		assertThat(entry.get("actor").asString()).isEqualTo(team.member().username());
		assertThat(entry.get("after").get("achievement").get("backDated").get("on").asString()).isEqualTo("2026-03-02");
		assertThat(entry.get("after").get("achievement").get("backDated").get("recordedBy").asString())
			.isEqualTo(team.member().username());

		// the status counts it achieved on that day, and the early warning judges it against the target
		JsonNode status = status(id);
		assertThat(status.get("status").asString()).isEqualTo("ACHIEVED");
		assertThat(status.get("forecast").asString()).isEqualTo("2026-03-02");
		JsonNode closed = check(manager.get(team.path("/early-warning")), 200).json().get("milestones").get(0);
		assertThat(closed.get("achievedOn").asString()).isEqualTo("2026-03-02");
		assertThat(closed.get("outcome").asString()).isEqualTo("MET");
		// 2026-03-02 (a Monday) to the target 2026-04-30 (a Thursday): 43 working days to spare, less the
		// holidays of the workspace's calendar (the demo's has Good Friday and Easter Monday)
		assertThat(closed.get("workingDays").asInt()).isEqualTo(team.workingDays("2026-03-03", "2026-05-01"))
			.isBetween(41, 43);
	}

	@Test
	void achievedTodayIsNoBackDatingAndAnAchievementAfterItsTargetIsMissed() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String onTime = milestone("Runbook signed", team.manager(), Teams.ownerConfirmation());
		JsonNode now = check(manager.post(team.path("/milestones/" + onTime + "/achievement"),
				Map.of("evidence", "Signed", "achievedOn", today)), 200).json();
		assertThat(now.get("achievement").get("backDated").isNull()).isTrue();

		String late = milestone("Cutover done", team.manager(), Teams.ownerConfirmation());
		check(manager.post(team.path("/milestones/" + late + "/achievement"),
				Map.of("evidence", "Cut over", "achievedOn", "2026-05-06")), 200);
		JsonNode closed = null;
		for (JsonNode each : check(manager.get(team.path("/early-warning")), 200).json().get("milestones")) {
			if (each.get("id").asString().equals(late)) {
				closed = each;
			}
		}
		assertThat(closed.get("outcome").asString()).isEqualTo("MISSED");
		// target Thursday 2026-04-30, achieved Wednesday 2026-05-06: Friday, Monday, Tuesday, Wednesday, less
		// the holidays of the workspace's calendar (the demo's has the early May bank holiday)
		assertThat(closed.get("workingDays").asInt()).isEqualTo(team.workingDays("2026-05-01", "2026-05-07"))
			.isBetween(3, 4);
	}

	@Test
	void aDayToComeOrBeforeTheProjectStartedOrNoDateAtAllIsRefusedAndChangesNothing() {
		String id = milestone("Environment live", team.manager(), Teams.ownerConfirmation());
		String path = team.path("/milestones/" + id + "/achievement");
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		Map<String, Integer> refused = Map.of(tomorrow, 422, "2026-01-04", 422, "2026-13-01", 400, "1800-01-01", 422,
				"next Monday", 400);
		refused.forEach((day, expected) -> {
			Api.Response response = manager.post(path, Map.of("evidence", "Done", "achievedOn", day));
			assertThat(response.status()).as(day).isEqualTo(expected);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).as(day).contains("achievedOn");
		});
		assertThat(check(manager.get(team.path("/milestones/" + id)), 200).json().get("achieved").asBoolean()).isFalse();
		assertThat(achievedEntry(id)).isNull();
	}

	@Test
	void whoMayApproveButIsNeitherOwnerNorManagerCannotBackDateAndAStakeholderNothingAtAll() {
		String id = milestone("Go-live approved", team.manager(), Map.of("kind", "APPROVAL_BY_PERSON", "text",
				"The approver approves go-live", "approver", team.approver().username()));
		String path = team.path("/milestones/" + id + "/achievement");
		Api approver = team.as(team.approver());
		JsonNode check = check(approver.get(path), 200).json();
		assertThat(check.get("allowed").asBoolean()).isTrue();
		assertThat(check.get("mayBackDate").asBoolean()).as("the approver approves as it happens").isFalse();
		Api.Response backDated = approver.post(path, Map.of("evidence", "Approved", "achievedOn", "2026-03-02"));
		assertThat(backDated.status()).isEqualTo(403);
		assertThat(backDated.body()).contains("owner or a manager records an achievement with an earlier date");
		assertThat(team.as(team.stakeholder()).post(path, Map.of("evidence", "Forged", "achievedOn", "2026-03-02"))
			.status()).isEqualTo(403);
		assertThat(achievedEntry(id)).isNull();

		JsonNode now = check(approver.post(path, Map.of("evidence", "Approved")), 200).json();
		assertThat(now.get("achievement").get("backDated").isNull()).as("recorded as it happens").isTrue();
	}

	private String milestone(String name, dev.milepost.People.Person owner, Map<String, Object> criterion) {
		Map<String, Object> body = new HashMap<>(Teams.milestone(name, owner, criterion));
		return check(manager.post(team.path("/milestones"), body), 201).json().get("id").asString();
	}

	private JsonNode status(String id) {
		for (JsonNode m : check(manager.get(team.path("/milestone-status")), 200).json().get("milestones")) {
			if (m.get("id").asString().equals(id)) {
				return m;
			}
		}
		throw new AssertionError("no status for " + id);
	}

	private JsonNode achievedEntry(String id) {
		JsonNode items = check(manager.get(team.path("/audit?entityType=milestone&action=achieved&entityId=" + id)), 200)
			.json()
			.get("items");
		return items.isEmpty() ? null : items.get(0);
	}

}
