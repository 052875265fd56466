package dev.milepost.plan.web;

import java.util.UUID;

import dev.milepost.common.ETags;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.milestone.MilestoneRequest;
import dev.milepost.plan.milestone.Milestones;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project's milestones: the list with filters, and the forms to create and change them, under
 * the same rules as the API (a milestone takes no duration, has a named owner and a checkable
 * criterion). Each milestone's own page, with its forecast, is the schedule's.
 */
@Controller
class MilestonePages {

	private final ProjectAccess access;

	private final Milestones milestones;

	private final ProjectPageModel page;

	private final Validator validator;

	MilestonePages(ProjectAccess access, Milestones milestones, ProjectPageModel page, Validator validator) {
		this.access = access;
		this.milestones = milestones;
		this.page = page;
		this.validator = validator;
	}

	@GetMapping("/projects/{key}/milestones")
	String list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String achieved,
			@RequestParam(required = false) String tag, Model model) {
		ProjectContext context = access.read(key);
		Boolean isAchieved = "yes".equals(achieved) ? Boolean.TRUE : "no".equals(achieved) ? Boolean.FALSE : null;
		page.add(model, context);
		model.addAttribute("milestones", milestones.list(context, blank(q), blank(owner), isAchieved, blank(tag),
				Paging.of(0, Paging.MAX_SIZE)).items());
		model.addAttribute("members", page.members(context));
		model.addAttribute("q", q);
		model.addAttribute("owner", owner);
		model.addAttribute("achieved", isAchieved == null ? "" : achieved);
		model.addAttribute("tag", tag);
		return "plan/milestones";
	}

	@GetMapping("/projects/{key}/milestones/new")
	String newMilestone(@PathVariable String key, Model model) {
		ProjectContext context = access.manage(key);
		return form(model, context, null, MilestoneForm.empty(context.user().username()), new FormErrors());
	}

	@PostMapping("/projects/{key}/milestones")
	String create(@PathVariable String key, @ModelAttribute MilestoneForm form, Model model,
			HttpServletResponse response) {
		ProjectContext context = access.manage(key);
		FormErrors errors = new FormErrors();
		MilestoneRequest request = form.request(errors);
		errors.violations(validator.validate(request));
		return errors.submit(() -> milestones.create(context, request), "/projects/" + key + "/milestones", response,
				() -> form(model, context, null, form, errors));
	}

	@GetMapping("/projects/{key}/milestones/{id}/edit")
	String edit(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.manage(key);
		Milestones.Versioned current = milestones.read(context, id);
		return form(model, context, id, MilestoneForm.of(milestones.requestOf(context, id), current.version()),
				new FormErrors());
	}

	@PostMapping("/projects/{key}/milestones/{id}")
	String update(@PathVariable String key, @PathVariable UUID id, @ModelAttribute MilestoneForm form, Model model,
			HttpServletResponse response) {
		ProjectContext context = access.manage(key);
		milestones.read(context, id);
		FormErrors errors = new FormErrors();
		MilestoneRequest request = form.request(errors);
		errors.violations(validator.validate(request));
		return errors.submit(
				() -> milestones.update(context, id, form.version() == null ? null : ETags.of(form.version()), request),
				"/projects/" + key + "/milestones/" + id, response, () -> form(model, context, id, form, errors));
	}

	private String form(Model model, ProjectContext context, UUID id, MilestoneForm form, FormErrors errors) {
		page.add(model, context);
		model.addAttribute("milestoneId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors.byField());
		model.addAttribute("message", errors.message());
		model.addAttribute("members", page.members(context));
		model.addAttribute("kinds", CriterionKind.values());
		model.addAttribute("roles", ProjectRole.values());
		return "plan/milestone-form";
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
