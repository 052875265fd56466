package dev.milepost.plan.project;

import java.net.URI;

import dev.milepost.common.ETags;
import dev.milepost.common.MergePatch;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
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
@RequestMapping("/api/v1")
class ProjectController {

	private final Projects projects;

	private final MergePatch mergePatch;

	ProjectController(Projects projects, MergePatch mergePatch) {
		this.projects = projects;
		this.mergePatch = mergePatch;
	}

	@GetMapping("/projects")
	PageResponse<ProjectView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) ProjectStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return projects.list(q, status, Paging.of(page, size));
	}

	@PostMapping("/projects")
	ResponseEntity<ProjectView> create(@Valid @RequestBody ProjectRequest request) {
		Projects.Versioned created = projects.create(request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + created.project().key()))
			.eTag(ETags.of(created.version()))
			.body(created.project());
	}

	@GetMapping("/projects/{key}")
	ResponseEntity<ProjectView> read(@PathVariable String key) {
		Projects.Versioned found = projects.read(key);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(found.project());
	}

	@PatchMapping(path = "/projects/{key}", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<ProjectView> update(@PathVariable String key,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		ProjectRequest changed = mergePatch.apply(projects.requestOf(key), patch, ProjectRequest.class);
		Projects.Versioned updated = projects.update(key, ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated.project());
	}

	@DeleteMapping("/projects/{key}")
	ResponseEntity<Void> delete(@PathVariable String key,
			@RequestParam(defaultValue = "false") boolean removeContents) {
		projects.delete(key, removeContents);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/workspace/calendar")
	ResponseEntity<CalendarSettings> workspaceCalendar() {
		Projects.WorkspaceCalendarVersioned calendar = projects.workspaceCalendarSettings();
		return ResponseEntity.ok().eTag(ETags.of(calendar.version())).body(calendar.calendar());
	}

	@PatchMapping(path = "/workspace/calendar", consumes = { "application/json", "application/merge-patch+json" })
	ResponseEntity<CalendarSettings> changeWorkspaceCalendar(
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode patch) {
		CalendarSettings changed = mergePatch.apply(projects.workspaceCalendarSettings().calendar(), patch,
				CalendarSettings.class);
		Projects.WorkspaceCalendarVersioned calendar = projects.changeWorkspaceCalendar(ifMatch, changed);
		return ResponseEntity.ok().eTag(ETags.of(calendar.version())).body(calendar.calendar());
	}

}
