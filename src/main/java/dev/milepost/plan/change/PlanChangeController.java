package dev.milepost.plan.change;

import dev.milepost.plan.ProjectAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlanChangeController {

	static final String PATH = "/api/v1/projects/{key}/plan/changes";

	private static final String EXAMPLE = """
			{"operations": [
			  {"op": "create", "type": "task", "ref": "design",
			   "value": {"name": "Design the interface", "durationDays": 5, "assignees": ["elena.rossi"]}},
			  {"op": "create", "type": "task", "ref": "build",
			   "value": {"name": "Build the interface", "durationDays": 10}},
			  {"op": "create", "type": "milestone", "ref": "live",
			   "value": {"name": "Interface live", "targetDate": "2026-06-30", "owner": "maria.keller",
			             "criterion": {"kind": "OWNER_CONFIRMATION", "text": "First invoice passes through"}}},
			  {"op": "create", "type": "dependency",
			   "value": {"predecessor": {"ref": "design"}, "successor": {"ref": "build"}, "type": "FS", "lagDays": 0}},
			  {"op": "create", "type": "dependency",
			   "value": {"predecessor": {"ref": "build"}, "successor": {"ref": "live"}, "type": "FS", "lagDays": 0}},
			  {"op": "update", "type": "task", "id": "0b7e6a2c-3c1f-4b8e-9a53-2f1d4c7e8a90", "version": 3,
			   "value": {"percentComplete": 40}},
			  {"op": "delete", "type": "dependency", "id": "5d0c9e1f-7a2b-4c3d-8e4f-6a7b8c9d0e1f"}
			]}""";

	private static final String REFUSED = """
			{"type": "urn:milepost:problem:plan-changes-refused", "title": "Plan changes refused", "status": 422,
			 "detail": "2 of 7 operations were refused, so nothing was changed: operations[1].value.durationDays: must be at least 1 working day; a zero-duration checkpoint is a milestone (and 1 more, listed in errors)",
			 "errors": [
			   {"field": "operations[1].value.durationDays", "message": "must be at least 1 working day; a zero-duration checkpoint is a milestone"},
			   {"field": "operations[4].value.predecessor", "message": "'build' is the item of operation 1, which was refused."}]}""";

	private final PlanChanges changes;

	private final ProjectAccess access;

	PlanChangeController(PlanChanges changes, ProjectAccess access) {
		this.changes = changes;
		this.access = access;
	}

	@PostMapping(PATH)
	@Operation(summary = "Create, update and delete many tasks, milestones and links at once, all or nothing",
			description = """
					Applies the operations in order in one transaction. A create may carry a `ref`; later operations \
					name that item as `{"ref": "…"}` wherever an id goes (an update's or delete's `id`, a link's \
					`predecessor` and `successor`). Each operation follows the rules of its single endpoint \
					(`POST`/`PATCH`/`DELETE` on `/tasks`, `/milestones`, `/dependencies`): the same checks, the same \
					rights (creates, deletes and changes to milestones and links need a manager; a member may report \
					progress on their own tasks), `version` for the ETag an update of a stored item sends as If-Match, \
					`removeLinks` as on a DELETE. Links are checked for a cycle once, over the final plan. If any \
					operation is refused nothing is changed, and the problem lists every refused operation by its \
					position (`operations[3]…`) with the reason. At most 50,000 operations and 16 MiB per request \
					(413 beyond). The whole change is one entry on the audit record.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							examples = @ExampleObject(name = "a small plan", value = EXAMPLE))),
			responses = { @ApiResponse(responseCode = "200", description = "Every operation applied"),
					@ApiResponse(responseCode = "422", description = "Some operations refused; nothing changed",
							content = @Content(mediaType = "application/problem+json",
									examples = @ExampleObject(name = "refused", value = REFUSED))),
					@ApiResponse(responseCode = "413", description = "The body is over the size limit for bulk changes") })
	PlanChangesResult apply(@PathVariable String key, @RequestBody PlanChangesRequest request) {
		return changes.apply(access.read(key), request);
	}

}
