package dev.milepost.plan.task;

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
@RequestMapping("/api/v1/projects/{key}/tasks")
class TaskController {

	private final Tasks tasks;

	private final ProjectAccess access;

	private final MergePatch mergePatch;

	TaskController(Tasks tasks, ProjectAccess access, MergePatch mergePatch) {
		this.tasks = tasks;
		this.access = access;
		this.mergePatch = mergePatch;
	}

	@GetMapping
	PageResponse<TaskView> list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) TaskState state,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return tasks.list(access.read(key), q, assignee, state, Paging.of(page, size));
	}

	@PostMapping
	ResponseEntity<TaskView> create(@PathVariable String key, @Valid @RequestBody TaskRequest request) {
		Tasks.Versioned created = tasks.create(access.manage(key), request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/tasks/" + created.task().id()))
			.eTag(ETags.of(created.version()))
			.body(created.task());
	}

	@GetMapping("/{id}")
	ResponseEntity<TaskView> read(@PathVariable String key, @PathVariable UUID id) {
		Tasks.Versioned found = tasks.read(access.read(key), id);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.task());
	}

	@PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<TaskView> update(@PathVariable String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectContext context = access.read(key);
		tasks.requireMayEdit(context, id);
		TaskRequest changed = mergePatch.apply(tasks.requestOf(context, id), patch, TaskRequest.class);
		Tasks.Versioned updated = tasks.update(context, id, ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.task());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String key, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean removeLinks) {
		tasks.delete(access.manage(key), id, removeLinks);
		return ResponseEntity.noContent().build();
	}

}
