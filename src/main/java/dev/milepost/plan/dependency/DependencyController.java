package dev.milepost.plan.dependency;

import java.net.URI;
import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.LinkType;
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
@RequestMapping("/api/v1/projects/{key}/dependencies")
class DependencyController {

	private final Dependencies dependencies;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	DependencyController(Dependencies dependencies, ProjectAccess access, MergePatch mergePatch) {
		this.dependencies = dependencies;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	PageResponse<Dependencies.DependencyView> list(@PathVariable String key,
			@RequestParam(required = false) UUID activity, @RequestParam(required = false) LinkType type,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return dependencies.list(access.read(key), activity, type, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<Dependencies.DependencyView> create(@PathVariable String key,
			@Valid @RequestBody Dependencies.DependencyRequest request) {
		Dependencies.Versioned created = dependencies.create(access.manage(key), request);
		return ResponseEntity
			.created(URI.create("/api/v1/projects/" + key + "/dependencies/" + created.dependency().id()))
			.eTag(ETags.of(created.version()))
			.body(created.dependency());
	}

	@GetMapping("/{id}")
	ResponseEntity<Dependencies.DependencyView> read(@PathVariable String key, @PathVariable UUID id) {
		Dependencies.Versioned found = dependencies.read(access.read(key), id);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.dependency());
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<Dependencies.DependencyView> update(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectContext context = access.manage(key);
		Dependencies.DependencyRequest changed = mergePatch.apply(dependencies.requestOf(context, id), patch,
				Dependencies.DependencyRequest.class);
		Dependencies.Versioned updated = dependencies.update(context, id, ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.dependency());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID id) {
		dependencies.delete(access.manage(key), id);
		return ResponseEntity.noContent().build();
	}

}
