package dev.milepost.interchange.internal;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports} (a plan file, multipart {@code file}) answers a preview kept for the
 * uploader; {@code GET /api/v1/imports/{id}} shows it again; {@code POST /api/v1/imports/{id}/confirm}
 * creates the project and its plan. Only the uploader sees or confirms an import (others get 404).
 */
@RestController
class ImportController {

	private final PlanImportService imports;

	private final tools.jackson.databind.json.JsonMapper mapper;

	ImportController(PlanImportService imports, tools.jackson.databind.json.JsonMapper mapper) {
		this.imports = imports;
		this.mapper = mapper;
	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a plan file for import: answers the preview (nothing is created yet)",
			description = """
					Microsoft Project XML (MSPDI) or .mpp, Primavera P6 XER or PMXML, GanttProject .gan, MPX or \
					GNOME Planner. The preview counts what the file holds and what Milepost would create, matches \
					the file's resources to people (by e-mail, then name), lists every kind of thing that would not \
					be kept with its count and first examples, and compares the file's stored finish and total \
					floats with Milepost's schedule of the plan. A sheet (.xlsx, .csv) is read through `mapping`, \
					a JSON object of field to column heading (fields: id, type, name, duration, planned_start, \
					target, predecessors, percent_complete, description); without one, through the uploader's last \
					mapping where the file has its columns, else by the headings' names. 413 over \
					milepost.import.max-size, 415 for a file that is not what its name says (saying what it looks \
					like), 422 for one that cannot be read.""")
	ResponseEntity<ImportPreview> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "mapping", required = false) String mapping) throws IOException {
		if (file.getSize() > imports.maxSize()) {
			throw PlanImportService.tooLarge(imports.maxSize());
		}
		ImportPreview preview = imports.upload(file.getOriginalFilename(), file.getBytes(), mapping(mapping));
		return ResponseEntity.created(URI.create("/api/v1/imports/" + preview.id())).body(preview);
	}

	private java.util.Map<String, String> mapping(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return mapper.readValue(json, new tools.jackson.core.type.TypeReference<java.util.Map<String, String>>() {
			});
		}
		catch (tools.jackson.core.JacksonException e) {
			throw new dev.milepost.common.BadRequestException("mapping", "The mapping is a JSON object of field to "
					+ "column heading, like {\"name\": \"Task\", \"duration\": \"Days\"}.");
		}
	}

	@GetMapping("/api/v1/imports/{id}")
	@Operation(summary = "An import's preview, for its uploader")
	ImportPreview read(@PathVariable UUID id) {
		return imports.read(id);
	}

	/** The key and name of the project an import creates; either may be left out for the file's. */
	record Confirm(String key, String name) {
	}

	@PostMapping("/api/v1/imports/{id}/confirm")
	@Operation(summary = "Create the project and its plan from an import, in one transaction",
			description = "Key and name default to the preview's. A second confirm is refused (409).")
	ResponseEntity<ImportPreview> confirm(@PathVariable UUID id, @RequestBody(required = false) Confirm body) {
		ImportPreview done = imports.confirm(id, body == null ? null : body.key(), body == null ? null : body.name());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + done.project())).body(done);
	}

}
