package dev.milepost.automation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import dev.milepost.notification.Channel;
import dev.milepost.notification.Notices;
import dev.milepost.plan.PlanQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What other modules offer automation: notices with an idempotency key and a way back to their
 * run, the system actor nobody can sign in as or change, and each project's time zone.
 */
@MilepostTest
class AutomationEntryPointsTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Notices notices;

	@Autowired
	PlanQueries plans;

	@Test
	void aNoticeSentTwiceWithOneKeyArrivesOnceAndItsInboxItemLeadsToWhy() {
		Teams.Team team = teams.team(Api.at(port));
		UUID project = plans.projectId(team.key()).orElseThrow();
		String key = "automation:" + UUID.randomUUID() + ":0";
		Notices.Send send = new Notices.Send(key, project, team.key(), null, null, "Check the cut-over plan",
				"Check the cut-over plan today.", Map.of("automationRunId", "r"), List.of(team.member().username()),
				Set.of(Channel.IN_APP), Instant.now());
		UUID first = notices.send(send).id();
		UUID second = notices.send(send).id();
		assertThat(second).isEqualTo(first);

		Api member = team.as(team.member());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> check(member.get("/api/v1/me/notifications"), 200).json().get("totalItems").asLong() >= 1);
		JsonNode items = check(member.get("/api/v1/me/notifications"), 200).json().get("items");
		assertThat(items).hasSize(1);
		JsonNode item = items.get(0);
		assertThat(item.get("kind").asString()).isEqualTo("AUTOMATION");
		assertThat(item.get("causedBy").asString())
			.isEqualTo("/api/v1/projects/" + team.key() + "/automation/why?type=notification&id=" + first);
	}

	@Test
	void theSystemActorIsNoPersonToListChangeOrSignInAs() {
		Teams.Team team = teams.team(Api.at(port));
		Api admin = team.as(team.admin());
		JsonNode found = check(admin.get("/api/v1/users?q=automation&size=500"), 200).json();
		assertThat(found.get("items").findValuesAsString("username")).doesNotContain("automation");
		check(admin.patch("/api/v1/users/automation", Map.of("enabled", true), "\"0\""), 404);
		check(Api.at(port).withBasic("automation", "automation-password").get("/api/v1/me"), 401);
	}

	@Test
	void aProjectFollowsTheWorkspaceZoneUntilItsManagerSetsOneAndABadZoneIsRefused() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		Api.Response read = check(manager.get(team.path("")), 200);
		assertThat(read.json().get("timeZone").asString()).isEqualTo("UTC");

		Api.Response refused = manager.patch(team.path(""), Map.of("timeZone", "Mars/Olympus"), read.etag());
		check(refused, 422);
		assertThat(refused.body()).contains("timeZone");
		assertThat(check(manager.get(team.path("")), 200).etag()).isEqualTo(read.etag());

		Api.Response changed = check(manager.patch(team.path(""), Map.of("timeZone", "Europe/Berlin"), read.etag()),
				200);
		assertThat(changed.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
		Api.Response back = check(manager.patch(team.path(""), java.util.Collections.singletonMap("timeZone", null),
				changed.etag()), 200);
		assertThat(back.json().get("timeZone").asString()).isEqualTo("UTC");
	}

}
