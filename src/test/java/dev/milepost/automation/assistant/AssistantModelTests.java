package dev.milepost.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.milepost.automation.definition.ProjectFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional model, against a local stand-in for an OpenAI-compatible server (no network): what
 * is sent, and that whatever comes back is checked like any draft and never taken on trust.
 */
class AssistantModelTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpServer server;

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile String reply;

	private volatile int status = 200;

	@BeforeEach
	void startStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", this::answer);
		server.start();
	}

	@AfterEach
	void stopStub() {
		server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
		authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		byte[] body = JSON.writeValueAsString(java.util.Map.of("choices",
				List.of(java.util.Map.of("message", java.util.Map.of("role", "assistant", "content", reply)))))
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private BlueprintAssistant assistant(String endpoint) {
		AssistantSettings settings = new AssistantSettings(endpoint, "local-model", "sk-test", Duration.ofSeconds(5));
		return new BlueprintAssistant(new ModelClient(settings, JSON));
	}

	private String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	@Test
	void aValidBlueprintFromTheModelIsCheckedAndExplained() {
		reply = """
				Here you go:
				```yaml
				blueprint: Assistant draft
				rules:
				  - name: Escalate missed milestones
				    when:
				      trigger: milestone.missed
				    then:
				      - action: escalate
				        message: "{{milestone.name}} was missed"
				```
				""";
		BlueprintAssistant.Answer answer = assistant(endpoint()).draft("escalate missed milestones", ProjectFacts.NONE,
				null);
		assertThat(answer.source()).isEqualTo(BlueprintAssistant.Source.MODEL);
		assertThat(answer.problems()).isEmpty();
		assertThat(answer.yaml()).startsWith("blueprint: Assistant draft").doesNotContain("```");
		assertThat(String.join(" ", answer.explanation())).containsIgnoringCase("missed");

		JsonNode sent = requests.get(0);
		assertThat(sent.get("model").asString()).isEqualTo("local-model");
		assertThat(sent.get("messages").get(0).get("role").asString()).isEqualTo("system");
		assertThat(sent.get("messages").get(0).get("content").asString()).contains("milestone.approaching",
				"remind-feeding-task-owners", "stakeholders");
		assertThat(sent.get("messages").get(1).get("content").asString()).isEqualTo("escalate missed milestones");
		assertThat(authorizations).containsExactly("Bearer sk-test");
	}

	@Test
	void anInvalidBlueprintFromTheModelComesBackAsADraftWithItsProblems() {
		reply = """
				blueprint: Assistant draft
				rules:
				  - name: Page everyone
				    when:
				      trigger: milestone.exploded
				    if: milestone.colour == "red"
				    then:
				      - action: launch-rockets
				""";
		BlueprintAssistant.Answer answer = assistant(endpoint()).draft("page everyone when it explodes",
				ProjectFacts.NONE, null);
		assertThat(answer.source()).isEqualTo(BlueprintAssistant.Source.MODEL);
		assertThat(answer.yaml()).contains("milestone.exploded");
		assertThat(answer.problems()).isNotEmpty();
		assertThat(answer.explanation()).isEmpty();
	}

	@Test
	void whenTheModelFailsTheGrammarDraftsAndSaysSo() {
		status = 500;
		reply = "boom";
		BlueprintAssistant.Answer answer = assistant(endpoint()).draft("when a task is overdue notify the manager",
				ProjectFacts.NONE, null);
		assertThat(answer.source()).isEqualTo(BlueprintAssistant.Source.GRAMMAR);
		assertThat(answer.yaml()).contains("trigger: task.overdue");
		assertThat(answer.notes().get(0)).contains("the model could not be asked", "offline grammar");
	}

	@Test
	void theGrammarIsUsedWhenAskedForOrWhenNoModelIsConfigured() {
		reply = "blueprint: never used";
		assertThat(assistant(endpoint())
			.draft("when a task is overdue notify the manager", ProjectFacts.NONE, BlueprintAssistant.Source.GRAMMAR)
			.source()).isEqualTo(BlueprintAssistant.Source.GRAMMAR);
		assertThat(assistant(null).draft("when a task is overdue notify the manager", ProjectFacts.NONE, null)
			.source()).isEqualTo(BlueprintAssistant.Source.GRAMMAR);
		BlueprintAssistant.Answer asked = assistant(null).draft("when a task is overdue notify the manager",
				ProjectFacts.NONE, BlueprintAssistant.Source.MODEL);
		assertThat(asked.source()).isEqualTo(BlueprintAssistant.Source.GRAMMAR);
		assertThat(asked.notes().get(0)).contains("No model is configured");
		assertThat(requests).isEmpty();
	}

}
