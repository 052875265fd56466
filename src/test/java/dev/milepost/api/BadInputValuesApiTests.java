package dev.milepost.api;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.Teams;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values the API could not store as sent (PRODUCT.md §4, issue 11 "values stored as
 * acknowledged"): dates outside 1900-01-01 … 2199-12-31, text holding a NUL or a lone surrogate,
 * and numbers or booleans sent for text. Each is refused naming the field, and nothing changes; the
 * dates at the edges of the range are stored and read back exactly, and the schedule works on them.
 */
class BadInputValuesApiTests extends BadInputSuite {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** JSON values, written as they travel (escapes and all), that text must not be read from. */
	static final Map<String, String> NOT_TEXT = new java.util.LinkedHashMap<>();

	static {
		NOT_TEXT.put("holding a NUL", "\"a\\u0000b\"");
		NOT_TEXT.put("holding a lone surrogate", "\"a\\ud800b\"");
		NOT_TEXT.put("ending in half a pair", "\"rocket \\ud83d\"");
		NOT_TEXT.put("starting with the second half", "\"\\udc00\"");
		NOT_TEXT.put("as a number", "123");
		NOT_TEXT.put("as a fraction", "1.5");
		NOT_TEXT.put("as a boolean", "true");
	}

	static final List<String> OUT_OF_RANGE = List.of("-999999999-01-01", "+999999999-12-31", "0001-01-01",
			"1582-10-10", "1899-12-31", "2200-01-01");

	/** In a body a well-formed date outside the range breaks a rule of the field: 422, as other rules do. */
	@TestFactory
	Stream<DynamicTest> aDateOutsideTheSupportedRangeIsRefusedNamingTheField() {
		Map<String, Object> holiday = Map.of("date", "2026-12-25", "name", "Christmas Day");
		Endpoint projects = plan.projects();
		return OUT_OF_RANGE.stream().flatMap(date -> Stream.of(
				plan.tasks().postAndPatch("plannedStart", date, null, 422),
				plan.tasks().postAndPatch("actualStart", date, null, 422),
				plan.milestones().postAndPatch("targetDate", date, null, 422),
				projects.postAndPatch("start", date, null, 422),
				projects.postAndPatch("targetFinish", date, null, 422),
				projects.postAndPatch("calendar.holidays", List.of(Map.of("date", date, "name", "Far away")), null,
						422, "calendar.holidays[0].date"),
				plan.approvals().postAndPatch("dueDate", date, null, 422),
				Stream.of(new Refusal("PATCH the workspace calendar with a holiday on " + date,
						() -> plan.admin().patch("/api/v1/workspace/calendar", Map.of("holidays",
								List.of(holiday, Map.of("date", date, "name", "Far away"))),
								etag(plan.admin(), "/api/v1/workspace/calendar")),
						422, "holidays[1].date")),
				Stream.of(
						post("/impact", Map.of("changes", List.of(Map.of("kind", "SLIP", "activity", plan.task(), "days",
								2)), "statusDate", date), "statusDate"),
						post("/simulation", Map.of("iterations", 100, "statusDate", date), "statusDate"),
						post("/blueprints/replay", Map.of("yaml", "blueprint: x\nrules: []\n", "from",
								"2026-01-01T00:00:00Z", "to", date + "T00:00:00Z"), "to"),
						post("/processes", Map.of("template", "qa-cycle", "start", date), "start"),
						post("/milestones/" + plan.milestone() + "/replan", Map.of("targetDate", date, "reason",
								"Vendor late"), "targetDate"))))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	/** A query parameter that is not a supported date cannot be read as one: 400, as other unreadable parameters. */
	@TestFactory
	Stream<DynamicTest> aQueryDateOutsideTheSupportedRangeIsA400NamingTheParameter() {
		return OUT_OF_RANGE.stream().flatMap(date -> Stream.of(
				query("/schedule?statusDate=" + date, "statusDate"),
				query("/milestone-status?statusDate=" + date, "statusDate"),
				query("/audit?from=" + date + "T00:00:00Z", "from"),
				query("/automation/runs?to=" + date + "T00:00:00Z", "to")))
			.map(refusal -> refusal.test(jdbc));
	}

	/** On PostgreSQL a NUL in a search used to fail in the database and come back as "a duplicate". */
	@TestFactory
	Stream<DynamicTest> aQueryTextWithANulIsA400NamingTheParameter() {
		return Stream.of(
				query("/tasks?q=a%00b", "q"),
				query("/milestones?owner=%00", "owner"),
				query("/members?q=ana%00", "q"),
				new Refusal("GET /api/v1/projects?q=%00", () -> plan.manager().get("/api/v1/projects?q=%00"), 400, "q"),
				new Refusal("GET /api/v1/users?q=%00", () -> plan.admin().get("/api/v1/users?q=%00"), 400, "q"))
			.map(refusal -> refusal.test(jdbc));
	}

	/** The range is closed: its first and last day are kept as sent, and a plan spanning it schedules. */
	@Test
	void datesAtTheEdgesOfTheRangeAreStoredAsSentAndSchedule() {
		Api manager = plan.manager();
		Teams.Team team = plan.team();
		String key = "E" + team.key().substring(1);
		JsonNode project = check(manager.post("/api/v1/projects", Map.of("key", key, "name", "Three centuries",
				"sponsor", team.approver().username(), "manager", team.manager().username(), "start", "1900-01-01",
				"targetFinish", "2199-12-31", "calendar", Map.of("workingDays", List.of("MONDAY", "TUESDAY",
						"WEDNESDAY", "THURSDAY", "FRIDAY"), "holidays", List.of(Map.of("date", "1900-01-01", "name",
								"First"), Map.of("date", "2199-12-31", "name", "Last"))))), 201).json();
		assertThat(project.get("start").asString()).isEqualTo("1900-01-01");
		assertThat(project.get("targetFinish").asString()).isEqualTo("2199-12-31");
		String path = "/api/v1/projects/" + key;
		String task = check(manager.post(path + "/tasks", Map.of("name", "First step", "durationDays", 5,
				"plannedStart", "1900-01-01")), 201).json().get("id").asString();
		String milestone = check(manager.post(path + "/milestones", Map.of("name", "Far goal", "targetDate",
				"2199-12-31", "owner", team.manager().username(), "criterion", Teams.ownerConfirmation())), 201)
			.json().get("id").asString();
		check(manager.post(path + "/dependencies", Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)),
				201);

		JsonNode read = check(manager.get(path), 200).json();
		assertThat(read.get("start").asString()).isEqualTo("1900-01-01");
		assertThat(read.get("targetFinish").asString()).isEqualTo("2199-12-31");
		assertThat(read.at("/calendar/holidays").toString()).contains("\"1900-01-01\"", "\"2199-12-31\"");
		assertThat(check(manager.get(path + "/tasks/" + task), 200).json().get("plannedStart").asString())
			.isEqualTo("1900-01-01");
		assertThat(check(manager.get(path + "/milestones/" + milestone), 200).json().get("targetDate").asString())
			.isEqualTo("2199-12-31");
		assertThat(jdbc.sql("select planned_start from task where id = ?")
			.param(java.util.UUID.fromString(task))
			.query(java.time.LocalDate.class)
			.single()).isEqualTo(java.time.LocalDate.of(1900, 1, 1));

		check(manager.get(path + "/schedule"), 200);
		check(manager.get(path + "/schedule?statusDate=2199-12-31"), 200);
		check(manager.get(path + "/milestone-status?statusDate=1900-01-01"), 200);
		check(manager.post(path + "/impact", Map.of("changes", List.of(Map.of("kind", "SLIP", "activity", task,
				"days", 3)))), 200);
		check(manager.post(path + "/simulation", Map.of("iterations", 100, "seed", 7)), 200);
		check(manager.post(path + "/blueprints/dry-run", Map.of("yaml", """
				blueprint: Edge
				rules:
				  - name: Warn
				    when: {trigger: milestone.at-risk}
				    then:
				      - {action: notify, to: [manager], message: at risk}
				""")), 200);
	}

	@TestFactory
	Stream<DynamicTest> textThatIsNotTextIsRefusedNamingTheField() {
		return NOT_TEXT.entrySet().stream().flatMap(bad -> Stream.of(
				raw(plan.tasks(), "name", bad, "name"),
				raw(plan.tasks(), "description", bad, "description"),
				raw(plan.tasks(), "assignees", Map.entry(bad.getKey(), "[" + bad.getValue() + "]"), "assignees[0]"),
				raw(plan.milestones(), "criterion.text", bad, "criterion.text"),
				raw(plan.milestones(), "tags", Map.entry(bad.getKey(), "[" + bad.getValue() + "]"), "tags[0]"),
				raw(plan.goals(), "outcome", bad, "outcome"),
				raw(plan.deliverables(), "name", bad, "name"),
				raw(plan.projects(), "name", bad, "name"),
				raw(plan.users(), "displayName", bad, "displayName"),
				raw(plan.approvals(), "title", bad, "title"),
				Stream.of(new Refusal("POST a blueprint with its yaml " + bad.getKey(),
						() -> plan.manager().post(plan.team().path("/blueprints"), "{\"yaml\": " + bad.getValue() + "}"),
						400, "yaml"))))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	@Test
	void textOutsideTheBasicPlaneIsStoredAsSent() {
		String name = "Launch \ud83d\ude80 caf\u00e9";
		String id = check(plan.manager().post(plan.team().path("/tasks"), Teams.task(name)), 201).json().get("id")
			.asString();
		assertThat(check(plan.manager().get(plan.team().path("/tasks/" + id)), 200).json().get("name").asString())
			.isEqualTo(name);
	}

	/**
	 * The create and the update with one field's JSON written by hand, so escapes such as
	 * {@code \ud800} travel as they are (a Java string holding a lone surrogate cannot be sent as
	 * UTF-8).
	 */
	private Stream<Refusal> raw(Endpoint endpoint, String path, Map.Entry<String, String> value, String field) {
		String post = JSON.writeValueAsString(endpoint.bodyWith(path, "@@value@@"))
			.replace("\"@@value@@\"", value.getValue());
		String patch = JSON.writeValueAsString(endpoint.patchWith(path, "@@value@@"))
			.replace("\"@@value@@\"", value.getValue());
		String what = " with " + path + " " + value.getKey();
		return Stream.of(new Refusal("POST " + endpoint.name() + what, () -> endpoint.api().post(endpoint.collection(),
				post), 400, field),
				new Refusal("PATCH " + endpoint.name() + what, () -> endpoint.api().patch(endpoint.item(), patch,
						endpoint.currentEtag(endpoint.item())), 400, field));
	}

	private Refusal query(String rest, String field) {
		String path = plan.team().path(rest);
		return new Refusal("GET …" + rest, () -> plan.manager().get(path), 400, field);
	}

	private Refusal post(String rest, Map<String, Object> body, String field) {
		return new Refusal("POST …" + rest + " with " + field + " = " + body.get(field),
				() -> plan.manager().post(plan.team().path(rest), body), 422, field);
	}

	private static String etag(Api api, String path) {
		return check(api.get(path), 200).etag();
	}

}
