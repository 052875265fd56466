package dev.milepost.automation;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The default blueprint hands a go-live over to IT operations however the go-live is achieved:
 * by its approver directly, or through an approval request. Both raise the same events.
 */
@MilepostTest
class GoLiveHandoverTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	@Test
	void aGoLiveAchievedDirectlyByItsApproverStartsTheHandover() {
		String golive = goLive();
		check(team.as(team.approver()).post(team.path("/milestones/" + golive + "/achievement"),
				Map.of("evidence", "Cut over, smoke tests green")), 200);
		assertThat(handover().get("status").asString()).isEqualTo("RUNNING");
	}

	@Test
	void aGoLiveAchievedThroughAnApprovalRequestStartsTheHandover() {
		String golive = goLive();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Approve go-live");
		body.put("subject", Map.of("kind", "MILESTONE", "id", golive));
		body.put("approvers", List.of(Map.of("username", team.approver().username())));
		body.put("dueDate", today().plusDays(3).toString());
		String request = check(team.as(team.manager()).post(team.path("/approvals"), body), 201).json().get("id")
			.asString();
		check(team.as(team.approver()).post(team.path("/approvals/" + request + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "Go")), 200);
		assertThat(handover().get("status").asString()).isEqualTo("RUNNING");
	}

	private String goLive() {
		Map<String, Object> body = new LinkedHashMap<>(Teams.milestone("Go-live", team.manager(),
				Map.of("kind", "APPROVAL_BY_PERSON", "text", "The approver approves go-live", "approver",
						team.approver().username())));
		body.put("targetDate", today().plusDays(60).toString());
		body.put("tags", List.of("go-live"));
		return check(team.as(team.manager()).post(team.path("/milestones"), body), 201).json().get("id").asString();
	}

	/** The handover process the default blueprint's rule started, once the background work is done. */
	private JsonNode handover() {
		JsonNode processes = check(team.as(team.manager()).drainBackground().get(team.path("/processes")), 200).json();
		return processes.valueStream()
			.filter(p -> p.get("name").asString().equals("IT operations handover for Go-live"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no IT operations handover was started: " + processes));
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
