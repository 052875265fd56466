package dev.milepost.approval.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.milepost.approval.ApprovalStatus;
import dev.milepost.approval.Decision;
import dev.milepost.common.PageForm;
import dev.milepost.common.Paging;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The approvals pages: the person's inbox of requests they can decide now, across projects, with
 * approve and reject in place (and, for a milestone, the work upstream still open, which an
 * approver ticks to say they saw); and a project's requests with each approver's state and
 * decisions. Requests that wait for the steps they follow are not offered, only listed with them.
 * Decisions go through {@link ApprovalDecisions}, the API's service, under its rules (a rejection
 * needs a reason, a decision is final, stakeholders do not decide).
 */
@Controller
class ApprovalPages {

	private final Approvals approvals;

	private final ApprovalDecisions decisions;

	private final ProjectAccess access;

	private final PlanQueries plans;

	private final CurrentUsers currentUsers;

	private final Validator validator;

	private final Clock clock;

	ApprovalPages(Approvals approvals, ApprovalDecisions decisions, ProjectAccess access, PlanQueries plans,
			CurrentUsers currentUsers, Validator validator, Clock clock) {
		this.approvals = approvals;
		this.decisions = decisions;
		this.access = access;
		this.plans = plans;
		this.currentUsers = currentUsers;
		this.validator = validator;
		this.clock = clock;
	}

	@GetMapping("/approvals")
	String inbox(Model model) {
		CurrentUser me = currentUsers.require();
		List<ApprovalView> decidable = approvals.decidableNow(me);
		Set<UUID> now = decidable.stream().map(ApprovalView::id).collect(java.util.stream.Collectors.toSet());
		model.addAttribute("me", me);
		model.addAttribute("decidable", decidable);
		model.addAttribute("others", approvals.acrossProjects(true, null, Paging.of(0, 100))
			.items()
			.stream()
			.filter(a -> !now.contains(a.id()))
			.toList());
		model.addAttribute("today", LocalDate.now(clock));
		return "approval/inbox";
	}

	/** Approves or rejects; from htmx the card is replaced by the outcome, else the inbox is shown again. */
	@PostMapping("/approvals/{key}/{id}/decision")
	String decide(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String comment,
			@RequestParam(required = false) String acknowledgeOpenWork, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		ProjectContext context = access.read(key);
		PageForm form = new PageForm();
		Decision chosen = Arrays.stream(Decision.values())
			.filter(d -> d.name().equals(decision))
			.findFirst()
			.orElse(null);
		ApprovalBodies.DecisionBody body = new ApprovalBodies.DecisionBody(chosen, comment,
				"true".equals(acknowledgeOpenWork));
		form.violations(validator.validate(body));
		boolean htmx = PageForm.fromHtmx(request);
		return form.submit(() -> {
			Approvals.Versioned decided = decisions.decide(context, id, null, body);
			model.addAttribute("decided", decided.approval());
			model.addAttribute("decision", chosen);
			model.addAttribute("remaining", approvals.decidableNow(context.user()).size());
		}, () -> htmx ? "approval/parts :: outcome" : "redirect:/approvals", response, () -> {
			model.addAttribute("a", approvals.read(context, id).approval());
			model.addAttribute("comment", comment);
			model.addAttribute("today", LocalDate.now(clock));
			form.addTo(model);
			if (htmx) {
				return "approval/parts :: card";
			}
			inbox(model);
			model.addAttribute("refused", id);
			return "approval/inbox";
		});
	}

	@GetMapping("/projects/{key}/approvals")
	String project(@PathVariable String key, @RequestParam(required = false) String status, Model model) {
		ProjectContext context = access.read(key);
		ApprovalStatus chosen = Arrays.stream(ApprovalStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		model.addAttribute("me", context.user());
		model.addAttribute("project", plans.heading(context));
		model.addAttribute("approvals", approvals.list(context, chosen, null, Paging.of(0, Paging.MAX_SIZE)).items());
		model.addAttribute("decidable", approvals.decidableNow(context));
		model.addAttribute("statuses", ApprovalStatus.values());
		model.addAttribute("status", chosen);
		return "approval/project";
	}

}
