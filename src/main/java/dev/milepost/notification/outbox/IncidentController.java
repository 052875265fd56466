package dev.milepost.notification.outbox;

import java.util.UUID;

import dev.milepost.common.EntityChanged;
import dev.milepost.common.ForbiddenException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries that gave up: a project's for its managers, the workspace's for administrators. */
@RestController
class IncidentController {

	private final Incidents incidents;

	private final ProjectAccess access;

	private final CurrentUsers currentUsers;

	IncidentController(Incidents incidents, ProjectAccess access, CurrentUsers currentUsers) {
		this.incidents = incidents;
		this.access = access;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/api/v1/projects/{key}/incidents")
	PageResponse<Incidents.Incident> list(@PathVariable String key, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return incidents.list(access.manage(key).projectId(), Paging.of(page, size));
	}

	@PostMapping("/api/v1/projects/{key}/incidents/{id}/retry")
	Incidents.Incident retry(@PathVariable String key, @PathVariable UUID id) {
		ProjectContext context = access.manage(key);
		return incidents.retry(context.projectId(), context.projectKey(), id, context.actor());
	}

	@GetMapping("/api/v1/incidents")
	PageResponse<Incidents.Incident> listWorkspace(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		admin();
		return incidents.list(null, Paging.of(page, size));
	}

	@PostMapping("/api/v1/incidents/{id}/retry")
	Incidents.Incident retryWorkspace(@PathVariable UUID id) {
		return incidents.retry(null, EntityChanged.WORKSPACE, id, admin().username());
	}

	private CurrentUser admin() {
		CurrentUser user = currentUsers.require();
		if (!user.admin()) {
			throw new ForbiddenException("Only workspace administrators see the workspace's incidents.");
		}
		return user;
	}

}
