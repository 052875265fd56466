package dev.milepost.automation.assistant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assistant's optional language model ({@code milepost.assistant.*}). Without an endpoint the
 * assistant uses its offline grammar only.
 *
 * @param endpoint base URL of an OpenAI-compatible server (the assistant POSTs to
 * {@code /v1/chat/completions} below it); empty to stay offline (the default)
 * @param model the model name sent with each request
 * @param apiKey sent as a bearer token when set
 * @param timeout how long the model may take to answer (default 30s)
 */
@ConfigurationProperties("milepost.assistant")
public record AssistantSettings(String endpoint, String model, String apiKey, Duration timeout) {

	public AssistantSettings {
		endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip().replaceAll("/+$", "");
		model = model == null || model.isBlank() ? "gpt-4o-mini" : model.strip();
		apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
		timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
	}

	public boolean modelEnabled() {
		return endpoint != null;
	}

}
