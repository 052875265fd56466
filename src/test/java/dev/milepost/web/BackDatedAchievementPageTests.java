package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The milestone page's "achieved on" field: for the owner or a manager, refusals in place, the record marked. */
@MilepostTest
class BackDatedAchievementPageTests {

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
	void theOwnerGivesTheDayItHappenedAndThePageShowsItBackDated() {
		String id = milestone("Environment live", Teams.ownerConfirmation());
		String page = "/projects/" + team.key() + "/milestones/" + id;
		PageSession owner = PageSession.signIn(port, team.manager());
		assertThat(owner.get(page).body()).contains("id=\"achieved-on\"", "name=\"achievedOn\"",
				"min=\"2026-01-05\"", "max=\"" + LocalDate.now(ZoneOffset.UTC) + "\"");

		HttpResponse<String> typo = owner.postFromHtmx(page + "/achievement",
				Map.of("evidence", "Smoke test passed", "achievedOn", "2026-02-30"));
		assertThat(typo.statusCode()).isEqualTo(422);
		assertThat(typo.body()).contains("outcome refused", "The day it was achieved is not a date like");
		HttpResponse<String> future = owner.postFromHtmx(page + "/achievement", Map.of("evidence", "Smoke test passed",
				"achievedOn", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()));
		assertThat(future.statusCode()).isEqualTo(422);
		assertThat(future.body()).contains("cannot be recorded for a day to come");
		assertThat(owner.get(page).body()).contains("Not achieved yet.");

		HttpResponse<String> done = owner.postFromHtmx(page + "/achievement",
				Map.of("evidence", "Smoke test passed", "achievedOn", "2026-03-02"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Recorded as achieved.");
		assertThat(owner.get(page).body()).contains("id=\"back-dated\"", "Back-dated: achieved on",
				"<span>2026-03-02</span>", "2026-03-02 12:00");
	}

	@Test
	void theApproverMayApproveButIsNotOfferedTheDate() {
		String id = milestone("Go-live approved", Map.of("kind", "APPROVAL_BY_PERSON", "text",
				"The approver approves go-live", "approver", team.approver().username()));
		String page = "/projects/" + team.key() + "/milestones/" + id;
		PageSession approver = PageSession.signIn(port, team.approver());
		assertThat(approver.get(page).body()).contains("Approve it").doesNotContain("id=\"achieved-on\"");
		HttpResponse<String> forged = approver.postFromHtmx(page + "/achievement",
				Map.of("evidence", "Approved", "achievedOn", "2026-03-02"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(approver.get(page).body()).contains("Not achieved yet.");
	}

	private String milestone(String name, Map<String, Object> criterion) {
		return Teams.check(team.as(team.manager()).post(team.path("/milestones"),
				Teams.milestone(name, team.manager(), criterion)), 201).json().get("id").asString();
	}

}
