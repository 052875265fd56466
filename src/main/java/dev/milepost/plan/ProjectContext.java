package dev.milepost.plan;

import java.util.UUID;

import dev.milepost.identity.CurrentUser;

/**
 * The project a request is about and who is asking: their role there, or none for a workspace
 * administrator who is not a member.
 */
public record ProjectContext(UUID projectId, String projectKey, CurrentUser user, ProjectRole role) {

	public boolean canManage() {
		return user.admin() || role == ProjectRole.MANAGER;
	}

	public boolean holds(ProjectRole wanted) {
		return role == wanted;
	}

	public String actor() {
		return user.username();
	}

}
