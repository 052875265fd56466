package dev.milepost.health;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MilepostTest
class HealthApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void everyoneInTheProjectReadsItsHealthWorstFirstWithCounts() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		// a plan in the future, so no stretch of it is history yet
		check(manager.patch(team.path(""), Map.of("start", "2040-01-02", "targetFinish", "2040-12-21"),
				manager.get(team.path("")).etag()), 200);
		check(manager.post(team.path("/milestones"), Map.of("name", "Phase one done", "targetDate", "2040-02-10",
				"owner", team.member().username(), "criterion",
				Map.of("kind", "OWNER_CONFIRMATION", "text", "Phase one complete"))), 201);
		check(manager.post(team.path("/milestones"), Map.of("name", "Reduce invoice processing time by 60 %",
				"targetDate", "2040-08-31", "owner", team.manager().username(), "criterion",
				Map.of("kind", "APPROVAL_BY_PERSON", "text", "The sponsor approves", "approver",
						team.approver().username()))), 201);

		Api.Response response = check(team.as(team.stakeholder()).get(team.path("/health")), 200);

		JsonNode health = response.json();
		assertThat(health.get("project").asString()).isEqualTo(team.key());
		assertThat(LocalDate.parse(health.get("checkedOn").asString()))
			.isBetween(LocalDate.now(ZoneOffset.UTC).minusDays(1), LocalDate.now(ZoneOffset.UTC).plusDays(1));
		List<JsonNode> findings = health.get("findings").valueStream().toList();
		assertThat(findings).extracting(f -> f.get("severity").asString() + " " + f.get("code").asString())
			.containsExactly("PROBLEM MILESTONE_GAP_TOO_LONG", "PROBLEM MILESTONE_GAP_TOO_LONG",
					"WARNING FUZZY_CRITERION", "WARNING GOAL_AS_MILESTONE", "WARNING MILESTONE_NOT_FED",
					"WARNING MILESTONE_NOT_FED", "WARNING TOO_FEW_MILESTONES");
		JsonNode gap = findings.get(0);
		assertThat(gap.get("message").asString()).contains("'Phase one done' (2040-02-10)",
				"'Reduce invoice processing time by 60 %' (2040-08-31)");
		assertThat(gap.get("fix").asString()).startsWith("Add ");
		assertThat(gap.get("about").valueStream().map(a -> a.get("kind").asString() + " " + a.get("name").asString()))
			.containsExactly("milestone Phase one done", "milestone Reduce invoice processing time by 60 %");
		assertThat(gap.get("about").get(0).get("id").asString()).hasSize(36);
		JsonNode counts = health.get("counts");
		assertThat(counts.propertyNames()).containsExactly("PROBLEM", "WARNING", "INFO");
		assertThat(counts.get("PROBLEM").asInt()).isEqualTo(2);
		assertThat(counts.get("WARNING").asInt()).isEqualTo(5);
		assertThat(counts.get("INFO").asInt()).isZero();
	}

	@Test
	void aMilestoneOwnedBySomeoneWhoseAccountWasDeactivatedIsFlaggedWithHowToFixIt() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		check(manager.post(team.path("/milestones"), Map.of("name", "Data centre exit", "targetDate", "2026-12-15",
				"owner", team.member().username(), "criterion",
				Map.of("kind", "APPROVAL_BY_PERSON", "text", "The member signs the exit off", "approver",
						team.member().username()))), 201);
		assertThat(codes(team)).doesNotContain("MILESTONE_OWNER_DEACTIVATED", "APPROVER_DEACTIVATED");

		check(team.as(team.admin()).delete("/api/v1/users/" + team.member().username()), 204);

		JsonNode health = check(manager.get(team.path("/health")), 200).json();
		JsonNode owner = health.get("findings")
			.valueStream()
			.filter(f -> f.get("code").asString().equals("MILESTONE_OWNER_DEACTIVATED"))
			.findFirst()
			.orElseThrow();
		assertThat(owner.get("severity").asString()).isEqualTo("PROBLEM");
		assertThat(owner.get("message").asString()).contains("'Data centre exit'",
				"owned by " + team.member().username(), "deactivated");
		assertThat(owner.get("fix").asString()).contains("Name an active project member as the owner");
		assertThat(codes(team)).contains("APPROVER_DEACTIVATED");
	}

	private static List<String> codes(Teams.Team team) {
		return check(team.as(team.manager()).get(team.path("/health")), 200).json().get("findings")
			.valueStream()
			.map(f -> f.get("code").asString())
			.toList();
	}

	@Test
	void outsidersDoNotLearnTheProjectExists() {
		Teams.Team team = teams.team(Api.at(port));

		Api.Response refused = team.as(team.outsider()).get(team.path("/health"));

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(team.as(team.admin()).get(team.path("/health")).status()).isEqualTo(200);
	}

}
