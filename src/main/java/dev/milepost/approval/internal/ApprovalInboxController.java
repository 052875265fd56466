package dev.milepost.approval.internal;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approvals across projects: with {@code mine=true} the caller's inbox (the requests they are an
 * approver of, by name, role or delegation), pending first, earliest due first.
 */
@RestController
class ApprovalInboxController {

	private final Approvals approvals;

	ApprovalInboxController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/api/v1/approvals")
	PageResponse<ApprovalView> list(@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) ApprovalStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return approvals.acrossProjects(mine, status, Paging.of(page, size));
	}

}
