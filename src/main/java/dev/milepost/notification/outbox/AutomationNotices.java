package dev.milepost.notification.outbox;

import java.util.Map;
import java.util.UUID;

import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.Notices;
import dev.milepost.notification.webhook.WebhookCalls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Blueprint notices through the outbox, kind {@link NotificationKind#AUTOMATION}. */
@Component
class AutomationNotices implements Notices {

	private final Outbox outbox;

	private final WebhookCalls calls;

	private final JdbcClient jdbc;

	AutomationNotices(Outbox outbox, WebhookCalls calls, JdbcClient jdbc) {
		this.outbox = outbox;
		this.calls = calls;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public UUID send(Send send) {
		Notice notice = new Notice(send.key(), NotificationKind.AUTOMATION, send.projectId(), send.projectKey(),
				send.subjectType(), send.subjectId(), send.title(), send.text(), send.data(), send.occurredAt());
		if (send.channels() == null) {
			outbox.enqueue(notice, send.usernames());
		}
		else {
			outbox.enqueueOn(notice, send.usernames(), send.channels());
		}
		return jdbc.sql("select id from notification_event where event_key = :key")
			.param("key", send.key())
			.query(UUID.class)
			.single();
	}

	@Override
	public WebhookCall call(String key, String url, Map<String, Object> payload) {
		return calls.call(key, url, payload);
	}

}
