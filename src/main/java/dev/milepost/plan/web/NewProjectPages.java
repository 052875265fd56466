package dev.milepost.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import dev.milepost.common.PageForm;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.project.ProjectRequest;
import dev.milepost.plan.project.Projects;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A blank new project from the pages, under the API's rule ({@link Projects#create}): anyone signed
 * in creates a project they manage; only administrators name another manager. The form shows the
 * manager field to administrators only; a forged manager from anyone else is refused by the same
 * service and nothing is created.
 */
@Controller
class NewProjectPages {

	private final Projects projects;

	private final CurrentUsers currentUsers;

	private final Validator validator;

	private final Clock clock;

	NewProjectPages(Projects projects, CurrentUsers currentUsers, Validator validator, Clock clock) {
		this.projects = projects;
		this.currentUsers = currentUsers;
		this.validator = validator;
		this.clock = clock;
	}

	/** The form as typed. */
	record NewProjectForm(String key, String name, String description, String sponsor, String manager, String start,
			String targetFinish) {
	}

	@GetMapping("/projects/new")
	String form(Model model) {
		CurrentUser me = currentUsers.require();
		LocalDate today = LocalDate.now(clock);
		return page(model, me, new NewProjectForm("", "", "", me.username(), me.username(), today.toString(),
				today.plusMonths(6).toString()), new PageForm());
	}

	@PostMapping("/projects/new")
	String create(NewProjectForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		CurrentUser me = currentUsers.require();
		PageForm errors = new PageForm();
		String key = form.key() == null ? null : form.key().strip().toUpperCase(Locale.ROOT);
		String manager = PageForm.blankToNull(form.manager());
		ProjectRequest request = new ProjectRequest(key, PageForm.blankToNull(form.name()),
				PageForm.blankToNull(form.description()), PageForm.blankToNull(form.sponsor()),
				manager == null ? me.username() : manager, date(errors, "start", form.start()),
				date(errors, "targetFinish", form.targetFinish()), null, null, null);
		validator.validate(request)
			.stream()
			.filter(v -> !errors.byField().containsKey(v.getPropertyPath().toString()))
			.sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
		if (request.start() != null && request.targetFinish() != null
				&& request.targetFinish().isBefore(request.start())) {
			errors.add("targetFinish", "must be on or after the start");
		}
		return errors.submit(() -> projects.create(request), () -> {
			redirect.addFlashAttribute("saved", "Project " + key + " created.");
			return "redirect:/projects/" + key;
		}, response, () -> page(model, me, form, errors));
	}

	private static LocalDate date(PageForm errors, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return SupportedDates.parseDate(text.strip());
		}
		catch (UnsupportedValueException e) {
			errors.add(field, "must be " + SupportedDates.DATE);
			return null;
		}
	}

	private String page(Model model, CurrentUser me, NewProjectForm form, PageForm errors) {
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		errors.addTo(model);
		return "plan/new-project";
	}

}
