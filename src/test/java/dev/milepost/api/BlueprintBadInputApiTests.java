package dev.milepost.api;

import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.Teams;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Refused blueprint requests change nothing: not the blueprint, its versions, nor the project's switch. */
class BlueprintBadInputApiTests extends BadInputSuite {

	private static final String VALID = """
			blueprint: Refusals
			rules:
			  - name: Warn
			    when: {trigger: milestone.at-risk}
			    then:
			      - {action: notify, to: [manager], message: at risk}
			""";

	private static final String INVALID = VALID.replace("milestone.at-risk", "milestone.at-rsk");

	@TestFactory
	Stream<DynamicTest> badBlueprintRequestsAreRefusedAndChangeNothing() {
		Api manager = plan.team().as(plan.team().manager());
		String collection = plan.team().path("/blueprints");
		String path = collection + "/" + Teams.check(manager.post(collection, Map.of("yaml", VALID)), 201).json()
			.get("id").asString();
		String etag = Teams.check(manager.get(path), 200).etag();
		Teams.check(manager.send("PUT", path, Map.of("yaml", INVALID), Map.of("If-Match", etag)), 200);
		String current = Teams.check(manager.get(path), 200).etag();
		return Stream.of(
				new Refusal("an invalid blueprint created active", () -> manager.post(collection,
						Map.of("yaml", INVALID, "activate", true)), 422, "rules[0].when.trigger"),
				new Refusal("a blueprint without its text", () -> manager.post(collection, Map.of("note", "empty")), 422,
						"yaml"),
				new Refusal("an unknown field", () -> manager.post(collection, Map.of("yaml", VALID, "colour", "red")), 400,
						null),
				new Refusal("activating the invalid version", () -> manager.post(path + "/activate", Map.of("version", 2)),
						422, "rules[0].when.trigger"),
				new Refusal("activating a version that does not exist", () -> manager.post(path + "/activate",
						Map.of("version", 7)), 404, null),
				new Refusal("activating version 0", () -> manager.post(path + "/activate", Map.of("version", 0)), 422,
						"version"),
				new Refusal("rolling back to the invalid version", () -> manager.post(path + "/rollback",
						Map.of("version", 2)), 409, "version"),
				new Refusal("pausing a draft", () -> manager.post(path + "/pause", null), 409, "status"),
				new Refusal("saving without If-Match", () -> manager.send("PUT", path, Map.of("yaml", VALID), Map.of()),
						428, null),
				new Refusal("saving with a stale ETag", () -> manager.send("PUT", path, Map.of("yaml", VALID),
						Map.of("If-Match", etag)), 412, null),
				new Refusal("saving an invalid text to run at once", () -> manager.send("PUT", path,
						Map.of("yaml", INVALID, "activate", true), Map.of("If-Match", current)), 422, null),
				new Refusal("a diff without its versions", () -> manager.get(path + "/diff"), 400, null),
				new Refusal("the project switch without a value", () -> manager.send("PUT",
						plan.team().path("/automation"), Map.of(), Map.of()), 422, "paused"))
			.map(refusal -> refusal.test(jdbc));
	}

}
