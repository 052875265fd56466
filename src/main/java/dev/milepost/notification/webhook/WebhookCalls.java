package dev.milepost.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.milepost.notification.Notices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One-off calls of an address a blueprint names ({@code call-webhook}): the same address check as
 * registered webhooks (before every call), the same Standard Webhooks headers, signed with the
 * workspace's automation secret ({@code milepost.webhooks.automation-secret}; without one the
 * call carries no signature), no redirects followed. The caller records the outcome; a failed
 * call is not retried here (the run's incident says so).
 */
@Component
public class WebhookCalls {

	private final WebhookTargets targets;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration timeout;

	private final String secret;

	private final HttpClient http;

	WebhookCalls(WebhookTargets targets, WebhookSettings settings, JsonMapper json, Clock clock,
			@Value("${milepost.webhooks.automation-secret:}") String secret) {
		this.targets = targets;
		this.json = json;
		this.clock = clock;
		this.timeout = settings.timeout();
		this.secret = secret == null || secret.isBlank() ? null : secret.strip();
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public Notices.WebhookCall call(String id, String url, Map<String, Object> payload) {
		Optional<URI> parsed = WebhookTargets.parse(url);
		if (parsed.isEmpty()) {
			return new Notices.WebhookCall(false, null, "'" + url + "' is not a valid URL.");
		}
		Optional<String> refusal = targets.refusal(parsed.get());
		if (refusal.isPresent()) {
			return new Notices.WebhookCall(false, null, "Not called: " + refusal.get());
		}
		String body = json.writeValueAsString(payload == null ? Map.of() : payload);
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(parsed.get())
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Milepost-Webhooks/1")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (secret != null) {
			request.header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body));
		}
		try {
			int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			boolean ok = status >= 200 && status < 300;
			return new Notices.WebhookCall(ok, status, ok ? "Answered " + status + "." : "The receiver answered " + status + ".");
		}
		catch (IOException e) {
			return new Notices.WebhookCall(false, null, "No answer from the receiver: " + e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Notices.WebhookCall(false, null, "Interrupted while calling the receiver.");
		}
	}

}
