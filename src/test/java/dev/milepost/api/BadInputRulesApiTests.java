package dev.milepost.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bodies that read fine but break a rule of the resource (PRODUCT.md §4): required fields left
 * out, strings too long, numbers out of range, dates that do not exist or do not hold together.
 * Each refusal names the field and changes nothing.
 */
class BadInputRulesApiTests extends BadInputSuite {

	@TestFactory
	Stream<DynamicTest> eachRequiredFieldLeftOutIsRefusedNamingIt() {
		Stream<Refusal> created = Stream.of(
				missingFromCreate(plan.tasks(), "name", "durationDays"),
				missingFromCreate(plan.milestones(), "name", "targetDate", "owner", "criterion", "criterion.kind",
						"criterion.text"),
				missingFromCreate(plan.deliverables(), "name", "acceptor"),
				missingFromCreate(plan.goals(), "outcome"),
				missingFromCreate(plan.dependencies(), "predecessor", "successor", "type", "lagDays"),
				missingFromCreate(plan.members(), "username", "role"),
				missingFromCreate(plan.projects(), "key", "name", "sponsor", "manager", "start", "targetFinish"),
				missingFromCreate(plan.users(), "username", "displayName", "password"),
				plan.projects().postAndPatch("calendar.holidays", List.of(Map.of("name", "Christmas")),
						"a holiday without its date", 422, "calendar.holidays[0].date"))
			.flatMap(cases -> cases);
		Stream<Refusal> patched = Stream.of(
				removedByPatch(plan.tasks(), "name", "durationDays"),
				removedByPatch(plan.milestones(), "name", "targetDate", "owner", "criterion", "criterion.kind",
						"criterion.text"),
				removedByPatch(plan.deliverables(), "name", "acceptor"),
				removedByPatch(plan.goals(), "outcome"),
				removedByPatch(plan.dependencies(), "predecessor", "successor", "type", "lagDays"),
				removedByPatch(plan.members(), "role"),
				removedByPatch(plan.projects(), "key", "name", "sponsor", "manager", "start", "targetFinish"),
				removedByPatch(plan.users(), "displayName"),
				// primitives: null is not a value of theirs, so this is a malformed body rather than a rule
				Stream.of(plan.users().patch("with admin = null", plan.users().patchWith("admin", null), 400, "admin"),
						plan.users().patch("with enabled = null", plan.users().patchWith("enabled", null), 400,
								"enabled")))
			.flatMap(cases -> cases);
		Stream<Refusal> blank = Stream.of(
				plan.tasks().postAndPatch("name", "   ", "blank", 422),
				plan.milestones().postAndPatch("owner", "", "blank", 422),
				plan.milestones().postAndPatch("criterion.text", " ", "blank", 422),
				plan.deliverables().postAndPatch("acceptor", "", "blank", 422),
				plan.goals().postAndPatch("outcome", "\t", "blank", 422),
				plan.projects().postAndPatch("name", "", "blank", 422),
				plan.users().postAndPatch("displayName", " ", "blank", 422),
				plan.tasks().postAndPatch("assignees", List.of(" "), "a blank name in the list", 422, "assignees[0]"))
			.flatMap(cases -> cases);
		return Stream.of(created, patched, blank).flatMap(cases -> cases).map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> aStringOverItsLimitIsRefusedNamingIt() {
		return Stream.of(
				tooLong(plan.tasks(), "name", 201), tooLong(plan.tasks(), "description", 4001),
				plan.tasks().postAndPatch("assignees", List.of("a".repeat(65)), "65 characters", 422, "assignees[0]"),
				tooLong(plan.milestones(), "name", 201), tooLong(plan.milestones(), "description", 4001),
				tooLong(plan.milestones(), "owner", 65), tooLong(plan.milestones(), "criterion.text", 1001),
				plan.milestones().postAndPatch("tags", List.of("a".repeat(41)), "41 characters", 422, "tags[0]"),
				plan.milestones().postAndPatch("tags", List.of("Go Live"), "not lower-case words", 422, "tags[0]"),
				plan.milestones().postAndPatch("tags", Collections.nCopies(11, "go-live"), "11 tags", 422),
				tooLong(plan.deliverables(), "name", 201), tooLong(plan.deliverables(), "description", 4001),
				tooLong(plan.deliverables(), "acceptor", 65),
				tooLong(plan.goals(), "outcome", 501), tooLong(plan.goals(), "measure", 501),
				Stream.of(plan.members().post(Endpoint.describe("username", "a".repeat(65), "65 characters"),
						plan.members().bodyWith("username", "a".repeat(65)), 422, "username")),
				tooLong(plan.projects(), "key", 11), tooLong(plan.projects(), "name", 201),
				tooLong(plan.projects(), "description", 4001), tooLong(plan.projects(), "sponsor", 65),
				tooLong(plan.projects(), "manager", 65),
				plan.projects().postAndPatch("calendar.holidays",
						List.of(Map.of("date", "2026-12-25", "name", "x".repeat(101))),
						"a holiday name of 101 characters", 422, "calendar.holidays[0].name"),
				Stream.of(plan.users().post(Endpoint.describe("username", "a".repeat(65), "65 characters"),
						plan.users().bodyWith("username", "a".repeat(65)), 422, "username")),
				tooLong(plan.users(), "displayName", 201),
				plan.users().postAndPatch("email", "a".repeat(310) + "@example.com", "322 characters", 422),
				tooLong(plan.users(), "password", 201))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> aValueOutsideItsRangeOrFormIsRefusedNamingIt() {
		return Stream.of(
				plan.tasks().postAndPatch("percentComplete", 101, "over 100", 422),
				plan.tasks().postAndPatch("percentComplete", -1, "negative", 422),
				plan.tasks().postAndPatch("durationDays", 0, "zero: a checkpoint is a milestone", 422),
				plan.tasks().postAndPatch("durationDays", -3, "negative", 422),
				plan.tasks().postAndPatch("durationDays", 100000, "over ten years", 422),
				plan.tasks().postAndPatch("effortHours", -1, "negative", 422),
				plan.tasks().postAndPatch("effortHours", 10000000, "over a million hours", 422),
				plan.tasks().postAndPatch("effortHours", 1.25, "finer than a tenth of an hour", 422),
				plan.tasks().postAndPatch("estimate", Map.of("optimistic", -1, "mostLikely", 2, "pessimistic", 3),
						"a negative optimistic estimate", 422, "estimate.optimistic"),
				plan.tasks().postAndPatch("estimate", Map.of("optimistic", 8, "mostLikely", 5, "pessimistic", 3),
						"optimistic over pessimistic", 422),
				plan.tasks().postAndPatch("estimate", Map.of("optimistic", 3, "pessimistic", 8),
						"no most likely estimate", 422, "estimate.mostLikely"),
				plan.dependencies().postAndPatch("lagDays", 5000, "over ten years", 422),
				plan.dependencies().postAndPatch("lagDays", -5000, "a lead of over ten years", 422),
				plan.projects().postAndPatch("key", "erp", "lower case", 422),
				plan.projects().postAndPatch("calendar.workingDays", List.of(), "no working day", 422),
				plan.users().postAndPatch("email", "not-an-address", "not an e-mail address", 422),
				plan.users().postAndPatch("password", "short", "under 10 characters", 422),
				Stream.of(plan.users().post(Endpoint.describe("username", "Ana Smith", "upper case and a space"),
						plan.users().bodyWith("username", "Ana Smith"), 422, "username")))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> aDateThatDoesNotExistIsRefusedNamingIt() {
		List<String> impossible = List.of("2026-02-30", "2026-13-01", "2026-00-10", "31/12/2026", "2026-3-2",
				"next tuesday", "", "2026-03-02T09:00:00Z");
		List<Map.Entry<Endpoint, List<String>>> dateFields = List.of(
				Map.entry(plan.tasks(), List.of("plannedStart", "actualStart", "actualFinish")),
				Map.entry(plan.milestones(), List.of("targetDate")),
				Map.entry(plan.projects(), List.of("start", "targetFinish")));
		Stream<Refusal> fields = dateFields.stream()
			.flatMap(entry -> entry.getValue()
				.stream()
				.flatMap(field -> impossible.stream()
					.flatMap(date -> entry.getKey().postAndPatch(field, date, "not a date", 400))));
		Stream<Refusal> holiday = plan.projects()
			.postAndPatch("calendar.holidays", List.of(Map.of("date", "2026-02-29", "name", "Leap day")),
					"not a date in 2026", 400, "calendar.holidays[0].date");
		return Stream.concat(fields, holiday).map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> datesThatDoNotHoldTogetherAreRefusedNamingTheField() {
		String future = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
		Endpoint tasks = plan.tasks();
		Endpoint projects = plan.projects();
		return Stream.of(
				taskDates(tasks, "2026-03-10", "2026-03-05", "finished before it started", "actualFinish"),
				taskDates(tasks, null, "2026-03-05", "finished without a start", "actualStart"),
				taskDates(tasks, future, null, "started in the future", "actualStart"),
				taskDates(tasks, "2199-12-30", null, "started in the far future", "actualStart"),
				taskDates(tasks, "2026-03-02", future, "finished in the future", "actualFinish"),
				Stream.of(
						projects.post("with targetFinish before start",
								Endpoint.with(projects.bodyWith("start", "2026-06-01"), "targetFinish", "2026-05-29"),
								422, "targetFinish"),
						projects.post("with targetFinish on the start",
								Endpoint.with(projects.bodyWith("start", "2026-06-01"), "targetFinish", "2026-06-01"),
								422, "targetFinish"),
						projects.patch("with targetFinish before the start", projects.patchWith("targetFinish",
								"2026-01-02"), 422, "targetFinish"),
						projects.patch("with start after the targetFinish", projects.patchWith("start", "2027-01-04"),
								422, "targetFinish")))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	private static Stream<Refusal> taskDates(Endpoint tasks, String actualStart, String actualFinish, String what,
			String field) {
		String description = "with actualStart " + actualStart + " and actualFinish " + actualFinish + " (" + what
				+ ")";
		Map<String, Object> patch = Endpoint.with(tasks.patchWith("actualStart", actualStart), "actualFinish",
				actualFinish);
		Map<String, Object> body = Endpoint.with(tasks.bodyWith("actualStart", actualStart), "actualFinish",
				actualFinish);
		return Stream.of(tasks.post(description, body, 422, field), tasks.patch(description, patch, 422, field));
	}

	private static Stream<Refusal> missingFromCreate(Endpoint endpoint, String... fields) {
		return Stream.of(fields)
			.map(field -> endpoint.post("without " + field, endpoint.bodyWithout(field), 422, field));
	}

	/** A merge patch removes a field by setting it to null. */
	private static Stream<Refusal> removedByPatch(Endpoint endpoint, String... fields) {
		return Stream.of(fields)
			.map(field -> endpoint.patch("with " + field + " = null", endpoint.patchWith(field, null), 422, field));
	}

	private static Stream<Refusal> tooLong(Endpoint endpoint, String field, int length) {
		return endpoint.postAndPatch(field, "x".repeat(length), length + " characters", 422);
	}

}
