package dev.milepost.plan.task;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The task list filters and orders on the tasks' own columns and reads whole tasks only for the
 * page it returns: each filter, the order (planned start, then name, then id), the pages and the
 * assignees on every row.
 */
@MilepostTest
class TaskListApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void filtersOrderAndPagesTheTasksWithTheirAssignees() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		create(manager, team, "Write runbook", "2026-03-09", null, team.member());
		create(manager, team, "Build interfaces", "2026-03-02", Map.of("percentComplete", 40), team.member(),
				team.manager());
		create(manager, team, "Archive old data", "2026-03-02", Map.of("actualStart", "2026-03-02", "actualFinish",
				"2026-03-04"));
		create(manager, team, "Plan cut-over", null, null, team.manager());
		create(manager, team, "build test data", "2026-03-02", null);

		// planned start first (none last), then name as written, then id
		assertThat(names(manager.get(team.path("/tasks"))))
			.containsExactly("Archive old data", "Build interfaces", "build test data", "Write runbook", "Plan cut-over");

		JsonNode page = check(manager.get(team.path("/tasks?size=2&page=1")), 200).json();
		assertThat(names(page)).containsExactly("build test data", "Write runbook");
		assertThat(page.get("totalItems").asLong()).isEqualTo(5);
		assertThat(names(manager.get(team.path("/tasks?size=2&page=3")))).isEmpty();

		assertThat(names(manager.get(team.path("/tasks?q=BUILD")))).containsExactly("Build interfaces", "build test data");
		assertThat(names(manager.get(team.path("/tasks?assignee=" + team.member().username()))))
			.containsExactly("Build interfaces", "Write runbook");
		assertThat(names(manager.get(team.path("/tasks?assignee=nobody-of-that-name")))).isEmpty();
		assertThat(names(manager.get(team.path("/tasks?state=IN_PROGRESS")))).containsExactly("Build interfaces");
		assertThat(names(manager.get(team.path("/tasks?state=DONE")))).containsExactly("Archive old data");
		assertThat(names(manager.get(team.path("/tasks?state=NOT_STARTED&q=t&assignee=" + team.manager().username()))))
			.containsExactly("Plan cut-over");

		JsonNode build = check(manager.get(team.path("/tasks?q=interfaces")), 200).json().get("items").get(0);
		assertThat(build.get("assignees").valueStream().map(JsonNode::asString))
			.containsExactly(team.manager().username(), team.member().username()).isSorted();
		assertThat(build.get("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(build.get("plannedFinish").asString()).isEqualTo("2026-03-06");
	}

	@Test
	void aBadPageOrStateIsRefused() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		assertThat(manager.get(team.path("/tasks?size=501")).status()).isEqualTo(400);
		assertThat(manager.get(team.path("/tasks?page=-1")).status()).isEqualTo(400);
		assertThat(manager.get(team.path("/tasks?state=FINISHED")).status()).isEqualTo(400);
	}

	private static void create(Api manager, Teams.Team team, String name, String plannedStart,
			Map<String, Object> progress, dev.milepost.People.Person... assignees) {
		Map<String, Object> task = new HashMap<>(Teams.task(name, assignees));
		if (plannedStart == null) {
			task.remove("plannedStart");
		}
		else {
			task.put("plannedStart", plannedStart);
		}
		if (progress != null) {
			task.putAll(progress);
		}
		check(manager.post(team.path("/tasks"), task), 201);
	}

	private static List<String> names(Api.Response response) {
		return names(check(response, 200).json());
	}

	private static List<String> names(JsonNode page) {
		return page.get("items").valueStream().map(task -> task.get("name").asString()).toList();
	}

}
