package dev.milepost.notification.webhook;

/** What a webhook receives. */
public enum WebhookFormat {

	/** {@code {"type", "timestamp", "data"}} as Standard Webhooks describes it, {@code data} holding the facts and the text. */
	STANDARD,
	/** {@code {"text"}} only, which chat tools' incoming webhooks (Slack, Mattermost, Teams workflows) show as a message. */
	CHAT

}
