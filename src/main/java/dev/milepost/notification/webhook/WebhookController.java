package dev.milepost.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.ForbiddenException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.notification.NotificationKind;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints: a project's, which its managers register, and the workspace's, which
 * administrators register. The secret is in the answer to the registration and nowhere else.
 */
@RestController
class WebhookController {

	private static final String PROJECT = "/api/v1/projects/{key}/webhooks";

	private static final String WORKSPACE = "/api/v1/webhooks";

	private final Webhooks webhooks;

	private final ProjectAccess access;

	private final CurrentUsers currentUsers;

	WebhookController(Webhooks webhooks, ProjectAccess access, CurrentUsers currentUsers) {
		this.webhooks = webhooks;
		this.access = access;
		this.currentUsers = currentUsers;
	}

	record WebhookRequest(@NotBlank @Size(max = 2000) String url, List<NotificationKind> events, WebhookFormat format,
			@Size(max = 500) String description) {
	}

	/** The answer to a registration: the only time the secret is shown. */
	record Registered(UUID id, String url, List<NotificationKind> events, WebhookFormat format, String description,
			boolean enabled, Instant createdAt, String createdBy, String secret) {
	}

	// ---- a project's webhooks (its managers) ----------------------------------------------------

	@GetMapping(PROJECT)
	List<Webhooks.View> list(@PathVariable String key) {
		return webhooks.list(project(key));
	}

	@PostMapping(PROJECT)
	ResponseEntity<Registered> register(@PathVariable String key, @Valid @RequestBody WebhookRequest request) {
		ProjectContext context = access.manage(key);
		return registered(scope(context), request, context.actor(), "/api/v1/projects/" + key + "/webhooks/");
	}

	@GetMapping(PROJECT + "/{id}")
	Webhooks.View get(@PathVariable String key, @PathVariable UUID id) {
		return Webhooks.View.of(webhooks.get(project(key), id));
	}

	@DeleteMapping(PROJECT + "/{id}")
	ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID id) {
		ProjectContext context = access.manage(key);
		webhooks.delete(scope(context), id, context.actor());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(PROJECT + "/{id}/enable")
	Webhooks.View enable(@PathVariable String key, @PathVariable UUID id) {
		ProjectContext context = access.manage(key);
		return Webhooks.View.of(webhooks.enable(scope(context), id, context.actor()));
	}

	@GetMapping(PROJECT + "/{id}/deliveries")
	PageResponse<Webhooks.Delivery> deliveries(@PathVariable String key, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return webhooks.deliveries(project(key), id, Paging.of(page, size));
	}

	// ---- the workspace's webhooks (administrators) ------------------------------------------------

	@GetMapping(WORKSPACE)
	List<Webhooks.View> listWorkspace() {
		admin();
		return webhooks.list(Webhooks.Scope.WORKSPACE);
	}

	@PostMapping(WORKSPACE)
	ResponseEntity<Registered> registerWorkspace(@Valid @RequestBody WebhookRequest request) {
		return registered(Webhooks.Scope.WORKSPACE, request, admin().username(), "/api/v1/webhooks/");
	}

	@GetMapping(WORKSPACE + "/{id}")
	Webhooks.View getWorkspace(@PathVariable UUID id) {
		admin();
		return Webhooks.View.of(webhooks.get(Webhooks.Scope.WORKSPACE, id));
	}

	@DeleteMapping(WORKSPACE + "/{id}")
	ResponseEntity<Void> deleteWorkspace(@PathVariable UUID id) {
		webhooks.delete(Webhooks.Scope.WORKSPACE, id, admin().username());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(WORKSPACE + "/{id}/enable")
	Webhooks.View enableWorkspace(@PathVariable UUID id) {
		return Webhooks.View.of(webhooks.enable(Webhooks.Scope.WORKSPACE, id, admin().username()));
	}

	@GetMapping(WORKSPACE + "/{id}/deliveries")
	PageResponse<Webhooks.Delivery> workspaceDeliveries(@PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		admin();
		return webhooks.deliveries(Webhooks.Scope.WORKSPACE, id, Paging.of(page, size));
	}

	private ResponseEntity<Registered> registered(Webhooks.Scope scope, WebhookRequest request, String actor,
			String base) {
		Webhooks.Endpoint endpoint = webhooks.register(scope, request.url(), request.events(), request.format(),
				request.description(), actor);
		Webhooks.View view = Webhooks.View.of(endpoint);
		return ResponseEntity.created(URI.create(base + endpoint.id()))
			.body(new Registered(view.id(), view.url(), view.events(), view.format(), view.description(),
					view.enabled(), view.createdAt(), view.createdBy(), endpoint.secret()));
	}

	private Webhooks.Scope project(String key) {
		return scope(access.manage(key));
	}

	private static Webhooks.Scope scope(ProjectContext context) {
		return new Webhooks.Scope(context.projectId(), context.projectKey());
	}

	private CurrentUser admin() {
		CurrentUser user = currentUsers.require();
		if (!user.admin()) {
			throw new ForbiddenException("Only workspace administrators manage the workspace's webhooks.");
		}
		return user;
	}

}
