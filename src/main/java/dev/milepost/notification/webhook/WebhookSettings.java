package dev.milepost.notification.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings ({@code milepost.webhooks.*}).
 *
 * @param allowPrivate accept targets on loopback, private and link-local addresses (default
 * false: a webhook could otherwise be used to reach services inside the network)
 * @param timeout how long a receiver has to answer (default 10s)
 */
@ConfigurationProperties("milepost.webhooks")
public record WebhookSettings(Boolean allowPrivate, Duration timeout) {

	public WebhookSettings {
		allowPrivate = allowPrivate != null && allowPrivate;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

}
