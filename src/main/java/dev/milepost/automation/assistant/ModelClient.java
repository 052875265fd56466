package dev.milepost.automation.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an OpenAI-compatible chat completions endpoint for a blueprint. The system prompt carries
 * the blueprint format; whatever comes back is only text to be validated like any other draft.
 */
@Component
class ModelClient {

	/** What the model said, or why nothing usable came back. */
	record Reply(String text, String failure) {
	}

	private final AssistantSettings settings;

	private final JsonMapper json;

	private final RestClient rest;

	private final String systemPrompt;

	ModelClient(AssistantSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
		requests.setReadTimeout(settings.timeout());
		this.rest = RestClient.builder().requestFactory(requests).build();
		this.systemPrompt = resource("/automation/assistant-system-prompt.md");
	}

	boolean enabled() {
		return settings.modelEnabled();
	}

	Reply draft(String request) {
		Map<String, Object> body = Map.of("model", settings.model(), "temperature", 0, "messages",
				List.of(Map.of("role", "system", "content", systemPrompt), Map.of("role", "user", "content", request)));
		try {
			RestClient.RequestBodySpec call = rest.post()
				.uri(settings.endpoint() + "/v1/chat/completions")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON);
			if (settings.apiKey() != null) {
				call = call.header("Authorization", "Bearer " + settings.apiKey());
			}
			String answer = call.body(json.writeValueAsString(body)).retrieve().body(String.class);
			JsonNode content = json.readTree(answer == null ? "{}" : answer).path("choices").path(0).path("message")
				.path("content");
			if (!content.isString() || content.asString().isBlank()) {
				return new Reply(null, "the model answered without a message");
			}
			return new Reply(unfence(content.asString()), null);
		}
		catch (RestClientException | JacksonException | IllegalArgumentException ex) {
			return new Reply(null, "the model could not be asked: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : " (" + abbreviate(ex.getMessage()) + ")"));
		}
	}

	/** Models like to wrap YAML in a Markdown fence; the text inside is what counts. */
	static String unfence(String text) {
		String t = text.strip();
		int open = t.indexOf("```");
		if (open < 0) {
			return t + "\n";
		}
		int lineEnd = t.indexOf('\n', open);
		int close = lineEnd < 0 ? -1 : t.indexOf("```", lineEnd);
		if (close < 0) {
			return t + "\n";
		}
		return t.substring(lineEnd + 1, close).stripTrailing() + "\n";
	}

	private static String abbreviate(String message) {
		return message.length() > 200 ? message.substring(0, 200) + "…" : message;
	}

	private static String resource(String path) {
		try (InputStream in = ModelClient.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
