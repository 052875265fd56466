package dev.milepost.automation.definition;

import java.util.UUID;

import dev.milepost.common.EntityChanged;

/**
 * Whose blueprints a request is about, and who asks: a project (by id and key) or the workspace
 * (both null).
 */
record Owner(UUID projectId, String projectKey, String actor) {

	static Owner workspace(String actor) {
		return new Owner(null, null, actor);
	}

	boolean workspace() {
		return projectId == null;
	}

	String scope() {
		return workspace() ? EntityChanged.WORKSPACE : projectKey;
	}

	boolean owns(StoredBlueprint blueprint) {
		return workspace() ? blueprint.workspace() : projectId.equals(blueprint.projectId());
	}

}
