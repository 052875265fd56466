package dev.milepost.approval.internal;

import java.util.UUID;

import dev.milepost.plan.ProjectAccess;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A manager proposes a new target for a missed or at-risk milestone: the answer is the approval
 * request put to the sponsor (201, at {@code /approvals/{id}}).
 */
@RestController
class ReplanController {

	private final Replanning replanning;

	private final ProjectAccess access;

	ReplanController(Replanning replanning, ProjectAccess access) {
		this.replanning = replanning;
		this.access = access;
	}

	@PostMapping("/api/v1/projects/{key}/milestones/{id}/replan")
	ResponseEntity<ApprovalView> replan(@PathVariable String key, @PathVariable UUID id,
			@Valid @RequestBody ApprovalBodies.ReplanBody body) {
		return ApprovalController.created(key, replanning.propose(access.manage(key), id, body));
	}

}
