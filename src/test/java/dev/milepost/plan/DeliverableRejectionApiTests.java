package dev.milepost.plan;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A deliverable's acceptor rejects it with a reason; it stays open to be reworked and accepted. */
@MilepostTest
class DeliverableRejectionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	Api manager;

	Api acceptor;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
		acceptor = team.as(team.approver());
	}

	@Test
	void theAcceptorRejectsWithAReasonAndLaterAcceptsTheReworkedDeliverable() {
		String milestone = check(manager.post(team.path("/milestones"), Teams.milestone("Runbook signed off",
				team.manager(), Map.of("kind", "DELIVERABLE_ACCEPTED", "text", "The runbook is accepted"))), 201)
			.json().get("id").asString();
		String deliverable = check(manager.post(team.path("/deliverables"), Map.of("name", "Operations runbook",
				"acceptor", team.approver().username(), "milestone", milestone)), 201).json().get("id").asString();
		String path = team.path("/deliverables/" + deliverable);

		assertThat(manager.post(path + "/rejection", Map.of("reason", "Not good")).status()).isEqualTo(403);
		Api.Response noReason = acceptor.post(path + "/rejection", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

		Api.Response rejected = acceptor.post(path + "/rejection", Map.of("reason", "The rollback steps are missing"));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rejected.etag()).isNotBlank();
		JsonNode view = rejected.json();
		assertThat(view.get("accepted").asBoolean()).isFalse();
		assertThat(view.get("rejections")).hasSize(1);
		assertThat(view.get("rejections").get(0).get("by").asString()).isEqualTo(team.approver().username());
		assertThat(view.get("rejections").get(0).get("reason").asString()).isEqualTo("The rollback steps are missing");
		assertThat(view.get("rejections").get(0).get("at").asString()).isNotBlank();
		assertThat(manager.get(team.path("/milestones/" + milestone)).json().get("achieved").asBoolean()).isFalse();

		check(acceptor.post(path + "/rejection", Map.of("reason", "Rollback still untested")), 200);
		check(acceptor.post(path + "/acceptance", Map.of("note", "Rollback rehearsed on the 3rd")), 200);
		JsonNode accepted = manager.get(path).json();
		assertThat(accepted.get("accepted").asBoolean()).isTrue();
		assertThat(accepted.get("rejections")).hasSize(2);
		assertThat(manager.get(team.path("/milestones/" + milestone)).json().get("achieved").asBoolean()).isTrue();

		Api.Response afterAcceptance = acceptor.post(path + "/rejection", Map.of("reason", "Changed my mind"));
		assertThat(afterAcceptance.status()).isEqualTo(409);
		JsonNode audit = manager.get(team.path("/audit?entityType=deliverable&size=100")).json();
		assertThat(audit.get("items").valueStream().map(entry -> entry.get("action").asString())).contains("rejected");
	}

}
