package dev.milepost.approval.internal;

import java.net.URI;
import java.util.UUID;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A project's approval requests: everyone in the project reads them, managers open and change
 * them, the approvers they name decide or delegate their own turns.
 */
@RestController
@RequestMapping("/api/v1/projects/{key}/approvals")
class ApprovalController {

	private final Approvals approvals;

	private final ApprovalDecisions decisions;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	ApprovalController(Approvals approvals, ApprovalDecisions decisions, ProjectAccess access,
			MergePatch mergePatch) {
		this.approvals = approvals;
		this.decisions = decisions;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	PageResponse<ApprovalView> list(@PathVariable String key, @RequestParam(required = false) ApprovalStatus status,
			@RequestParam(required = false) UUID subject, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return approvals.list(access.read(key), status, subject, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<ApprovalView> create(@PathVariable String key,
			@Valid @RequestBody ApprovalBodies.NewApproval body) {
		return created(key, approvals.create(access.manage(key), body));
	}

	@GetMapping("/{id}")
	ResponseEntity<ApprovalView> read(@PathVariable String key, @PathVariable UUID id) {
		return ok(approvals.read(access.read(key), id));
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<ApprovalView> update(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectContext context = access.manage(key);
		ApprovalBodies.Changes changes = mergePatch.apply(approvals.changesOf(context, id), patch,
				ApprovalBodies.Changes.class);
		return ok(approvals.update(context, id, ifMatch, changes));
	}

	@PostMapping("/{id}/decisions")
	ResponseEntity<ApprovalView> decide(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ApprovalBodies.DecisionBody body) {
		return ok(decisions.decide(access.read(key), id, ifMatch, body));
	}

	@PostMapping("/{id}/delegation")
	ResponseEntity<ApprovalView> delegate(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ApprovalBodies.DelegationBody body) {
		return ok(decisions.delegate(access.read(key), id, ifMatch, body));
	}

	static ResponseEntity<ApprovalView> created(String key, Approvals.Versioned created) {
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/approvals/" + created.approval().id()))
			.eTag(ETags.of(created.version()))
			.body(created.approval());
	}

	private static ResponseEntity<ApprovalView> ok(Approvals.Versioned versioned) {
		return ResponseEntity.ok().eTag(ETags.of(versioned.version())).body(versioned.approval());
	}

}
