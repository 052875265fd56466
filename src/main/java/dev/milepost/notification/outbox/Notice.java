package dev.milepost.notification.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.milepost.notification.NotificationKind;

/**
 * Something to tell people about, as it is written to the outbox.
 *
 * @param key what makes it this notice and no other: the same key is never delivered twice
 * (e.g. {@code reminder:task:<id>:<finish>:<days>})
 * @param kind what kind of thing happened
 * @param projectId the project it is about, or null
 * @param projectKey that project's key, or null
 * @param subjectType the kind of entity it is about ({@code milestone}, {@code task}), or null
 * @param subjectId that entity's id
 * @param title one line, for the inbox, the e-mail subject and chat
 * @param text the whole message in plain language
 * @param data the facts, for webhook payloads
 * @param occurredAt when it happened
 * @param about the thing that happened ({@link dev.milepost.notification.EventKeys}), or null: a
 * person gets one delivery per channel of it, whichever notice came first
 */
public record Notice(String key, NotificationKind kind, UUID projectId, String projectKey, String subjectType,
		String subjectId, String title, String text, Map<String, Object> data, Instant occurredAt, String about) {

	public Notice(String key, NotificationKind kind, UUID projectId, String projectKey, String subjectType,
			String subjectId, String title, String text, Map<String, Object> data, Instant occurredAt) {
		this(key, kind, projectId, projectKey, subjectType, subjectId, title, text, data, occurredAt, null);
	}

	public Notice {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(occurredAt, "occurredAt");
		data = data == null ? Map.of() : data;
	}

}
