package dev.milepost.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Conditions are type-checked against their trigger's variables, capped, and evaluated without throwing. */
class ConditionsTests {

	private static ConditionIssue onlyIssue(String trigger, String expression) {
		ConditionCheck check = Conditions.compile(trigger, expression);
		assertThat(check.ok()).as(expression).isFalse();
		return check.issues().get(0);
	}

	private static CompiledCondition compiled(String trigger, String expression) {
		ConditionCheck check = Conditions.compile(trigger, expression);
		assertThat(check.issues()).as(expression).isEmpty();
		return check.condition();
	}

	@Test
	void refusesUnknownFieldsAndVariables() {
		assertThat(onlyIssue("task.created", "task.colour == 'red'").message()).isEqualTo("undefined field 'colour'");
		assertThat(onlyIssue("task.created", "milestone.name == 'x'").message())
			.contains("undeclared reference to 'milestone'");
	}

	@Test
	void refusesWrongTypesAndNonBooleanResults() {
		ConditionIssue issue = onlyIssue("task.created", "task.percentComplete == \"x\"");
		assertThat(issue.message()).contains("'_==_' applied to '(int, string)'");
		assertThat(issue.column()).isEqualTo(21);
		assertThat(onlyIssue("task.created", "task.name").message()).isEqualTo("expected type 'bool' but found 'string'");
		assertThat(onlyIssue("task.created", "task.percentComplete + 1").message()).contains("expected type 'bool'");
	}

	@Test
	void reportsSyntaxErrors() {
		assertThat(onlyIssue("task.created", "task.critical &&").message()).contains("mismatched input");
	}

	@Test
	void holdsExpressionsToTheCaps() {
		String longest = "task.critical" + " || task.critical".repeat(70);
		assertThat(longest.length()).isGreaterThan(Conditions.MAX_LENGTH);
		assertThat(onlyIssue("task.created", longest).message()).contains("more than the cap of 1000");
		String deep = "(".repeat(15) + "task.percentComplete" + " + 1)".repeat(15) + " > 3";
		assertThat(onlyIssue("task.created", deep).message()).contains("more than the cap of 12");
		String costly = "task.assignees.exists(a, task.assignees.exists(b, task.assignees.exists(c, a == b && b == c)))";
		assertThat(onlyIssue("task.created", costly).message()).contains("estimated cost");
	}

	@Test
	void evaluatesPlainJavaValues() {
		CompiledCondition tagged = compiled("milestone.approaching",
				"milestone.tags.exists(t, t == 'development') && milestone.slackDays < 3");
		assertThat(Conditions.evaluate(tagged, Map.of("milestone", Map.of("tags", List.of("development"), "slackDays", 1))))
			.isEqualTo(ConditionResult.of(true));
		assertThat(Conditions.evaluate(tagged, Map.of("milestone", Map.of("tags", List.of("design"), "slackDays", 1L))))
			.isEqualTo(ConditionResult.of(false));
		// a missing field reads as empty
		assertThat(Conditions.evaluate(tagged, Map.of("milestone", Map.of()))).isEqualTo(ConditionResult.of(false));
		CompiledCondition changed = compiled("task.updated", "'status' in changes && changes['status'].after == 'DONE'");
		assertThat(Conditions.evaluate(changed,
				Map.of("changes", Map.of("status", Map.of("before", "IN_PROGRESS", "after", "DONE"))))).isEqualTo(
						ConditionResult.of(true));
	}

	@Test
	void readsAFieldChangeByFieldOrIndexAndRefusesAnUnknownPart() {
		CompiledCondition done = compiled("task.updated", "\"status\" in changes && changes.status.after == \"DONE\"");
		CompiledCondition moved = compiled("task.updated",
				"changes[\"plannedStart\"].before != changes[\"plannedStart\"].after");
		Map<String, Object> finished = Map.of("changes",
				Map.of("status", Map.of("before", "IN_PROGRESS", "after", "DONE")));
		Map<String, Object> renamed = Map.of("changes", Map.of("name", Map.of("before", "Build", "after", "Build it")));
		assertThat(Conditions.evaluate(done, finished)).isEqualTo(ConditionResult.of(true));
		assertThat(Conditions.evaluate(done, renamed)).isEqualTo(ConditionResult.of(false));
		assertThat(Conditions.evaluate(moved,
				Map.of("changes", Map.of("plannedStart", Map.of("before", "2026-11-02", "after", "2026-11-09")))))
			.isEqualTo(ConditionResult.of(true));
		// a date set for the first time was empty before, not null
		assertThat(Conditions.evaluate(moved, Map.of("changes", Map.of("plannedStart", Map.of("before", "", "after",
				"2026-11-09"))))).isEqualTo(ConditionResult.of(true));
		// a null before (an older stored event) reads as empty rather than failing the run
		java.util.Map<String, Object> cleared = new java.util.HashMap<>();
		cleared.put("before", "2026-11-02");
		cleared.put("after", null);
		assertThat(Conditions.evaluate(compiled("task.updated", "changes.plannedStart.after == \"\""),
				Map.of("changes", Map.of("plannedStart", cleared)))).isEqualTo(ConditionResult.of(true));
		// an unguarded read of a field that did not change is a run-time error, not a crash
		assertThat(Conditions.evaluate(moved, renamed).failed()).isTrue();
		// before and after are strings; anything else is refused at save
		assertThat(onlyIssue("task.updated", "changes.status.later == \"DONE\"").message())
			.isEqualTo("undefined field 'later'");
		assertThat(onlyIssue("task.updated", "changes.percentComplete.after > 50").message())
			.contains("'_>_' applied to '(string, int)'");
		assertThat(onlyIssue("task.created", "\"status\" in changes").message())
			.contains("undeclared reference to 'changes'");
	}

	@Test
	void returnsRuntimeErrorsAsValues() {
		CompiledCondition missing = compiled("task.created", "task.critical");
		ConditionResult noTask = Conditions.evaluate(missing, Map.of());
		assertThat(noTask.value()).isFalse();
		assertThat(noTask.error()).isNotBlank();
		CompiledCondition divides = compiled("task.created", "100 / task.percentComplete > 1");
		assertThat(Conditions.evaluate(divides, Map.of("task", Map.of("percentComplete", 0L))).error()).contains("by zero");
	}

	@Test
	void stopsRunawayLoopsAtTheIterationLimit() {
		CompiledCondition loop = compiled("task.created", "task.assignees.all(a, a != '')");
		List<String> many = java.util.Collections.nCopies(Conditions.MAX_ITERATIONS + 1, "x");
		ConditionResult result = Conditions.evaluate(loop, Map.of("task", Map.of("assignees", many)));
		assertThat(result.failed()).isTrue();
		assertThat(result.error()).contains("Iteration budget exceeded");
	}

}
