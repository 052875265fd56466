package dev.milepost.feed;

import java.time.Instant;
import java.util.Optional;

import dev.milepost.plan.ProjectContext;

/**
 * A person's own calendar feed of a project's milestones: a secret URL that works without
 * signing in, for as long as it is not revoked and its person still belongs to the project. Each
 * person has at most one per project; revoking or rotating it leaves everyone else's alone. Only
 * a hash of the secret is stored, so the URL is shown once, when it is made.
 */
public interface CalendarFeeds {

	/** Where the feed is read: {@code /calendar/{secret}.ics}. */
	static String path(String secret) {
		return "/calendar/" + secret + ".ics";
	}

	/** The caller's feed of the project, if they have one. */
	Optional<Feed> of(ProjectContext context);

	/** Makes the caller's feed, or gives it a new secret (the old URL stops working at once). */
	Issued create(ProjectContext context);

	/** Revokes the caller's feed; refuses (404) when they have none. */
	void revoke(ProjectContext context);

	/** A feed as its owner sees it later: when it was made and last read, and the secret's first characters. */
	record Feed(String projectKey, String hint, Instant createdAt, Instant lastUsedAt) {
	}

	/** A feed just made: its secret is in here and nowhere else. */
	record Issued(Feed feed, String secret) {

		public String path() {
			return CalendarFeeds.path(secret);
		}

	}

}
