package dev.milepost.notification.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings ({@code milepost.webhooks.*}); {@code milepost.webhooks.allow-private} is read by
 * {@link dev.milepost.common.OutboundAddresses}, the policy every outgoing call asks.
 *
 * @param timeout how long a receiver has to answer (default 10s)
 */
@ConfigurationProperties("milepost.webhooks")
public record WebhookSettings(Duration timeout) {

	public WebhookSettings {
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

}
