package dev.milepost.notification;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each person chooses the channels per kind of notification, and a daily digest for e-mail. */
@MilepostTest
class PreferencesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Test
	void untilSomeoneChoosesEverythingComesInAppAndByEmailOneByOne() {
		Teams.Team team = teams.team(Api.at(port));
		JsonNode preferences = check(team.as(team.member()).get("/api/v1/me/notification-preferences"), 200).json();
		assertThat(preferences.get("emailDigest").asString()).isEqualTo("OFF");
		for (String kind : List.of("MILESTONE_AT_RISK", "MILESTONE_MISSED", "MILESTONE_ACHIEVED",
				"MILESTONE_REMINDER", "TASK_REMINDER")) {
			assertThat(preferences.get("channels").get(kind).values()).extracting(JsonNode::asString)
				.containsExactlyInAnyOrder("IN_APP", "EMAIL");
		}
		assertThat(preferences.get("channels").has("DIGEST")).isFalse();
	}

	@Test
	void aKindTurnedOffInAppNoLongerReachesTheInboxWhileOthersStillDo() {
		Teams.Team team = teams.team(Api.at(port));
		JsonNode saved = check(team.as(team.stakeholder()).send("PUT", "/api/v1/me/notification-preferences",
				Map.of("channels", Map.of("MILESTONE_ACHIEVED", List.of("EMAIL")), "emailDigest", "DAILY"), Map.of()),
				200).json();
		assertThat(saved.get("channels").get("MILESTONE_ACHIEVED").values()).extracting(JsonNode::asString)
			.containsExactly("EMAIL");
		assertThat(saved.get("channels").get("MILESTONE_MISSED")).hasSize(2);
		assertThat(saved.get("emailDigest").asString()).isEqualTo("DAILY");
		assertThat(check(team.as(team.stakeholder()).get("/api/v1/me/notification-preferences"), 200).json())
			.isEqualTo(saved);

		Projects.achieve(team, team.manager(), Projects.milestone(team, "Archive retired", team.manager(),
				Projects.today().plusDays(20)));

		background.drain();
		assertThat(Notifications.count(team, team.approver(), "MILESTONE_ACHIEVED")).isEqualTo(1);
		assertThat(Notifications.count(team, team.stakeholder(), "MILESTONE_ACHIEVED")).isZero();
	}

}
