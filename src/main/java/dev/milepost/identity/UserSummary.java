package dev.milepost.identity;

import java.util.UUID;

/** What other modules may know of a person. */
public record UserSummary(UUID id, String username, String displayName, String email, boolean admin,
		boolean enabled) {
}
