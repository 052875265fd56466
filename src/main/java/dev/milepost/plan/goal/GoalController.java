package dev.milepost.plan.goal;

import java.net.URI;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.validation.Valid;
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
@RequestMapping("/api/v1/projects/{key}/goals")
class GoalController {

	private final Goals goals;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	GoalController(Goals goals, ProjectAccess access, MergePatch mergePatch) {
		this.goals = goals;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	PageResponse<Goals.GoalView> list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return goals.list(access.read(key), q, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<Goals.GoalView> create(@PathVariable String key, @Valid @RequestBody Goals.GoalRequest request) {
		Goals.Versioned created = goals.create(access.manage(key), request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/goals/" + created.goal().id()))
			.eTag(ETags.of(created.version()))
			.body(created.goal());
	}

	@GetMapping("/{id}")
	ResponseEntity<Goals.GoalView> read(@PathVariable String key, @PathVariable UUID id) {
		Goals.Versioned found = goals.read(access.read(key), id);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.goal());
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<Goals.GoalView> update(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectContext context = access.manage(key);
		Goals.GoalRequest changed = mergePatch.apply(goals.requestOf(context, id), patch, Goals.GoalRequest.class);
		Goals.Versioned updated = goals.update(context, id, ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.goal());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID id) {
		goals.delete(access.manage(key), id);
		return ResponseEntity.noContent().build();
	}

}
