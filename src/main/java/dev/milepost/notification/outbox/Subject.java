package dev.milepost.notification.outbox;

/**
 * What a notification is about, with the API address where it can be read.
 *
 * @param projectKey the project, or null for workspace matters
 * @param type {@code milestone}, {@code task}, …
 * @param id the entity's id
 * @param href the API path of the entity, or null when there is none
 */
public record Subject(String projectKey, String type, String id, String href) {

	public static Subject of(String projectKey, String type, String id) {
		if (projectKey == null) {
			return type == null ? null : new Subject(null, type, id, null);
		}
		String href = type == null ? "/api/v1/projects/" + projectKey
				: "/api/v1/projects/" + projectKey + "/" + type + "s/" + id;
		return new Subject(projectKey, type, id, href);
	}

}
