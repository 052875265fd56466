package dev.milepost.notification;

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

/** Approvers hear they are asked, and the manager hears the decision, in their inboxes. */
@MilepostTest
class ApprovalNotificationTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void theApproverIsAskedAndTheManagerHearsTheDecision() {
		Teams.Team team = teams.team(Api.at(port));
		Api.Response opened = team.as(team.manager()).post(team.path("/approvals"), Map.of("title",
				"Go-live checklist", "subject", Map.of("kind", "FREE"), "approvers",
				List.of(Map.of("role", "APPROVER")), "dueDate",
				LocalDate.now(ZoneOffset.UTC).plusDays(5).toString()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode asked = Notifications.waitFor(team, team.approver(), "APPROVAL_REQUESTED");
		assertThat(asked.get("title").asString()).contains("Go-live checklist");
		assertThat(asked.get("text").asString()).contains(team.manager().username());

		String id = opened.json().get("id").asString();
		check(team.as(team.approver()).post(team.path("/approvals/" + id + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "All green")), 200);
		JsonNode decided = Notifications.waitFor(team, team.manager(), "APPROVAL_DECIDED");
		assertThat(decided.get("text").asString()).contains("All green").contains("approved");
		assertThat(Notifications.count(team, team.stakeholder(), "APPROVAL_REQUESTED")).isZero();
	}

}
