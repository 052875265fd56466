package dev.milepost.notification.outbox;

import java.util.List;
import java.util.Map;

import dev.milepost.notification.NotificationKind;
import dev.milepost.notification.Notices;
import dev.milepost.notification.webhook.WebhookCalls;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Blueprint notices through the outbox, kind {@link NotificationKind#AUTOMATION}. */
@Component
class AutomationNotices implements Notices {

	private final Outbox outbox;

	private final WebhookCalls calls;

	AutomationNotices(Outbox outbox, WebhookCalls calls) {
		this.outbox = outbox;
		this.calls = calls;
	}

	@Override
	@Transactional
	public Sent send(Send send) {
		return sendAll(List.of(send)).get(0);
	}

	@Override
	@Transactional
	public List<Sent> sendAll(List<Send> sends) {
		return outbox.enqueueEach(sends.stream()
			.map(send -> new Outbox.Addressed(new Notice(send.key(), NotificationKind.AUTOMATION, send.projectId(),
					send.projectKey(), send.subjectType(), send.subjectId(), send.title(), send.text(), send.data(),
					send.occurredAt(), send.about()), send.usernames(), send.channels()))
			.toList())
			.stream()
			.map(written -> new Sent(written.id(), written.alreadyTold()))
			.toList();
	}

	@Override
	public WebhookCall call(String key, String url, Map<String, Object> payload) {
		return calls.call(key, url, payload);
	}

}
