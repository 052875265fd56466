package dev.milepost.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.ParsedBlueprint;
import org.junit.jupiter.api.AfterAll;

/**
 * The assistant's grammar on any text up to the API's 2,000 characters: it answers within a
 * second, positions point into the text, and whatever it drafts is a blueprint the parser reads
 * without throwing. Seeds: {@code AssistantFuzzTestsInputs/draftAnyText/}.
 */
class AssistantFuzzTests {

	private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(null, task, "assistant-fuzz", 512 * 1024);
		thread.setDaemon(true);
		return thread;
	});

	@AfterAll
	static void stopWorker() {
		WORKER.shutdownNow();
	}

	@FuzzTest(maxDuration = "2m")
	void draftAnyText(byte[] input) throws Exception {
		String decoded = new String(input, StandardCharsets.UTF_8);
		String text = decoded.length() > BlueprintAssistant.MAX_TEXT ? decoded.substring(0, BlueprintAssistant.MAX_TEXT)
				: decoded;
		Future<Draft> future = WORKER.submit(() -> Grammar.read(text));
		Draft draft;
		try {
			draft = future.get(2, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new AssertionError("the grammar took more than 2 s: a hang", ex);
		}
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
