package dev.milepost.plan;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MilepostTest
class ProjectApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	@Test
	void aProjectCalendarOverridesTheWorkingDaysAndAddsHolidaysToTheWorkspaces() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		Api.Response project = manager.get(team.path(""));
		check(manager.patch(team.path(""), Map.of("calendar", Map.of("workingDays",
				List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"), "holidays",
				List.of(Map.of("date", "2026-03-05", "name", "Company day")))), project.etag()), 200);

		JsonNode calendar = manager.get(team.path("")).json().get("effectiveCalendar");
		assertThat(calendar.get("workingDays").valueStream().map(JsonNode::asString))
			.containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY");
		assertThat(calendar.get("holidays").valueStream().map(h -> h.get("date").asString()))
			.contains("2026-03-05");

		// five working days from Monday 2 March: Mon, Tue, Wed, (Thu 5 off, Fri-Sun off) Mon 9, Tue 10
		JsonNode task = check(manager.post(team.path("/tasks"), Teams.task("Cut over")), 201).json();
		assertThat(task.get("plannedFinish").asString()).isEqualTo("2026-03-10");
	}

	@Test
	void theTargetFinishMustFollowTheStartAndTheKeyNeverChanges() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String etag = manager.get(team.path("")).etag();
		Api.Response backwards = manager.patch(team.path(""), Map.of("targetFinish", "2025-12-31"), etag);
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("targetFinish");
		Api.Response rekey = manager.patch(team.path(""), Map.of("key", "OTHER"), etag);
		assertThat(rekey.status()).isEqualTo(422);
		assertThat(manager.get(team.path("")).etag()).isEqualTo(etag);
	}

	@Test
	void aProjectKeepsAtLeastOneManagerAndNobodyLeavesWithDutiesOpen() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String path = team.path("/members/" + team.manager().username());
		Api.Response demoted = manager.patch(path, Map.of("role", "MEMBER"), manager.get(path).etag());
		assertThat(demoted.status()).isEqualTo(422);
		assertThat(demoted.json().get("detail").asString()).contains("at least one manager");

		check(manager.post(team.path("/tasks"), Teams.task("Train the service desk", team.member())), 201);
		Api.Response leaving = manager.delete(team.path("/members/" + team.member().username()));
		assertThat(leaving.status()).isEqualTo(409);
		assertThat(leaving.json().get("detail").asString()).contains("assignee of 1 task(s)");
	}

	@Test
	void aDeactivatedMemberLeavesWithTheirTasksTakenOffThemOnTheRecord() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		People.Person leaver = people.person("Leaver");
		check(manager.post(team.path("/members"), Map.of("username", leaver.username(), "role", "MEMBER")), 201);
		String task = check(manager.post(team.path("/tasks"), Teams.task("Train the service desk", leaver, team.member())),
				201).json().get("id").asString();
		String owned = check(manager.post(team.path("/milestones"),
				Teams.milestone("Service desk live", leaver, Teams.ownerConfirmation())), 201).json().get("id").asString();
		check(team.as(team.admin()).delete("/api/v1/users/" + leaver.username()), 204);

		// what they still answer for is handed over first; their tasks are not in the way
		Api.Response owning = manager.delete(team.path("/members/" + leaver.username()));
		assertThat(owning.status()).as(owning.body()).isEqualTo(409);
		assertThat(owning.json().get("detail").asString()).contains("owner of 1 milestone(s) not achieved yet")
			.doesNotContain("task");
		Api.Response milestone = manager.get(team.path("/milestones/" + owned));
		check(manager.patch(team.path("/milestones/" + owned), Map.of("owner", team.manager().username()),
				milestone.etag()), 200);

		Api.Response left = manager.delete(team.path("/members/" + leaver.username()));
		assertThat(left.status()).as(left.body()).isEqualTo(204);
		assertThat(manager.get(team.path("/tasks/" + task)).json().get("assignees").valueStream()
			.map(JsonNode::asString)).containsExactly(team.member().username());
		JsonNode unassigned = manager.get(team.path("/audit?entityType=task&action=unassigned")).json().get("items")
			.get(0);
		assertThat(unassigned.get("entityId").asString()).isEqualTo(task);
		assertThat(unassigned.get("before").get("assignees").toString()).contains(leaver.username());
		assertThat(unassigned.get("after").get("assignees").toString()).doesNotContain(leaver.username());
		assertThat(manager.get(team.path("/members/" + leaver.username())).status()).isEqualTo(404);
	}

	@Test
	void aMilestoneWhoseOwnerWasDeactivatedCanStillBeEditedAndHandedOver() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String id = check(manager.post(team.path("/milestones"),
				Teams.milestone("Cut-over", team.member(), Teams.ownerConfirmation())), 201).json().get("id").asString();
		check(team.as(team.admin()).delete("/api/v1/users/" + team.member().username()), 204);
		Api.Response read = manager.get(team.path("/milestones/" + id));
		Api.Response described = manager.patch(team.path("/milestones/" + id), Map.of("description", "Weekend 3"),
				read.etag());
		assertThat(described.status()).as(described.body()).isEqualTo(200);
		Api.Response toSomeoneGone = manager.patch(team.path("/milestones/" + id),
				Map.of("criterion", Map.of("kind", "APPROVAL_BY_PERSON", "text", "Approved", "approver",
						team.member().username())), described.etag());
		assertThat(toSomeoneGone.status()).as("a deactivated person is named nowhere new").isEqualTo(422);
	}

	@Test
	void someoneOutsideAProjectCannotBeGivenWorkInIt() {
		Teams.Team team = teams.team(Api.at(port));
		Api.Response refused = team.as(team.manager()).post(team.path("/tasks"),
				Teams.task("Configure SSO", team.outsider()));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("assignees[0]");
	}

	@Test
	void aMemberReportsProgressOnTheirTaskButCannotReplanIt() {
		Teams.Team team = teams.team(Api.at(port));
		String id = check(team.as(team.manager()).post(team.path("/tasks"),
				Teams.task("Configure bank interfaces", team.member())), 201).json().get("id").asString();
		Api member = team.as(team.member());
		String path = team.path("/tasks/" + id);
		Api.Response replanned = member.patch(path, Map.of("durationDays", 2), member.get(path).etag());
		assertThat(replanned.status()).isEqualTo(403);
		assertThat(replanned.json().get("errors").get(0).get("field").asString()).isEqualTo("durationDays");
		Api.Response progress = member.patch(path, Map.of("percentComplete", 30, "actualStart", "2026-03-02"),
				member.get(path).etag());
		assertThat(progress.status()).isEqualTo(200);
		assertThat(progress.json().get("state").asString()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void deletingAProjectThatHoldsAPlanNeedsToSaySo() {
		Teams.Team team = teams.team(Api.at(port));
		check(team.as(team.manager()).post(team.path("/goals"), Map.of("outcome", "Faster close")), 201);
		Api admin = team.as(team.admin());
		Api.Response refused = admin.delete(team.path(""));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("1 goals");
		assertThat(admin.delete(team.path("?removeContents=true")).status()).isEqualTo(204);
		assertThat(admin.get(team.path("")).status()).isEqualTo(404);
		assertThat(admin.get(team.path("/audit")).status()).isEqualTo(404);
		Api.Response reused = admin.post("/api/v1/projects", Map.of("key", team.key(), "name", "Same key",
				"sponsor", team.manager().username(), "manager", team.manager().username(), "start", "2026-01-05",
				"targetFinish", "2026-06-30"));
		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.json().get("detail").asString()).contains("deleted project");
	}

	@Test
	void whetherAKeyIsTakenIsToldOnlyToSomeoneAllowedToCreateThatProject() {
		Teams.Team team = teams.team(Api.at(port));
		Api member = team.as(team.member());
		Map<String, Object> forSomeoneElse = Map.of("key", team.key(), "name", "Same key", "sponsor",
				team.manager().username(), "manager", team.manager().username(), "start", "2026-01-05", "targetFinish",
				"2026-06-30");
		Api.Response refused = member.post("/api/v1/projects", forSomeoneElse);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("taken");

		Map<String, Object> ownProject = new java.util.HashMap<>(forSomeoneElse);
		ownProject.put("manager", team.member().username());
		Api.Response taken = member.post("/api/v1/projects", ownProject);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("detail").asString()).contains("is taken");
	}

	@Test
	void everyChangeIsOnTheProjectsAuditRecordWithWhoAndWhat() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String id = check(manager.post(team.path("/tasks"), Teams.task("Load balances")), 201).json().get("id")
			.asString();
		String path = team.path("/tasks/" + id);
		check(manager.patch(path, Map.of("durationDays", 8), manager.get(path).etag()), 200);
		JsonNode entries = team.as(team.stakeholder()).get(team.path("/audit?entityId=" + id)).json().get("items");
		assertThat(entries).hasSize(2);
		JsonNode update = entries.get(0);
		assertThat(update.get("action").asString()).isEqualTo("updated");
		assertThat(update.get("actor").asString()).isEqualTo(team.manager().username());
		assertThat(update.get("changes").get("durationDays").get("before").asInt()).isEqualTo(5);
		assertThat(update.get("changes").get("durationDays").get("after").asInt()).isEqualTo(8);
	}

}
