package dev.milepost.plan.web;

import java.time.LocalDate;
import java.util.Locale;

import dev.milepost.common.PageForm;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.change.ProjectCopies;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Copy as new project": the form (new key, name and start) for the original's managers, and the
 * copy by {@link ProjectCopies}, the service {@code POST /api/v1/projects/{key}/copy} calls.
 */
@Controller
class CopyProjectPages {

	private final ProjectAccess access;

	private final ProjectCopies copies;

	private final ProjectPageModel page;

	private final Validator validator;

	CopyProjectPages(ProjectAccess access, ProjectCopies copies, ProjectPageModel page, Validator validator) {
		this.access = access;
		this.copies = copies;
		this.page = page;
		this.validator = validator;
	}

	/** The form as typed. */
	record CopyForm(String key, String name, String start) {
	}

	@GetMapping("/projects/{key}/copy")
	String form(@PathVariable String key, Model model) {
		ProjectContext context = access.manage(key);
		return page(model, context, new CopyForm("", "", ""), new PageForm());
	}

	@PostMapping("/projects/{key}/copy")
	String copy(@PathVariable String key, CopyForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		PageForm errors = new PageForm();
		LocalDate start = null;
		if (form.start() != null && !form.start().isBlank()) {
			try {
				start = SupportedDates.parseDate(form.start().strip());
			}
			catch (UnsupportedValueException e) {
				errors.add("start", "must be " + SupportedDates.DATE);
			}
		}
		String newKey = form.key() == null ? null : form.key().strip().toUpperCase(Locale.ROOT);
		ProjectCopies.CopyRequest request = new ProjectCopies.CopyRequest(newKey, PageForm.blankToNull(form.name()),
				start);
		validator.validate(request)
			.stream()
			.filter(v -> !errors.byField().containsKey(v.getPropertyPath().toString()))
			.forEach(v -> errors.add(v.getPropertyPath().toString(), v.getMessage()));
		return errors.submit(() -> copies.copy(key, request), () -> {
			redirect.addFlashAttribute("saved", "Project " + newKey + " created as a copy of " + key + ".");
			return "redirect:/projects/" + newKey;
		}, response, () -> page(model, context, form, errors));
	}

	private String page(Model model, ProjectContext context, CopyForm form, PageForm errors) {
		page.add(model, context);
		model.addAttribute("form", form);
		errors.addTo(model);
		return "plan/copy-project";
	}

}
