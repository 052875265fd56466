package dev.milepost.plan.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.common.PageForm;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.deliverable.Deliverables;
import dev.milepost.plan.milestone.MilestoneView;
import dev.milepost.plan.milestone.Milestones;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's deliverables: each with its milestone, acceptor and state; its acceptor accepts it
 * or rejects it with a reason, managers add them. The deliverable decides who may accept and that a
 * rejection says why; the page shows what it refuses beside the form.
 */
@Controller
class DeliverablePages {

	private final ProjectAccess access;

	private final Deliverables deliverables;

	private final Milestones milestones;

	private final ProjectPageModel page;

	private final Validator validator;

	DeliverablePages(ProjectAccess access, Deliverables deliverables, Milestones milestones, ProjectPageModel page,
			Validator validator) {
		this.access = access;
		this.deliverables = deliverables;
		this.milestones = milestones;
		this.page = page;
		this.validator = validator;
	}

	/** The add form as typed. */
	record DeliverableForm(String name, String description, String acceptor, String milestone) {

		static DeliverableForm empty() {
			return new DeliverableForm("", "", "", "");
		}

	}

	@GetMapping("/projects/{key}/deliverables")
	String list(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		return page(model, context, DeliverableForm.empty(), new PageForm(), null, new PageForm(), null);
	}

	@PostMapping("/projects/{key}/deliverables")
	String create(@PathVariable String key, DeliverableForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		PageForm errors = new PageForm();
		UUID milestone = null;
		if (form.milestone() != null && !form.milestone().isBlank()) {
			try {
				milestone = UUID.fromString(form.milestone().strip());
			}
			catch (IllegalArgumentException e) {
				errors.add("milestone", "choose one of the project's milestones");
			}
		}
		Deliverables.DeliverableRequest request = new Deliverables.DeliverableRequest(
				form.name() == null ? null : form.name().strip(), PageForm.blankToNull(form.description()),
				PageForm.blankToNull(form.acceptor()), milestone);
		errors.violations(validator.validate(request));
		return errors.submit(() -> deliverables.create(context, request), () -> {
			redirect.addFlashAttribute("saved", "Added " + request.name() + ".");
			return "redirect:/projects/" + key + "/deliverables";
		}, response, () -> page(model, context, form, errors, null, new PageForm(), null));
	}

	/** The acceptor accepts, or rejects with the reason in the same note field. */
	@PostMapping("/projects/{key}/deliverables/{id}/outcome")
	String decide(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.read(key);
		String name = deliverables.read(context, id).deliverable().name();
		PageForm errors = new PageForm(field -> field.equals("reason") ? "note" : field);
		if (note != null && note.length() > 4000) {
			errors.add("note", "must be at most 4000 characters");
		}
		boolean accept = !"reject".equals(outcome);
		return errors.submit(() -> {
			if (accept) {
				deliverables.accept(context, id, note);
			}
			else {
				deliverables.reject(context, id, note);
			}
		}, () -> {
			redirect.addFlashAttribute("saved", (accept ? "Accepted " : "Rejected ") + name + ".");
			return "redirect:/projects/" + key + "/deliverables";
		}, response, () -> page(model, context, DeliverableForm.empty(), new PageForm(), id, errors, note));
	}

	private String page(Model model, ProjectContext context, DeliverableForm form, PageForm errors, UUID refused,
			PageForm outcomeErrors, String note) {
		page.add(model, context);
		List<MilestoneView> all = milestones.list(context, null, null, null, null, Paging.of(0, Paging.MAX_SIZE))
			.items();
		Map<UUID, MilestoneView> byId = all.stream().collect(Collectors.toMap(MilestoneView::id, Function.identity()));
		model.addAttribute("deliverables",
				deliverables.list(context, null, null, null, null, Paging.of(0, Paging.MAX_SIZE)).items());
		model.addAttribute("milestones", all);
		model.addAttribute("milestoneById", byId);
		model.addAttribute("members", page.members(context));
		model.addAttribute("form", form);
		errors.addTo(model);
		model.addAttribute("refused", refused);
		model.addAttribute("outcomeErrors", outcomeErrors.byField());
		model.addAttribute("outcomeMessage", outcomeErrors.message());
		model.addAttribute("note", note);
		return "plan/deliverables";
	}

}
