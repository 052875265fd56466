package dev.milepost.process.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.process.internal.ProcessBodies.ProcessView;
import dev.milepost.process.internal.ProcessBodies.TemplateView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Process templates and the processes started from them. */
@RestController
class ProcessController {

	private final ProjectAccess access;

	private final ProcessTemplates templates;

	private final Processes processes;

	private final CurrentUsers currentUsers;

	ProcessController(ProjectAccess access, ProcessTemplates templates, Processes processes,
			CurrentUsers currentUsers) {
		this.access = access;
		this.templates = templates;
		this.processes = processes;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/api/v1/process-templates")
	List<TemplateView> builtIns() {
		currentUsers.require();
		return templates.builtIns();
	}

	@GetMapping("/api/v1/projects/{key}/process-templates")
	List<TemplateView> templates(@PathVariable String key) {
		return templates.of(access.read(key));
	}

	@PostMapping("/api/v1/projects/{key}/process-templates")
	ResponseEntity<TemplateView> define(@PathVariable String key, @Valid @RequestBody ProcessBodies.Template body) {
		ProjectContext context = access.manage(key);
		TemplateView created = templates.create(context, body);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/process-templates")).body(created);
	}

	@GetMapping("/api/v1/projects/{key}/processes")
	List<ProcessView> list(@PathVariable String key) {
		return processes.list(access.read(key));
	}

	@PostMapping("/api/v1/projects/{key}/processes")
	ResponseEntity<ProcessView> start(@PathVariable String key, @Valid @RequestBody ProcessBodies.Start body) {
		ProcessView started = processes.start(access.manage(key), body);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/processes/" + started.id()))
			.body(started);
	}

	@GetMapping("/api/v1/projects/{key}/processes/{id}")
	ProcessView read(@PathVariable String key, @PathVariable UUID id) {
		return processes.read(access.read(key), id);
	}

}
