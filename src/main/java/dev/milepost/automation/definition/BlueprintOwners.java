package dev.milepost.automation.definition;

import dev.milepost.common.ForbiddenException;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import org.springframework.stereotype.Component;

/**
 * Who may read and write which blueprints: a project's people read its blueprints and its
 * managers (and administrators) write them, outsiders learn nothing (404); everyone signed in
 * reads workspace blueprints and administrators write them.
 */
@Component
class BlueprintOwners {

	private final ProjectAccess access;

	private final CurrentUsers currentUsers;

	BlueprintOwners(ProjectAccess access, CurrentUsers currentUsers) {
		this.access = access;
		this.currentUsers = currentUsers;
	}

	/** @param projectKey null for the workspace */
	Owner reader(String projectKey) {
		if (projectKey == null) {
			return Owner.workspace(currentUsers.require().username());
		}
		return owner(access.read(projectKey));
	}

	/** @param projectKey null for the workspace */
	Owner writer(String projectKey) {
		if (projectKey == null) {
			CurrentUser user = currentUsers.require();
			if (!user.admin()) {
				throw new ForbiddenException("Only workspace administrators may change workspace blueprints.");
			}
			return Owner.workspace(user.username());
		}
		ProjectContext context = access.read(projectKey);
		if (!context.canManage()) {
			throw new ForbiddenException("Only the project's managers may change its blueprints; your role here is "
					+ context.role().name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		return owner(context);
	}

	private static Owner owner(ProjectContext context) {
		return new Owner(context.projectId(), context.projectKey(), context.actor());
	}

}
