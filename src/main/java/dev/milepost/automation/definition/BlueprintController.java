package dev.milepost.automation.definition;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.milepost.automation.definition.BlueprintViews.AutomationSwitch;
import dev.milepost.automation.definition.BlueprintViews.AutomationView;
import dev.milepost.automation.definition.BlueprintViews.BlueprintView;
import dev.milepost.automation.definition.BlueprintViews.DiffView;
import dev.milepost.automation.definition.BlueprintViews.Save;
import dev.milepost.automation.definition.BlueprintViews.Source;
import dev.milepost.automation.definition.BlueprintViews.Validation;
import dev.milepost.automation.definition.BlueprintViews.VersionChoice;
import dev.milepost.automation.definition.BlueprintViews.VersionSummary;
import dev.milepost.automation.definition.BlueprintViews.VersionView;
import dev.milepost.common.ETags;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project blueprints ({@code /api/v1/projects/{key}/blueprints}) and workspace blueprints
 * ({@code /api/v1/blueprints}): the same operations, told apart by whether a project key is in the
 * path.
 */
@RestController
class BlueprintController {

	private static final String PROJECT = "/api/v1/projects/{key}/blueprints";

	private static final String WORKSPACE = "/api/v1/blueprints";

	private final BlueprintOwners owners;

	private final BlueprintService blueprints;

	BlueprintController(BlueprintOwners owners, BlueprintService blueprints) {
		this.owners = owners;
		this.blueprints = blueprints;
	}

	@GetMapping({ PROJECT, WORKSPACE })
	List<BlueprintView> list(@PathVariable(required = false) String key) {
		return blueprints.list(owners.reader(key));
	}

	@PostMapping({ PROJECT, WORKSPACE })
	ResponseEntity<BlueprintView> create(@PathVariable(required = false) String key, @Valid @RequestBody Save body) {
		BlueprintView created = blueprints.create(owners.writer(key), body.yaml(), body.note(), body.activateNow());
		String base = key == null ? WORKSPACE : PROJECT.replace("{key}", key);
		return ResponseEntity.created(URI.create(base + "/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@PostMapping(path = { PROJECT + "/validate", WORKSPACE + "/validate" }, consumes = "application/json")
	Validation validate(@PathVariable(required = false) String key, @RequestParam(required = false) UUID blueprint,
			@Valid @RequestBody Source body) {
		return blueprints.validate(owners.reader(key), blueprint, body.yaml());
	}

	@PostMapping(path = { PROJECT + "/validate", WORKSPACE + "/validate" }, consumes = { "text/yaml",
			"application/yaml", "application/x-yaml", "text/plain" })
	Validation validateText(@PathVariable(required = false) String key,
			@RequestParam(required = false) UUID blueprint, @RequestBody(required = false) String yaml) {
		return blueprints.validate(owners.reader(key), blueprint, yaml);
	}

	@GetMapping({ PROJECT + "/{id}", WORKSPACE + "/{id}" })
	ResponseEntity<BlueprintView> read(@PathVariable(required = false) String key, @PathVariable UUID id) {
		return withETag(blueprints.read(owners.reader(key), id));
	}

	@PutMapping({ PROJECT + "/{id}", WORKSPACE + "/{id}" })
	ResponseEntity<BlueprintView> save(@PathVariable(required = false) String key, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody Save body) {
		return withETag(blueprints.save(owners.writer(key), id, ifMatch, body.yaml(), body.note(), body.activateNow()));
	}

	@DeleteMapping({ PROJECT + "/{id}", WORKSPACE + "/{id}" })
	ResponseEntity<Void> delete(@PathVariable(required = false) String key, @PathVariable UUID id) {
		blueprints.delete(owners.writer(key), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping({ PROJECT + "/{id}/versions", WORKSPACE + "/{id}/versions" })
	List<VersionSummary> versions(@PathVariable(required = false) String key, @PathVariable UUID id) {
		return blueprints.versions(owners.reader(key), id);
	}

	@GetMapping({ PROJECT + "/{id}/versions/{number}", WORKSPACE + "/{id}/versions/{number}" })
	VersionView version(@PathVariable(required = false) String key, @PathVariable UUID id, @PathVariable int number) {
		return blueprints.version(owners.reader(key), id, number);
	}

	@GetMapping({ PROJECT + "/{id}/diff", WORKSPACE + "/{id}/diff" })
	DiffView diff(@PathVariable(required = false) String key, @PathVariable UUID id, @RequestParam int from,
			@RequestParam int to) {
		return blueprints.diff(owners.reader(key), id, from, to);
	}

	@PostMapping({ PROJECT + "/{id}/activate", WORKSPACE + "/{id}/activate" })
	ResponseEntity<BlueprintView> activate(@PathVariable(required = false) String key, @PathVariable UUID id,
			@Valid @RequestBody VersionChoice body) {
		return withETag(blueprints.activate(owners.writer(key), id, body.version()));
	}

	@PostMapping({ PROJECT + "/{id}/pause", WORKSPACE + "/{id}/pause" })
	ResponseEntity<BlueprintView> pause(@PathVariable(required = false) String key, @PathVariable UUID id) {
		return withETag(blueprints.pause(owners.writer(key), id));
	}

	@PostMapping({ PROJECT + "/{id}/resume", WORKSPACE + "/{id}/resume" })
	ResponseEntity<BlueprintView> resume(@PathVariable(required = false) String key, @PathVariable UUID id) {
		return withETag(blueprints.resume(owners.writer(key), id));
	}

	@PostMapping({ PROJECT + "/{id}/rollback", WORKSPACE + "/{id}/rollback" })
	ResponseEntity<BlueprintView> rollback(@PathVariable(required = false) String key, @PathVariable UUID id,
			@Valid @RequestBody VersionChoice body) {
		return withETag(blueprints.rollback(owners.writer(key), id, body.version()));
	}

	@PostMapping(PROJECT + "/applied/{id}")
	ResponseEntity<BlueprintView> apply(@PathVariable String key, @PathVariable UUID id) {
		return ResponseEntity.status(201).body(blueprints.apply(owners.writer(key), id));
	}

	@DeleteMapping(PROJECT + "/applied/{id}")
	ResponseEntity<Void> unapply(@PathVariable String key, @PathVariable UUID id) {
		blueprints.unapply(owners.writer(key), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/projects/{key}/automation")
	AutomationView automation(@PathVariable String key) {
		return blueprints.automation(owners.reader(key));
	}

	@PutMapping("/api/v1/projects/{key}/automation")
	AutomationView switchAutomation(@PathVariable String key, @Valid @RequestBody AutomationSwitch body) {
		return blueprints.switchAutomation(owners.writer(key), body.paused());
	}

	private static ResponseEntity<BlueprintView> withETag(BlueprintView view) {
		return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
	}

}
