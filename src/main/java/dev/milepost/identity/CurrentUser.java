package dev.milepost.identity;

import java.util.UUID;

/** The signed-in person making the current request. */
public record CurrentUser(UUID id, String username, String displayName, boolean admin) {
}
