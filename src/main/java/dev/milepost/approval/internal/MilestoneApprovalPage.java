package dev.milepost.approval.internal;

import java.time.LocalDate;
import java.util.UUID;

import dev.milepost.approval.ApprovalRequests;
import dev.milepost.common.PageActions;
import dev.milepost.common.PageErrors;
import dev.milepost.common.RuleViolationException;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Asking for the approval that achieves a milestone, from the milestone's page: a request about
 * the milestone to whoever its criterion names, under the API's rules (managers only).
 */
@Controller
class MilestoneApprovalPage {

	private final ProjectAccess access;

	private final ApprovalRequests requests;

	MilestoneApprovalPage(ProjectAccess access, ApprovalRequests requests) {
		this.access = access;
		this.requests = requests;
	}

	@PostMapping("/projects/{key}/milestones/{id}/approval-request")
	String ask(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String dueDate, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		ProjectContext context = access.manage(key);
		return PageActions.run(request, response, model,
				() -> requests.askForMilestoneApproval(context, id, title, date(dueDate)),
				"Approval requested; the approvers find it in their approvals inbox.",
				"/projects/" + key + "/milestones/" + id);
	}

	/** Refusals sent without htmx, as the error page rather than problem+json. */
	@ControllerAdvice(assignableTypes = MilestoneApprovalPage.class)
	@Order(-1)
	static class Errors extends PageErrors {

	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			throw new RuleViolationException("dueDate", "Give the date the approval is due, like 2026-03-02.");
		}
		try {
			return SupportedDates.parseDate(text.strip());
		}
		catch (UnsupportedValueException e) {
			throw new RuleViolationException("dueDate",
					"Give the date the approval is due: " + SupportedDates.DATE + ".");
		}
	}

}
