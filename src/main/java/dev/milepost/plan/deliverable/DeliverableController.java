package dev.milepost.plan.deliverable;

import java.net.URI;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

@RestController
@RequestMapping("/api/v1/projects/{key}/deliverables")
class DeliverableController {

	private final Deliverables deliverables;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	DeliverableController(Deliverables deliverables, ProjectAccess access, MergePatch mergePatch) {
		this.deliverables = deliverables;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	record AcceptanceRequest(@Size(max = 4000) String note) {
	}

	record RejectionRequest(
			@NotBlank(message = "is required: say why, so the deliverable can be reworked") @Size(max = 4000) String reason) {
	}

	@GetMapping
	PageResponse<Deliverables.DeliverableView> list(@PathVariable String key,
			@RequestParam(required = false) String q, @RequestParam(required = false) String acceptor,
			@RequestParam(required = false) Boolean accepted, @RequestParam(required = false) UUID milestone,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return deliverables.list(access.read(key), q, acceptor, accepted, milestone, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<Deliverables.DeliverableView> create(@PathVariable String key,
			@Valid @RequestBody Deliverables.DeliverableRequest request) {
		Deliverables.Versioned created = deliverables.create(access.manage(key), request);
		return ResponseEntity
			.created(URI.create("/api/v1/projects/" + key + "/deliverables/" + created.deliverable().id()))
			.eTag(ETags.of(created.version()))
			.body(created.deliverable());
	}

	@GetMapping("/{id}")
	ResponseEntity<Deliverables.DeliverableView> read(@PathVariable String key, @PathVariable UUID id) {
		Deliverables.Versioned found = deliverables.read(access.read(key), id);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.deliverable());
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<Deliverables.DeliverableView> update(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectContext context = access.manage(key);
		Deliverables.DeliverableRequest changed = mergePatch.apply(deliverables.requestOf(context, id), patch,
				Deliverables.DeliverableRequest.class);
		Deliverables.Versioned updated = deliverables.update(context, id, ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.deliverable());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID id) {
		deliverables.delete(access.manage(key), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/acceptance")
	ResponseEntity<Deliverables.DeliverableView> accept(@PathVariable String key, @PathVariable UUID id,
			@Valid @RequestBody(required = false) AcceptanceRequest request) {
		Deliverables.Versioned accepted = deliverables.accept(access.read(key), id,
				request == null ? null : request.note());
		return ResponseEntity.ok().eTag(ETags.of(accepted.version())).body(accepted.deliverable());
	}

	/** The acceptor rejects, with the reason; the deliverable stays open to be reworked and accepted. */
	@PostMapping("/{id}/rejection")
	ResponseEntity<Deliverables.DeliverableView> reject(@PathVariable String key, @PathVariable UUID id,
			@Valid @RequestBody RejectionRequest request) {
		Deliverables.Versioned rejected = deliverables.reject(access.read(key), id, request.reason());
		return ResponseEntity.ok().eTag(ETags.of(rejected.version())).body(rejected.deliverable());
	}

}
