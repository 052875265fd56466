package dev.milepost.plan.change;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/projects/{key}/copy}: a project as the template of a new one. */
@MilepostTest
class ProjectCopyApiTests {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	Api manager;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
	}

	private static String freshKey() {
		String key = "K" + Integer.toString(COUNTER.incrementAndGet() * 7919 + (int) (System.nanoTime() % 100000), 36)
			.toUpperCase();
		return key.length() > 10 ? key.substring(0, 10) : key;
	}

	private String task(String name, String plannedStart, String... assignees) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "durationDays", 5, "plannedStart", plannedStart,
				"assignees", List.of(assignees)));
		return check(manager.post(team.path("/tasks"), body), 201).json().get("id").asString();
	}

	private String milestone(String name, String target, String owner) {
		return check(manager.post(team.path("/milestones"), Map.of("name", name, "targetDate", target, "owner", owner,
				"criterion", Teams.ownerConfirmation(), "tags", List.of("wave-1"))), 201).json().get("id").asString();
	}

	private static Map<String, JsonNode> byName(JsonNode page) {
		Map<String, JsonNode> items = new HashMap<>();
		page.get("items").forEach(item -> items.put(item.get("name").asString(), item));
		return items;
	}

	@Test
	void aManagerCopiesThePlanLinksAndCalendarMovedToTheNewStartButNoProgressOrBaselines() {
		String design = task("Design", "2026-01-05", team.manager().username(), team.member().username());
		String build = task("Build", "2026-01-12", team.member().username());
		String live = milestone("Live", "2026-03-02", team.member().username());
		milestone("Signed off", "2026-03-16", team.approver().username());
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", design, "successor", build, "type", "FS", "lagDays", 1)), 201);
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", build, "successor", live, "type", "SS", "lagDays", 0)), 201);
		Api.Response project = check(manager.get(team.path("")), 200);
		check(manager.patch(team.path(""), Map.of("calendar", Map.of("workingDays",
				List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"))), project.etag()), 200);
		Api.Response designRead = check(manager.get(team.path("/tasks/" + design)), 200);
		check(manager.patch(team.path("/tasks/" + design), Map.of("percentComplete", 40, "actualStart", "2026-01-05"),
				designRead.etag()), 200);
		check(manager.post(team.path("/baselines"), Map.of("name", "Original")), 201);

		String key = freshKey();
		Api.Response copied = check(manager.post(team.path("/copy"),
				Map.of("key", key, "name", "Wave 2", "start", "2026-02-02")), 201);
		assertThat(copied.header("Location")).isEqualTo("/api/v1/projects/" + key);
		JsonNode view = copied.json();
		assertThat(view.get("name").asString()).isEqualTo("Wave 2");
		assertThat(view.get("manager").asString()).isEqualTo(team.manager().username());
		assertThat(view.get("sponsor").asString()).isEqualTo(team.approver().username());
		// the start moves 28 days: so does the target finish, and every date of the plan
		assertThat(view.get("start").asString()).isEqualTo("2026-02-02");
		assertThat(view.get("targetFinish").asString()).isEqualTo("2027-01-15");
		assertThat(view.get("calendar").get("workingDays")).hasSize(4);

		String copy = "/api/v1/projects/" + key;
		Map<String, JsonNode> tasks = byName(check(manager.get(copy + "/tasks"), 200).json());
		assertThat(tasks).containsOnlyKeys("Design", "Build");
		assertThat(tasks.get("Design").get("plannedStart").asString()).isEqualTo("2026-02-02");
		assertThat(tasks.get("Design").get("percentComplete").asInt()).isZero();
		assertThat(tasks.get("Design").get("actualStart").isNull()).isTrue();
		// the member is no member of the copy: left off; the copier stays assigned
		assertThat(tasks.get("Design").get("assignees").toString()).contains(team.manager().username())
			.doesNotContain(team.member().username());
		assertThat(tasks.get("Build").get("assignees")).isEmpty();
		assertThat(tasks.get("Build").get("plannedStart").asString()).isEqualTo("2026-02-09");

		Map<String, JsonNode> milestones = byName(check(manager.get(copy + "/milestones"), 200).json());
		assertThat(milestones.get("Live").get("targetDate").asString()).isEqualTo("2026-03-30");
		assertThat(milestones.get("Live").get("owner").asString()).isEqualTo(team.manager().username());
		assertThat(milestones.get("Live").get("tags").toString()).contains("wave-1");
		assertThat(milestones.get("Signed off").get("owner").asString()).isEqualTo(team.approver().username());

		List<String> links = new ArrayList<>();
		check(manager.get(copy + "/dependencies"), 200).json().get("items").forEach(link -> links.add(
				link.get("predecessor").get("name").asString() + " " + link.get("type").asString() + "+"
						+ link.get("lagDays").asInt() + " " + link.get("successor").get("name").asString()));
		assertThat(links).containsExactlyInAnyOrder("Design FS+1 Build", "Build SS+0 Live");
		assertThat(check(manager.get(copy + "/baselines"), 200).json()).isEmpty();
		// the original is as it was
		assertThat(check(manager.get(team.path("/tasks")), 200).json().get("totalItems").asInt()).isEqualTo(2);
	}

	@Test
	void onlyTheOriginalsManagersCopyItAndARefusedCopyCreatesNothing() {
		task("Design", "2026-01-05");
		String key = freshKey();
		Map<String, Object> body = Map.of("key", key, "name", "Wave 2", "start", "2026-02-02");
		check(team.as(team.member()).post(team.path("/copy"), body), 403);
		check(team.as(team.stakeholder()).post(team.path("/copy"), body), 403);
		check(team.as(team.outsider()).post(team.path("/copy"), body), 404);
		check(team.as(team.admin()).get("/api/v1/projects/" + key), 404);

		JsonNode taken = check(manager.post(team.path("/copy"),
				Map.of("key", team.key(), "name", "Again", "start", "2026-02-02")), 409).json();
		assertThat(taken.toString()).contains("is taken");
		check(manager.post(team.path("/copy"), Map.of("key", "bad key", "name", "Wave 2", "start", "2026-02-02")), 422);
		assertThat(check(manager.post(team.path("/copy"), Map.of("key", key, "name", "")), 422).json().get("errors")
			.toString()).contains("\"field\":\"name\"", "\"field\":\"start\"");
		check(team.as(team.admin()).get("/api/v1/projects/" + key), 404);
	}

}
