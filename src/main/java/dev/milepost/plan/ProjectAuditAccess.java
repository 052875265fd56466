package dev.milepost.plan;

import dev.milepost.audit.AuditScopeAccess;
import org.springframework.stereotype.Component;

/** Everyone who may read a project may read its audit record; outsiders learn nothing of it. */
@Component
class ProjectAuditAccess implements AuditScopeAccess {

	private final ProjectAccess access;

	private final PlanQueries queries;

	ProjectAuditAccess(ProjectAccess access, PlanQueries queries) {
		this.access = access;
		this.queries = queries;
	}

	@Override
	public void requireReadable(String projectKey) {
		access.read(projectKey);
	}

	@Override
	public String projectName(String projectKey) {
		return queries.heading(access.read(projectKey)).name();
	}

}
