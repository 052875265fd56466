package dev.milepost.plan;

import dev.milepost.audit.AuditScopeAccess;
import org.springframework.stereotype.Component;

/** Everyone who may read a project may read its audit record; outsiders learn nothing of it. */
@Component
class ProjectAuditAccess implements AuditScopeAccess {

	private final ProjectAccess access;

	ProjectAuditAccess(ProjectAccess access) {
		this.access = access;
	}

	@Override
	public void requireReadable(String projectKey) {
		access.read(projectKey);
	}

}
