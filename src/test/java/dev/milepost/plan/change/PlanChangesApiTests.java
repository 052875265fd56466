package dev.milepost.plan.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Many plan changes in one request: in order, all or nothing, each under its single endpoint's rules. */
@MilepostTest
class PlanChangesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	Teams.Team team;

	Api manager;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
	}

	@Test
	void createsTasksMilestonesAndLinksThatReferToItemsMadeEarlierInTheList() {
		Api.Response response = manager.post(team.path("/plan/changes"), operations(
				task("design", "Design", 3, team.member().username()), task("build", "Build", 5, null),
				milestone("live", "Live"), link(ref("design"), ref("build")), link(ref("build"), ref("live"))));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode created = response.json().get("created");
		assertThat(created).hasSize(5);
		assertThat(created.get(1).get("ref").asString()).isEqualTo("build");
		String build = created.get(1).get("id").asString();
		JsonNode task = manager.get(team.path("/tasks/" + build)).json();
		assertThat(task.get("name").asString()).isEqualTo("Build");
		JsonNode links = manager.get(team.path("/dependencies")).json().get("items");
		assertThat(links).hasSize(2);
		assertThat(links).extracting(link -> link.get("predecessor").get("name").asString() + " → "
				+ link.get("successor").get("name").asString()).containsExactlyInAnyOrder("Design → Build", "Build → Live");
		JsonNode designTask = manager.get(team.path("/tasks/" + created.get(0).get("id").asString())).json();
		assertThat(designTask.get("assignees").get(0).asString()).isEqualTo(team.member().username());
	}

	@Test
	void itemsCreatedInBulkReadBackAsTheSingleEndpointsStoreThem() {
		Map<String, Object> task = Map.of("name", "Migrate", "description", "Move the ledgers", "durationDays", 4,
				"effortHours", 12.5, "assignees", List.of(team.member().username()), "percentComplete", 30,
				"plannedStart", "2026-03-02", "actualStart", "2026-03-03", "estimate",
				Map.of("optimistic", 3, "mostLikely", 4, "pessimistic", 8));
		Map<String, Object> byPerson = Map.of("name", "Signed off", "description", "The board signs", "targetDate",
				"2026-09-30", "owner", team.manager().username(), "tags", List.of("core", "q3"), "criterion",
				Map.of("kind", "APPROVAL_BY_PERSON", "text", "The sponsor signs", "approver",
				team.member().username()));
		Map<String, Object> byRole = Map.of("name", "Accepted", "targetDate", "2026-10-30", "owner",
				team.manager().username(), "criterion",
				Map.of("kind", "APPROVAL_BY_ROLE", "text", "An approver accepts", "role", "APPROVER"));
		Api.Response single = manager.post(team.path("/tasks"), task);
		Api.Response singleByPerson = manager.post(team.path("/milestones"), byPerson);
		Api.Response singleByRole = manager.post(team.path("/milestones"), byRole);
		Api.Response singleLink = manager.post(team.path("/dependencies"), Map.of("predecessor",
				id(single), "successor", id(singleByPerson), "type", "SS", "lagDays", -2));

		Api.Response bulk = manager.post(team.path("/plan/changes"), operations(
				Map.of("op", "create", "type", "task", "ref", "t", "value", task),
				Map.of("op", "create", "type", "milestone", "ref", "p", "value", byPerson),
				Map.of("op", "create", "type", "milestone", "value", byRole),
				link(ref("t"), ref("p"), "SS", -2)));

		assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
		JsonNode created = bulk.json().get("created");
		assertSameItem("/tasks/", single, created.get(0));
		assertSameItem("/milestones/", singleByPerson, created.get(1));
		assertSameItem("/milestones/", singleByRole, created.get(2));
		assertSameItem("/dependencies/", singleLink, created.get(3));
	}

	/** The item read back after a bulk create equals the one a single create stored, but for its id and its ends. */
	private void assertSameItem(String path, Api.Response single, JsonNode created) {
		Api.Response expected = manager.get(team.path(path + id(single)));
		Api.Response actual = manager.get(team.path(path + created.get("id").asString()));
		assertThat(actual.etag()).isEqualTo(expected.etag());
		assertThat(comparable(actual.json())).isEqualTo(comparable(expected.json()));
	}

	private static Map<String, Object> comparable(JsonNode item) {
		Map<String, Object> fields = new java.util.TreeMap<>();
		item.properties().forEach(field -> {
			if (!List.of("id", "createdAt", "predecessor", "successor").contains(field.getKey())) {
				fields.put(field.getKey(), field.getValue().toString());
			}
		});
		return fields;
	}

	private static String id(Api.Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void oneBadItemChangesNothingAndIsNamedByItsPositionAndReason() {
		Api.Response response = manager.post(team.path("/plan/changes"), operations(task("a", "Fine", 2, null),
				task("b", "Zero days", 0, null), task("c", "Also fine", 2, null),
				task("d", "Someone else's", 2, "nobody-" + System.nanoTime())));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(fields(response)).containsExactly("operations[1].value.durationDays",
				"operations[3].value.assignees[0]");
		assertThat(response.json().get("errors").get(1).get("message").asString()).contains("is not a member");
		assertThat(response.json().get("detail").asString()).startsWith("2 of 4 operations were refused");
		assertThat(taskCount()).isZero();
	}

	@Test
	void aRefToAnItemNotMadeEarlierIsRefusedAndNothingChanges() {
		Api.Response response = manager.post(team.path("/plan/changes"), operations(task("a", "First", 2, null),
				link(ref("a"), ref("later")), task("later", "Later", 2, null), link(ref("a"), ref("nowhere"))));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(fields(response)).containsExactly("operations[1].value.successor", "operations[3].value.successor");
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.contains("No earlier operation creates 'later'");
		assertThat(taskCount()).isZero();
	}

	@Test
	void aCycleInTheFinalPlanIsRefusedNamedAndNothingChanges() {
		String stored = manager.post(team.path("/tasks"), Teams.task("Stored")).json().get("id").asString();
		Api.Response response = manager.post(team.path("/plan/changes"), operations(task("a", "Alpha", 2, null),
				task("b", "Beta", 2, null), link(stored, ref("a")), link(ref("a"), ref("b")), link(ref("b"), stored)));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(fields(response)).containsExactly("operations[4].value.successor");
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.contains("would close a cycle: 'Beta' → 'Stored' → 'Alpha' → 'Beta'");
		assertThat(taskCount()).isEqualTo(1);
		assertThat(manager.get(team.path("/dependencies")).json().get("totalItems").asLong()).isZero();
	}

	@Test
	void updatesAndDeletesFollowTheSingleEndpointsRulesAndTheWholeChangeIsOneAuditEntry() {
		Api.Response first = manager.post(team.path("/tasks"), Teams.task("Stored"));
		String stored = first.json().get("id").asString();
		long version = Long.parseLong(first.etag().replace("\"", ""));

		Api.Response stale = manager.post(team.path("/plan/changes"), operations(Map.of("op", "update", "type",
				"task", "id", stored, "version", version + 7, "value", Map.of("durationDays", 9))));
		assertThat(stale.status()).as(stale.body()).isEqualTo(412);
		assertThat(fields(stale)).containsExactly("operations[0]");

		long entries = auditEntries();
		Api.Response applied = manager.post(team.path("/plan/changes"), operations(task("n", "New", 2, null),
				Map.of("op", "update", "type", "task", "id", stored, "version", version, "value",
						Map.of("durationDays", 9)),
				Map.of("op", "update", "type", "task", "id", ref("n"), "value", Map.of("name", "Renamed")),
				Map.of("op", "delete", "type", "task", "id", stored)));
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().get("updated").asInt()).isEqualTo(2);
		assertThat(applied.json().get("deleted").asInt()).isEqualTo(1);
		assertThat(manager.get(team.path("/tasks/" + stored)).status()).isEqualTo(404);
		String made = applied.json().get("created").get(0).get("id").asString();
		assertThat(manager.get(team.path("/tasks/" + made)).json().get("name").asString()).isEqualTo("Renamed");
		List<String> actions = jdbc.sql("select entity_type || ':' || action from audit_entry where scope = :s "
				+ "order by seq").param("s", team.key()).query(String.class).list();
		assertThat(actions.subList((int) entries, actions.size())).containsExactly("task:updated", "task:updated",
				"task:deleted", "plan:bulk-changed");
	}

	@Test
	void aMemberMayReportProgressOnTheirTaskInBulkButNotPlan() {
		String theirs = manager.post(team.path("/tasks"), Teams.task("Theirs", team.member())).json().get("id")
			.asString();
		long version = Long.parseLong(manager.get(team.path("/tasks/" + theirs)).etag().replace("\"", ""));
		Api member = team.as(team.member());

		Api.Response planning = member.post(team.path("/plan/changes"), operations(
				Map.of("op", "update", "type", "task", "id", theirs, "version", version, "value",
						Map.of("percentComplete", 30)),
				task("x", "Not theirs to add", 2, null)));
		assertThat(planning.status()).as(planning.body()).isEqualTo(403);
		assertThat(fields(planning)).containsExactly("operations[1]");

		Api.Response progress = member.post(team.path("/plan/changes"), operations(Map.of("op", "update", "type",
				"task", "id", theirs, "version", version, "value", Map.of("percentComplete", 30))));
		assertThat(progress.status()).as(progress.body()).isEqualTo(200);
		assertThat(manager.get(team.path("/tasks/" + theirs)).json().get("percentComplete").asInt()).isEqualTo(30);

		Api.Response renaming = member.post(team.path("/plan/changes"), operations(Map.of("op", "update", "type",
				"task", "id", theirs, "version", version + 1, "value", Map.of("name", "Mine now"))));
		assertThat(renaming.status()).as(renaming.body()).isEqualTo(403);
		assertThat(fields(renaming)).containsExactly("operations[0].value.name");
	}

	private long taskCount() {
		return jdbc.sql("select count(*) from task t join project p on p.id = t.project_id where p.project_key = :k")
			.param("k", team.key())
			.query(Long.class)
			.single();
	}

	private long auditEntries() {
		return jdbc.sql("select count(*) from audit_entry where scope = :s")
			.param("s", team.key())
			.query(Long.class)
			.single();
	}

	private static List<String> fields(Api.Response response) {
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

	@SafeVarargs
	private static Map<String, Object> operations(Map<String, Object>... operations) {
		return Map.of("operations", List.of(operations));
	}

	private static Map<String, Object> ref(String ref) {
		return Map.of("ref", ref);
	}

	private static Map<String, Object> task(String ref, String name, int days, String assignee) {
		return Map.of("op", "create", "type", "task", "ref", ref, "value", assignee == null
				? Map.of("name", name, "durationDays", days)
				: Map.of("name", name, "durationDays", days, "assignees", List.of(assignee)));
	}

	private Map<String, Object> milestone(String ref, String name) {
		return Map.of("op", "create", "type", "milestone", "ref", ref, "value", Map.of("name", name, "targetDate",
				"2026-09-30", "owner", team.manager().username(), "criterion", Teams.ownerConfirmation()));
	}

	private static Map<String, Object> link(Object predecessor, Object successor) {
		return link(predecessor, successor, "FS", 0);
	}

	private static Map<String, Object> link(Object predecessor, Object successor, String type, int lagDays) {
		return Map.of("op", "create", "type", "dependency", "value",
				Map.of("predecessor", predecessor, "successor", successor, "type", type, "lagDays", lagDays));
	}

}
