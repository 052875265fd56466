package dev.milepost.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Api;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies too big to read (PRODUCT.md §4): over {@code milepost.api.max-body-bytes} they are a 413
 * whether the size is declared up front or only found while reading a chunked body; JSON nested
 * or numbers long enough to tie up the reader are a 400. Nothing changes.
 */
class BadInputSizeApiTests extends BadInputSuite {

	private static final int TWO_MIB = 2 * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A string field of each resource, to fill. */
	private static final Map<String, String> TEXT_FIELDS = Map.of("tasks", "name", "milestones", "name",
			"deliverables", "name", "goals", "outcome", "dependencies", "type", "members", "role", "projects", "name",
			"users", "displayName", "approvals", "title");

	@Value("${milepost.api.max-body-bytes}")
	int limit;

	@TestFactory
	Stream<DynamicTest> aBodyOverTheLimitIsA413WhetherItsSizeIsDeclaredOrNot() {
		return plan.all().stream().flatMap(endpoint -> {
			String field = TEXT_FIELDS.get(endpoint.name());
			String post = json(endpoint.bodyWith(field, "x".repeat(TWO_MIB)));
			String patch = json(endpoint.patchWith(field, "x".repeat(TWO_MIB)));
			String what = " with a 2 MiB " + field;
			return Stream.of(
					new Refusal("POST " + endpoint.name() + what, () -> send(endpoint, "POST", endpoint.collection(),
							post, false), 413, null),
					new Refusal("PATCH " + endpoint.name() + what, () -> send(endpoint, "PATCH", endpoint.item(),
							patch, false), 413, null),
					new Refusal("POST " + endpoint.name() + what + ", chunked", () -> send(endpoint, "POST",
							endpoint.collection(), post, true), 413, null),
					new Refusal("PATCH " + endpoint.name() + what + ", chunked", () -> send(endpoint, "PATCH",
							endpoint.item(), patch, true), 413, null));
		}).map(refusal -> refusal.test(jdbc));
	}

	@Value("${milepost.api.bulk-max-body-bytes}")
	int bulkLimit;

	@TestFactory
	Stream<DynamicTest> bulkChangesHaveALimitOfTheirOwnWithA413BeyondIt() {
		String path = plan.team().path("/plan/changes");
		String token = plan.team().manager().token();
		String prefix = "{\"operations\":[{\"op\":\"create\",\"type\":\"task\",\"value\":{\"name\":\"Big\","
				+ "\"durationDays\":1,\"description\":\"";
		String suffix = "\"}}]}";
		// over the ordinary limit, under the bulk one: read, and refused for what it says
		String twoMib = prefix + "x".repeat(TWO_MIB) + suffix;
		String overBulk = prefix + "x".repeat(bulkLimit - prefix.length() - suffix.length() + 1) + suffix;
		return Stream.of(
				new Refusal("POST plan/changes with 2 MiB is read: the description is too long", () -> RawHttp
					.send(port, token, "POST", path, twoMib.getBytes(StandardCharsets.UTF_8), false, null), 422,
						"operations[0].value.description"),
				new Refusal("POST plan/changes one byte over its own limit", () -> RawHttp.send(port, token, "POST",
						path, overBulk.getBytes(StandardCharsets.UTF_8), false, null), 413, null),
				new Refusal("POST plan/changes one byte over its own limit, chunked", () -> RawHttp.send(port, token,
						"POST", path, overBulk.getBytes(StandardCharsets.UTF_8), true, null), 413, null))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> theLimitCountsBytesNotCharacters() {
		Endpoint tasks = plan.tasks();
		String overhead = json(tasks.bodyWith("description", ""));
		// 'é' is two bytes in UTF-8: the characters fit under the limit, the bytes do not
		String overByOne = json(tasks.bodyWith("description", "é".repeat((limit - overhead.length()) / 2 + 1)));
		String atTheLimit = json(tasks.bodyWith("description", "x".repeat(limit - overhead.length())));
		return Stream.of(
				new Refusal("POST tasks with a body just over the limit in two-byte characters",
						() -> send(tasks, "POST", tasks.collection(), overByOne, false), 413, null),
				new Refusal("POST tasks with a body just over the limit, chunked",
						() -> send(tasks, "POST", tasks.collection(), overByOne, true), 413, null),
				new Refusal("POST tasks with a body exactly at the limit is read, and its description is too long",
						() -> send(tasks, "POST", tasks.collection(), atTheLimit, false), 422, "description"),
				new Refusal("POST tasks with a body exactly at the limit, chunked, is read too",
						() -> send(tasks, "POST", tasks.collection(), atTheLimit, true), 422, "description"))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> jsonBuiltToTieUpTheReaderIsA400() {
		Endpoint tasks = plan.tasks();
		String deep = "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
		String longNumber = "{\"name\": \"x\", \"durationDays\": 1" + "0".repeat(5000) + "}";
		String longName = "{\"" + "n".repeat(60000) + "\": 1}";
		return Stream.of(
				tasks.post("with arrays nested 5000 deep", deep, 400, null),
				tasks.patch("with arrays nested 5000 deep", deep, 400, null),
				tasks.post("with a number of 5001 digits", longNumber, 400, null),
				tasks.patch("with a number of 5001 digits", longNumber, 400, null),
				tasks.post("with a field name of 60000 characters", longName, 400, null),
				tasks.patch("with a field name of 60000 characters", longName, 400, null))
			.map(refusal -> refusal.test(jdbc));
	}

	private Api.Response send(Endpoint endpoint, String method, String path, String body, boolean chunked) {
		return RawHttp.send(port, plan.tokenFor(endpoint), method, path, body.getBytes(StandardCharsets.UTF_8), chunked,
				method.equals("PATCH") ? endpoint.currentEtag(path) : null);
	}

	private static String json(Object body) {
		return JSON.writeValueAsString(body);
	}

}
