package dev.milepost.audit.internal;

import dev.milepost.audit.AuditScopeAccess;
import dev.milepost.common.EntityChanged;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.NotFoundException;
import dev.milepost.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may read which audit record: a project's record whoever the plan module's
 * {@link AuditScopeAccess} lets in, the workspace record and the verification administrators only.
 */
@Component
class AuditReaders {

	private final ObjectProvider<AuditScopeAccess> projectAccess;

	AuditReaders(ObjectProvider<AuditScopeAccess> projectAccess) {
		this.projectAccess = projectAccess;
	}

	void requireProjectReadable(String projectKey, CurrentUser me) {
		if (EntityChanged.WORKSPACE.equals(projectKey)) {
			// the workspace record is not a project's; it has its own, administrators-only address
			throw NotFoundException.of("project", projectKey);
		}
		// getIfAvailable, not getIfUnique: two implementations are a wiring mistake that should fail loudly
		AuditScopeAccess access = projectAccess.getIfAvailable();
		if (access != null) {
			access.requireReadable(projectKey);
		}
		else {
			// nobody can tell project members yet, so only those who may see everything are let in
			requireAdmin(me, "Only workspace administrators may read a project's audit record.");
		}
	}

	void requireAdmin(CurrentUser me, String refusal) {
		if (!me.admin()) {
			throw new ForbiddenException(refusal);
		}
	}

}
