package dev.milepost.automation.definition;

import java.time.Instant;
import java.util.UUID;

import dev.milepost.common.ConflictException;

/**
 * A blueprint's head: its name, status and which version is active. Versions themselves never
 * change. The transitions here are the rules: only a blueprint with an active version can be
 * paused or resumed.
 *
 * @param projectId null for a workspace blueprint
 * @param activeVersion the number of the active version, null while a draft
 * @param version the optimistic-lock version (the ETag)
 */
record StoredBlueprint(UUID id, UUID projectId, String projectKey, String name, BlueprintStatus status,
		Integer activeVersion, int latestVersion, long version, String createdBy, Instant createdAt,
		Instant updatedAt) {

	boolean workspace() {
		return projectId == null;
	}

	String scope() {
		return workspace() ? dev.milepost.common.EntityChanged.WORKSPACE : projectKey;
	}

	/** A new version was saved, possibly renaming the blueprint. */
	StoredBlueprint saved(int number, String newName, Instant at) {
		return new StoredBlueprint(id, projectId, projectKey, newName == null ? name : newName, status, activeVersion,
				number, version, createdBy, createdAt, at);
	}

	/** The version (already checked to be valid) becomes the one that runs. */
	StoredBlueprint activated(int number, String activeName, Instant at) {
		return new StoredBlueprint(id, projectId, projectKey, activeName, BlueprintStatus.ACTIVE, number, latestVersion,
				version, createdBy, createdAt, at);
	}

	StoredBlueprint paused(Instant at) {
		if (status != BlueprintStatus.ACTIVE) {
			throw new ConflictException("status", "Only an active blueprint can be paused; this one is "
					+ status.name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		return withStatus(BlueprintStatus.PAUSED, at);
	}

	StoredBlueprint resumed(Instant at) {
		if (status != BlueprintStatus.PAUSED) {
			throw new ConflictException("status", "Only a paused blueprint can be resumed; this one is "
					+ status.name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		return withStatus(BlueprintStatus.ACTIVE, at);
	}

	private StoredBlueprint withStatus(BlueprintStatus next, Instant at) {
		return new StoredBlueprint(id, projectId, projectKey, name, next, activeVersion, latestVersion, version,
				createdBy, createdAt, at);
	}

}
