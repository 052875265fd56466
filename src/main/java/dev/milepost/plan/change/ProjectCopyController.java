package dev.milepost.plan.change;

import java.net.URI;

import dev.milepost.common.ETags;
import dev.milepost.plan.project.ProjectView;
import dev.milepost.plan.project.Projects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectCopyController {

	private final ProjectCopies copies;

	ProjectCopyController(ProjectCopies copies) {
		this.copies = copies;
	}

	@PostMapping("/api/v1/projects/{key}/copy")
	@Operation(summary = "Copy a project as the template of a new one",
			description = """
					Creates a new project with the given key, name and start, managed by the caller, with the \
					original's description, sponsor (as approver), calendar and time zone; its target finish moves \
					by as many calendar days as the start. Then copies every task, milestone and link in one \
					transaction through the bulk change path (the single endpoints' rules), with planned starts and \
					milestone targets moved by the same number of days. Not copied: other members, progress and \
					actual dates, achievements, approvals, history and baselines; assignees, milestone owners and \
					named approvers who are not the caller or the sponsor become the caller (owners, approvers) or \
					are dropped (assignees). Only the original's managers and administrators copy it (403 for its \
					other people, 404 for outsiders). A taken key is 409 beside `key`; if anything is refused, \
					nothing is created.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "next wave",
							value = """
									{"key": "ERP2", "name": "ERP rollout, wave 2", "start": "2027-01-04"}"""))),
			responses = { @ApiResponse(responseCode = "201", description = "The new project, with its ETag"),
					@ApiResponse(responseCode = "409", description = "The key is taken; nothing created"),
					@ApiResponse(responseCode = "403", description = "Not a manager of the original") })
	ResponseEntity<ProjectView> copy(@PathVariable String key, @Valid @RequestBody ProjectCopies.CopyRequest request) {
		Projects.Versioned created = copies.copy(key, request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + created.project().key()))
			.eTag(ETags.of(created.version()))
			.body(created.project());
	}

}
