package dev.milepost.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Teams;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies that are not what the API reads (PRODUCT.md §4): malformed JSON, unknown fields and
 * values of the wrong type, sent to the create and update endpoint of every resource. Each is a
 * 400 problem naming the body or the field, and changes nothing.
 */
class BadInputApiTests extends BadInputSuite {

	/** Bodies no JSON reader should accept as a resource, by what is wrong with them. */
	private static final Map<String, String> MALFORMED = new LinkedHashMap<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static {
		MALFORMED.put("with a cut-off object", "{\"name\": ");
		MALFORMED.put("with a cut-off array", "[1,2");
		MALFORMED.put("with text that is not JSON", "not json");
		MALFORMED.put("with an empty body", "");
		MALFORMED.put("with a JSON array instead of an object", "[{\"name\": \"x\"}]");
		MALFORMED.put("with a JSON string instead of an object", "\"name\"");
		MALFORMED.put("with null instead of an object", "null");
		MALFORMED.put("with garbage after the object", "{} x");
		MALFORMED.put("with a second object after the first", "{} {}");
		MALFORMED.put("with a single-quoted field name", "{'name': 'x'}");
		MALFORMED.put("with a comment", "{/* why */}");
	}

	@TestFactory
	Stream<DynamicTest> malformedJsonIsRefusedNamingTheBody() {
		return plan.all().stream().flatMap(endpoint -> MALFORMED.entrySet().stream().flatMap(malformed -> Stream.of(
				endpoint.post(malformed.getKey(), malformed.getValue(), 400, "body"),
				endpoint.patch(malformed.getKey(), malformed.getValue(), 400, "body"))))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> aBodyThatIsNotUtf8IsRefusedNamingTheBody() {
		byte[] latin1 = "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
		return plan.all().stream().flatMap(endpoint -> {
			String token = plan.tokenFor(endpoint);
			return Stream.of(
					new Refusal("POST " + endpoint.name() + " in ISO-8859-1",
							() -> RawHttp.send(port, token, "POST", endpoint.collection(), latin1, false, null), 400,
							"body"),
					new Refusal("PATCH " + endpoint.name() + " in ISO-8859-1", () -> RawHttp.send(port, token, "PATCH",
							endpoint.item(), latin1, false, endpoint.currentEtag(endpoint.item())), 400, "body"));
		}).map(refusal -> refusal.test(jdbc));
	}

	/** An update must name the version it was based on (412 stale, 428 missing), even a harmless one. */
	@TestFactory
	Stream<DynamicTest> anUpdateWithoutTheCurrentEtagIsRefused() {
		return plan.all().stream().flatMap(endpoint -> Stream.of(
				new Refusal("PATCH " + endpoint.name() + " without If-Match",
						() -> endpoint.api().patch(endpoint.item(), Map.of(), null), 428, null),
				new Refusal("PATCH " + endpoint.name() + " with If-Match: *",
						() -> endpoint.api().patch(endpoint.item(), Map.of(), "*"), 428, null),
				new Refusal("PATCH " + endpoint.name() + " with a stale ETag",
						() -> endpoint.api().patch(endpoint.item(), Map.of(), "\"999999\""), 412, null),
				new Refusal("PATCH " + endpoint.name() + " with an ETag that is no version",
						() -> endpoint.api().patch(endpoint.item(), Map.of(), "W/\"yesterday\""), 412, null)))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> aBodyThatIsNotDeclaredAsJsonIsA415() {
		List<String> types = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded");
		return plan.all().stream().flatMap(endpoint -> {
			// valid JSON, so only the declared type is wrong ('%' would make it a broken form body)
			String body = JSON.writeValueAsString(endpoint.validBody().get()).replace("%", "percent");
			return types.stream().flatMap(type -> Stream.of(
					new Refusal("POST " + endpoint.name() + " as " + type, () -> endpoint.api()
						.send("POST", endpoint.collection(), body, Map.of("Content-Type", type)), 415, null),
					new Refusal("PATCH " + endpoint.name() + " as " + type, () -> endpoint.api()
						.send("PATCH", endpoint.item(), "{}",
								Map.of("Content-Type", type, "If-Match", endpoint.currentEtag(endpoint.item()))),
							415, null)));
		}).map(refusal -> refusal.test(jdbc));
	}

	/** The servlet container decodes these parameters before any controller sees the request. */
	@TestFactory
	Stream<DynamicTest> parametersThatCannotBeDecodedAreA400() {
		Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
		Stream<Refusal> forms = plan.all().stream().map(endpoint -> new Refusal(
				"POST " + endpoint.name() + " as a form with a bare '%'",
				() -> endpoint.api().send("POST", endpoint.collection(), "name=60 %", form), 400, null));
		Stream<Refusal> queries = plan.all().stream().map(endpoint -> new Refusal(
				"GET " + endpoint.name() + " with a query that is not UTF-8", () -> endpoint.api()
					.get(endpoint.collection() + "?q=%C3%28"), 400, null));
		return Stream.concat(forms, queries).map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> anUnknownFieldIsRefusedNamingIt() {
		Stream<Refusal> misspelt = plan.all()
			.stream()
			.flatMap(endpoint -> endpoint.postAndPatch("nmae", "x", "a misspelt field", 400));
		Stream<Refusal> readOnlyOrNested = Stream.of(
				plan.tasks().postAndPatch("state", "DONE", "a field that is only ever computed", 400),
				plan.tasks().postAndPatch("plannedFinish", "2026-03-06", "a field that is only ever computed", 400),
				plan.tasks().postAndPatch("id", "0b4e1d8e-8a8a-4d53-9b57-2d1f4e0e7a11", "an id is not chosen", 400),
				plan.milestones().postAndPatch("achieved", true, "achievement is recorded, not typed in", 400),
				plan.milestones().postAndPatch("criterion.approvr", "x", "a misspelt nested field", 400),
				plan.deliverables().postAndPatch("accepted", true, "acceptance is recorded, not typed in", 400),
				plan.projects().postAndPatch("calendar.workdays", List.of("MONDAY"), "a misspelt nested field", 400),
				plan.users().postAndPatch("passwordHash", "{noop}x", "a stored field", 400))
			.flatMap(cases -> cases);
		return Stream.concat(misspelt, readOnlyOrNested).map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> aValueOfTheWrongTypeIsRefusedNamingItsField() {
		Map<String, Object> criterion = Teams.ownerConfirmation();
		return Stream.of(
				plan.tasks().postAndPatch("durationDays", "five", "a string for a whole number", 400),
				plan.tasks().postAndPatch("durationDays", "5", "a string for a whole number", 400),
				plan.tasks().postAndPatch("durationDays", 12.5, "a fraction for a whole number", 400),
				plan.tasks().postAndPatch("durationDays", 99999999999L, "too large for a whole number", 400),
				plan.tasks().postAndPatch("durationDays", true, "a boolean for a whole number", 400),
				plan.tasks().postAndPatch("percentComplete", 12.5, "a fraction for a whole number", 400),
				plan.tasks().postAndPatch("effortHours", "forty", "a string for a number", 400),
				plan.tasks().postAndPatch("name", Map.of("first", "Reconcile"), "an object for a string", 400),
				plan.tasks().postAndPatch("name", List.of("Reconcile"), "an array for a string", 400),
				plan.tasks().postAndPatch("plannedStart", List.of(2026, 3, 2), "an array for a date", 400),
				plan.tasks().postAndPatch("plannedStart", List.of("2026-03-02"), "an array for a date", 400),
				plan.tasks().postAndPatch("plannedStart", 20260302, "a number for a date", 400),
				plan.tasks().postAndPatch("plannedStart", Map.of("year", 2026, "month", 3, "day", 2),
						"an object for a date", 400),
				plan.tasks().postAndPatch("assignees", "ana", "a string for a list", 400),
				plan.tasks().postAndPatch("assignees", List.of(Map.of("username", "ana")),
						"an object in a list of names", 400, "assignees[0]"),
				plan.tasks().postAndPatch("estimate", "3/5/8", "a string for an object", 400),
				plan.tasks().postAndPatch("estimate.optimistic", "three", "a string for a whole number", 400),
				plan.milestones().postAndPatch("targetDate", List.of(2026, 4, 30), "an array for a date", 400),
				plan.milestones().postAndPatch("targetDate", true, "a boolean for a date", 400),
				plan.milestones().postAndPatch("owner", Map.of("username", "ana"), "an object for a string", 400),
				plan.milestones().postAndPatch("criterion", "the owner says so", "a string for an object", 400),
				plan.milestones().postAndPatch("criterion.kind", "MAGIC", "not one of the kinds", 400),
				plan.milestones().postAndPatch("criterion.kind", 0, "a number for a kind", 400),
				plan.milestones().postAndPatch("criterion.text", List.of(criterion.get("text")),
						"an array for a string", 400),
				plan.milestones().postAndPatch("tags", "go-live", "a string for a list", 400),
				plan.deliverables().postAndPatch("milestone", "not-a-uuid", "not an id", 400),
				plan.deliverables().postAndPatch("milestone", 42, "a number for an id", 400),
				plan.deliverables().postAndPatch("acceptor", List.of("ana"), "an array for a string", 400),
				plan.goals().postAndPatch("outcome", Map.of("text", "faster"), "an object for a string", 400),
				plan.goals().postAndPatch("measure", List.of("hours"), "an array for a string", 400),
				plan.dependencies().postAndPatch("lagDays", "five", "a string for a whole number", 400),
				plan.dependencies().postAndPatch("lagDays", 1.5, "a fraction for a whole number", 400),
				plan.dependencies().postAndPatch("type", "FINISH_TO_START", "not one of the link types", 400),
				plan.dependencies().postAndPatch("type", 0, "a number for a link type", 400),
				plan.dependencies().postAndPatch("predecessor", "not-a-uuid", "not an id", 400),
				plan.dependencies().postAndPatch("successor", List.of(plan.milestone()), "an array for an id", 400),
				plan.members().postAndPatch("role", "OWNER", "not one of the roles", 400),
				plan.members().postAndPatch("role", 1, "a number for a role", 400),
				plan.members().postAndPatch("role", Map.of("name", "MEMBER"), "an object for a role", 400),
				Stream.of(plan.members().post(Endpoint.describe("username", List.of("ana"), "an array for a string"),
						plan.members().bodyWith("username", List.of("ana")), 400, "username")),
				plan.projects().postAndPatch("start", List.of(2026, 1, 5), "an array for a date", 400),
				plan.projects().postAndPatch("targetFinish", 20261218, "a number for a date", 400),
				plan.projects().postAndPatch("status", "DONE", "not one of the statuses", 400),
				plan.projects().postAndPatch("status", 1, "a number for a status", 400),
				plan.projects().postAndPatch("calendar", "weekdays", "a string for an object", 400),
				plan.projects().postAndPatch("calendar.workingDays", "MONDAY", "a string for a list", 400),
				plan.projects().postAndPatch("calendar.workingDays", List.of("FUNDAY"), "not a weekday", 400,
						"calendar.workingDays[0]"),
				plan.projects().postAndPatch("calendar.holidays",
						List.of(Map.of("date", "2026-12-25", "name", Map.of("en", "Christmas"))),
						"an object for a string", 400, "calendar.holidays[0].name"),
				plan.users().postAndPatch("admin", 1, "a number for a boolean", 400),
				plan.users().postAndPatch("admin", "yes", "a string for a boolean", 400),
				plan.users().postAndPatch("admin", "true", "a string for a boolean", 400),
				plan.users().postAndPatch("displayName", Map.of("first", "Ana"), "an object for a string", 400),
				Stream.of(plan.users().patch(Endpoint.describe("enabled", 0, "a number for a boolean"),
						plan.users().patchWith("enabled", 0), 400, "enabled")))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

}
