package dev.milepost.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.milepost.SmallStack;
import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.ParsedBlueprint;

/**
 * The assistant's grammar on any text up to the API's 2,000 characters: it reads the whole text
 * within its step budget ({@link Grammar#MAX_STEPS}; a text that needs more is what a hang looks
 * like, counted in work rather than in seconds, so a busy machine cannot fail this), positions
 * point into the text, and whatever it drafts is a blueprint the parser reads without throwing.
 * Seeds: {@code AssistantFuzzTestsInputs/draftAnyText/}.
 */
class AssistantFuzzTests {

	@FuzzTest(maxDuration = "2m")
	void draftAnyText(byte[] input) {
		String decoded = new String(input, StandardCharsets.UTF_8);
		String text = decoded.length() > BlueprintAssistant.MAX_TEXT ? decoded.substring(0, BlueprintAssistant.MAX_TEXT)
				: decoded;
		Draft draft = SmallStack.run(() -> Grammar.read(text));
		assertThat(draft.steps()).as("steps to read %s characters: more than the budget is a hang", text.length())
			.isLessThanOrEqualTo(Grammar.MAX_STEPS);
		for (NotUnderstood n : draft.notUnderstood()) {
			assertThat(n.position()).isBetween(0, Math.max(0, text.length() - 1));
			assertThat(n.reason()).isNotBlank();
		}
		for (Understood u : draft.understood()) {
			assertThat(text.substring(u.position())).startsWith(u.text());
		}
		if (!draft.rules().isEmpty()) {
			ParsedBlueprint parsed = BlueprintParser.parse(Yaml.write("Assistant draft", null, draft.rules()));
			assertThat(parsed).isNotNull();
		}
	}

}
