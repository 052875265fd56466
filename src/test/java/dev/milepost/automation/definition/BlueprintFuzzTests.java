package dev.milepost.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.milepost.SmallStack;

/**
 * Fuzz tests of the blueprint parser and of CEL conditions: whatever the text, only a blueprint or
 * located problems come out (a condition: compiled or its issues; evaluated: a value or an error)
 * - never an exception, never a stack overflow (inputs run on a 512 KB stack, {@link SmallStack}).
 * No hang either, and without a clock: the work is bounded by the code itself in steps (at most
 * {@link BlueprintParser#MAX_BYTES} of text and 20,000 YAML events, nesting, rule and action
 * counts; CEL: length, parse node count, depth, estimated cost and
 * {@link Conditions#MAX_ITERATIONS} comprehension iterations per evaluation), which
 * {@code BlueprintParserTests} and {@code ConditionsTests} check one by one.
 *
 * <p>
 * Without {@code JAZZER_FUZZ=1} Jazzer runs each {@code @FuzzTest} on its saved inputs
 * ({@code src/test/resources/dev/milepost/automation/definition/BlueprintFuzzTestsInputs/<method>/})
 * as an ordinary test, so {@code ./mvnw verify} replays every seed and every past finding. How to
 * fuzz for real: docs/blueprints.md, "Fuzzing the parser".
 */
class BlueprintFuzzTests {

	private static final List<String> TRIGGERS = List.copyOf(Triggers.VARIABLES.keySet());

	@FuzzTest(maxDuration = "2m")
	void parseAnyText(byte[] input) {
		String yaml = new String(input, StandardCharsets.UTF_8);
		ParsedBlueprint parsed = SmallStack.run(() -> BlueprintParser.parse(yaml));
		assertThat(parsed).isNotNull();
		if (parsed.valid()) {
			List<String> explanation = SmallStack.run(() -> Explanations.explain(parsed.blueprint()));
			assertThat(explanation).isNotEmpty().doesNotContainNull();
		}
		else {
			assertThat(parsed.problems()).isNotEmpty().allSatisfy(problem -> {
				assertThat(problem.line()).isPositive();
				assertThat(problem.column()).isPositive();
				assertThat(problem.path()).isNotNull();
				assertThat(problem.message()).isNotBlank();
			});
		}
	}

	/** The first byte picks the trigger, the rest is the CEL text; compiled conditions are evaluated too. */
	@FuzzTest(maxDuration = "2m")
	void compileAndEvaluateAnyCondition(byte[] input) {
		if (input.length == 0) {
			return;
		}
		String trigger = TRIGGERS.get((input[0] & 0xff) % TRIGGERS.size());
		String expression = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
		ConditionCheck check = SmallStack.run(() -> Conditions.compile(trigger, expression));
		assertThat(check).isNotNull();
		if (!check.ok()) {
			assertThat(check.issues()).isNotEmpty();
			return;
		}
		ConditionResult result = SmallStack.run(() -> Conditions.evaluate(check.condition(), SampleVariables.of(trigger)));
		assertThat(result).isNotNull();
	}

	/** Variables of every kind a trigger offers, filled with ordinary values. */
	static final class SampleVariables {

		private SampleVariables() {
		}

		static Map<String, Object> of(String trigger) {
			Map<String, Object> all = Map.of(
					"project", Map.of("key", "ALPHA", "name", "Alpha", "manager", "mia", "sponsor", "sam", "finish",
							"2027-03-01", "timeZone", "Europe/Berlin"),
					"task", Map.of("id", "t1", "name", "Build", "status", "IN_PROGRESS", "assignees", List.of("ann", "bob"),
							"plannedStart", "2027-01-04", "plannedFinish", "2027-01-15", "percentComplete", 40L,
							"durationDays", 10L, "critical", true),
					"milestone", Map.of("id", "m1", "name", "Go live", "owner", "mia", "status", "AT_RISK", "target",
							"2027-02-01", "forecast", "2027-02-05", "slackDays", -2L, "tags", List.of("development"),
							"achieved", false),
					"change", Map.of("from", "ON_TRACK", "to", "AT_RISK", "reasons", List.of("feeding task late")),
					"changes", Map.of("name", Map.of("before", "Build", "after", "Build it")),
					"approval", Map.of("id", "a1", "number", 7L, "title", "Go-live sign-off", "status", "APPROVED",
							"decidedBy", "sam", "comment", "", "subjectKind", "MILESTONE", "subjectId", "m1", "dueDate",
							"2027-01-20"),
					"deliverable", Map.of("id", "d1", "name", "Runbook", "milestoneId", "m1"),
					"process", Map.of("id", "p1", "name", "QA cycle", "template", "qa-cycle"),
					"event", Map.of("type", trigger, "actor", "system", "at", "2027-01-10T08:00:00Z", "today",
							"2027-01-10"));
			Map<String, Object> variables = new java.util.HashMap<>();
			for (String name : Triggers.variables(trigger)) {
				variables.put(name, all.get(name));
			}
			return variables;
		}

	}

}
