package dev.milepost.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.milepost.notification.Channel;
import dev.milepost.notification.outbox.ChannelSender;
import dev.milepost.notification.outbox.Claimed;
import dev.milepost.notification.outbox.DeliveryFailure;
import dev.milepost.notification.outbox.Subject;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls webhook endpoints: a POST of the JSON payload with the Standard Webhooks headers
 * ({@code webhook-id} = the delivery's id, the same on every retry; {@code webhook-timestamp};
 * {@code webhook-signature}). A 2xx answer is success, 410 Gone disables the endpoint, anything
 * else (or no answer) is retried. Redirects are not followed.
 */
@Component
class WebhookChannel implements ChannelSender {

	private final Webhooks webhooks;

	private final WebhookTargets targets;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration timeout;

	private final HttpClient http;

	WebhookChannel(Webhooks webhooks, WebhookTargets targets, WebhookSettings settings, JsonMapper json, Clock clock) {
		this.webhooks = webhooks;
		this.targets = targets;
		this.json = json;
		this.clock = clock;
		this.timeout = settings.timeout();
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public Integer send(Claimed delivery) throws DeliveryFailure {
		Webhooks.Endpoint endpoint = webhooks.find(delivery.webhookId())
			.orElseThrow(() -> new DeliveryFailure("The webhook was deleted.", null, true));
		URI target = URI.create(endpoint.url());
		Optional<String> refusal = targets.refusal(target);
		if (refusal.isPresent()) {
			throw attempt(delivery, DeliveryFailure.retryable("Not called: " + refusal.get(), null), 0);
		}
		String body = payload(delivery, endpoint.format());
		String id = delivery.id().toString();
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Milepost-Webhooks/1")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(endpoint.secret(), id, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		long started = System.nanoTime();
		HttpResponse<Void> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException e) {
			throw attempt(delivery, DeliveryFailure.retryable("No answer from the receiver: " + e, null), started);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw attempt(delivery, DeliveryFailure.retryable("Interrupted while calling the receiver", null), started);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			webhooks.recordAttempt(delivery.id(), delivery.webhookId(), clock.instant(), status, null, millisSince(started));
			return status;
		}
		if (status == 410) {
			throw attempt(delivery, new DeliveryFailure("The receiver answered 410 Gone: it wants no more deliveries.",
					status, true), started);
		}
		throw attempt(delivery, DeliveryFailure.retryable("The receiver answered " + status + ".", status), started);
	}

	@Override
	public void gaveUp(Claimed delivery, DeliveryFailure failure) {
		String reason = failure.permanent() && Integer.valueOf(410).equals(failure.status())
				? "The receiver answered 410 Gone at " + clock.instant() + "."
				: "Delivery " + delivery.id() + " failed for " + delivery.attempts() + " attempts; the last: "
						+ failure.getMessage();
		webhooks.disable(delivery.webhookId(), reason.length() > 500 ? reason.substring(0, 500) : reason);
	}

	private DeliveryFailure attempt(Claimed delivery, DeliveryFailure failure, long started) {
		webhooks.recordAttempt(delivery.id(), delivery.webhookId(), clock.instant(), failure.status(),
				failure.getMessage(), started == 0 ? 0 : millisSince(started));
		return failure;
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** The same bytes on every attempt: built only from what the outbox stored. */
	String payload(Claimed delivery, WebhookFormat format) {
		Claimed.Event event = delivery.event();
		String text = event.title() + "\n" + event.body();
		ObjectNode root = json.createObjectNode();
		if (format == WebhookFormat.CHAT) {
			root.put("text", text);
			return json.writeValueAsString(root);
		}
		root.put("type", event.kind().type());
		root.put("timestamp", event.occurredAt().toString());
		ObjectNode data = root.putObject("data");
		data.put("title", event.title());
		data.put("text", event.body());
		Subject subject = event.subject();
		if (subject != null) {
			data.set("subject", json.valueToTree(subject));
		}
		data.setAll((ObjectNode) json.readTree(event.data()));
		return json.writeValueAsString(root);
	}

}
