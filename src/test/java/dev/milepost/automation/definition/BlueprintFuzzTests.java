package dev.milepost.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz tests of the blueprint parser and of CEL conditions: whatever the text, only a blueprint or
 * located problems come out (a condition: compiled or its issues; evaluated: a value or an error)
 * - never an exception, never a hang, never a stack overflow.
 *
 * <p>
 * Without {@code JAZZER_FUZZ=1} Jazzer runs each {@code @FuzzTest} on its saved inputs
 * ({@code src/test/resources/dev/milepost/automation/definition/BlueprintFuzzTestsInputs/<method>/})
 * as an ordinary test, so {@code ./mvnw verify} replays every seed and every past finding. How to
 * fuzz for real: docs/blueprints.md, "Fuzzing the parser".
 */
class BlueprintFuzzTests {

	/** Longest any single input may take; a slower one is reported as a hang. */
	private static final long TIME_BOUND_MILLIS = 5_000;

	/**
	 * Inputs run on a thread with a small stack (512 KB), so unbounded recursion overflows quickly
	 * and is reported, instead of surviving by luck on a large main-thread stack.
	 */
	private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(null, task, "blueprint-fuzz", 512 * 1024);
		thread.setDaemon(true);
		return thread;
	});

	private static final List<String> TRIGGERS = List.copyOf(Triggers.VARIABLES.keySet());

	@AfterAll
	static void stopWorker() {
		WORKER.shutdownNow();
	}

	@FuzzTest(maxDuration = "2m")
	void parseAnyText(byte[] input) {
		String yaml = new String(input, StandardCharsets.UTF_8);
		ParsedBlueprint parsed = bounded(() -> BlueprintParser.parse(yaml));
		assertThat(parsed).isNotNull();
		if (parsed.valid()) {
			List<String> explanation = bounded(() -> Explanations.explain(parsed.blueprint()));
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
		ConditionCheck check = bounded(() -> Conditions.compile(trigger, expression));
		assertThat(check).isNotNull();
		if (!check.ok()) {
			assertThat(check.issues()).isNotEmpty();
			return;
		}
		ConditionResult result = bounded(() -> Conditions.evaluate(check.condition(), SampleVariables.of(trigger)));
		assertThat(result).isNotNull();
	}

	private static <T> T bounded(Callable<T> work) {
		Future<T> future = WORKER.submit(work);
		try {
			return future.get(TIME_BOUND_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new AssertionError("no answer within " + TIME_BOUND_MILLIS + " ms: a hang", ex);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("threw instead of answering with problems: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
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
