package dev.milepost.plan;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of plan change through the API moves the project's plan version by exactly one (one
 * transaction, however much it changes); reads and refused changes leave it alone.
 */
@MilepostTest
class PlanVersionsTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	PlanVersions versions;

	@Autowired
	PlanQueries plans;

	Teams.Team team;

	Api manager;

	UUID projectId;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager()).withoutStatusRecompute();
		projectId = plans.projectId(team.key()).orElseThrow();
	}

	@Test
	void everyKindOfPlanChangeBumpsTheVersionOnce() {
		assertThat(versions.version(projectId)).as("a new project has a version").isPositive();
		String task = bumpsOnce("create a task",
				() -> id(check(manager.post(team.path("/tasks"), Teams.task("Design")), 201)));
		bumpsOnce("change a duration", () -> check(manager.patch(team.path("/tasks/" + task),
				Map.of("durationDays", 8), manager.get(team.path("/tasks/" + task)).etag()), 200));
		bumpsOnce("report progress", () -> check(manager.patch(team.path("/tasks/" + task),
				Map.of("percentComplete", 40, "actualStart", "2026-03-02"), manager.get(team.path("/tasks/" + task)).etag()),
				200));
		String milestone = bumpsOnce("create a milestone", () -> id(check(manager.post(team.path("/milestones"),
				Teams.milestone("Signed off", team.manager(), Teams.ownerConfirmation())), 201)));
		bumpsOnce("move a target", () -> check(manager.patch(team.path("/milestones/" + milestone),
				Map.of("targetDate", "2026-05-29"), manager.get(team.path("/milestones/" + milestone)).etag()), 200));
		String link = bumpsOnce("link them", () -> id(check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201)));
		bumpsOnce("change a lag", () -> check(manager.patch(team.path("/dependencies/" + link), Map.of("lagDays", 2),
				manager.get(team.path("/dependencies/" + link)).etag()), 200));
		bumpsOnce("move the project's dates", () -> check(
				manager.patch(team.path(""), Map.of("targetFinish", "2026-12-30"), manager.get(team.path("")).etag()),
				200));
		bumpsOnce("change the project's calendar and holidays", () -> check(manager.patch(team.path(""),
				Map.of("calendar", Map.of("workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"),
						"holidays", List.of(Map.of("date", "2026-03-05", "name", "Company day")))),
				manager.get(team.path("")).etag()), 200));
		bumpsOnce("a bulk change of several tasks and a link", () -> check(manager.post(team.path("/plan/changes"),
				Map.of("operations", List.of(
						Map.of("op", "create", "type", "task", "ref", "a", "value", Map.of("name", "A", "durationDays", 2)),
						Map.of("op", "create", "type", "task", "ref", "b", "value", Map.of("name", "B", "durationDays", 3)),
						Map.of("op", "create", "type", "dependency", "value",
								Map.of("predecessor", Map.of("ref", "a"), "successor", Map.of("ref", "b"), "type", "FS",
										"lagDays", 0))))),
				200));
		bumpsOnce("achieve a milestone", () -> check(manager.post(team.path("/milestones/" + milestone + "/achievement"),
				Map.of("evidence", "Signed", "acknowledgeOpenWork", true)), 200));
		bumpsOnce("remove a link", () -> check(manager.delete(team.path("/dependencies/" + link)), 204));
		bumpsOnce("remove a task", () -> check(manager.delete(team.path("/tasks/" + task)), 204));
		Api admin = team.as(team.admin()).withoutStatusRecompute();
		Api.Response calendar = admin.get("/api/v1/workspace/calendar");
		Map<String, Object> same = new HashMap<>();
		same.put("workingDays", calendar.json().get("workingDays").valueStream().map(JsonNode::asString).toList());
		bumpsOnce("change the workspace calendar",
				() -> check(admin.patch("/api/v1/workspace/calendar", same, calendar.etag()), 200));
	}

	@Test
	void readsAndRefusedChangesLeaveTheVersionAlone() {
		String task = id(check(manager.post(team.path("/tasks"), Teams.task("Design")), 201));
		long before = versions.version(projectId);

		check(manager.get(team.path("/tasks")), 200);
		check(manager.get(team.path("/tasks/" + task)), 200);
		check(manager.get(team.path("/schedule")), 200);
		check(manager.get(team.path("/milestone-status")), 200);
		check(manager.get(team.path("")), 200);
		Api.Response refused = manager.patch(team.path("/tasks/" + task), Map.of("durationDays", -3),
				manager.get(team.path("/tasks/" + task)).etag());
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		Api.Response stale = manager.patch(team.path("/tasks/" + task), Map.of("durationDays", 3), "\"99\"");
		assertThat(stale.status()).as(stale.body()).isIn(409, 412);

		assertThat(versions.version(projectId)).isEqualTo(before);
		assertThat(manager.get(team.path("/tasks/" + task)).json().get("durationDays").asInt()).isEqualTo(5);
	}

	@Test
	void aChangeInOneProjectLeavesAnothersVersionAlone() {
		Teams.Team other = teams.team(Api.at(port));
		UUID otherId = plans.projectId(other.key()).orElseThrow();
		long before = versions.version(otherId);

		check(manager.post(team.path("/tasks"), Teams.task("Design")), 201);

		assertThat(versions.version(otherId)).isEqualTo(before);
	}

	private <T> T bumpsOnce(String change, Supplier<T> doing) {
		long before = versions.version(projectId);
		T result = doing.get();
		assertThat(versions.version(projectId)).as(change).isEqualTo(before + 1);
		return result;
	}

	private static String id(Api.Response response) {
		return response.json().get("id").asString();
	}

}
