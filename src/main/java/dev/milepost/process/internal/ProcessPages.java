package dev.milepost.process.internal;

import java.time.Clock;
import java.time.LocalDate;

import dev.milepost.common.PageForm;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's processes: each running or completed one with its steps' states, and for managers
 * the form that starts one from a template (built-in or the project's), refused inline with the
 * API's reasons when the template cannot be started (nobody holds a role, a bad date).
 */
@Controller
class ProcessPages {

	private final ProjectAccess access;

	private final Processes processes;

	private final ProcessTemplates templates;

	private final PlanQueries plans;

	private final Validator validator;

	private final Clock clock;

	ProcessPages(ProjectAccess access, Processes processes, ProcessTemplates templates, PlanQueries plans,
			Validator validator, Clock clock) {
		this.access = access;
		this.processes = processes;
		this.templates = templates;
		this.plans = plans;
		this.validator = validator;
		this.clock = clock;
	}

	/** The start form as typed. */
	record StartForm(String template, String start, String name) {
	}

	@GetMapping("/projects/{key}/processes")
	String list(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		return page(model, context, new StartForm("", LocalDate.now(clock).toString(), ""), new PageForm());
	}

	@PostMapping("/projects/{key}/processes")
	String start(@PathVariable String key, StartForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		// a template that cannot start names its own parts (template.steps[0].owner): the form has one field for it
		PageForm errors = new PageForm(field -> field.startsWith("template") ? "template" : field);
		LocalDate start = null;
		if (form.start() != null && !form.start().isBlank()) {
			try {
				start = SupportedDates.parseDate(form.start().strip());
			}
			catch (UnsupportedValueException e) {
				errors.add("start", "must be " + SupportedDates.DATE);
			}
		}
		ProcessBodies.Start body = new ProcessBodies.Start(form.template(), start, PageForm.blankToNull(form.name()));
		if (!errors.byField().containsKey("start")) {
			errors.violations(validator.validate(body));
		}
		return errors.submit(() -> {
			ProcessBodies.ProcessView started = processes.start(context, body);
			redirect.addFlashAttribute("saved", "Started " + started.name() + ": " + started.steps().size()
					+ " steps, closing on " + started.milestone().name() + " (" + started.milestone().targetDate() + ").");
		}, () -> "redirect:/projects/" + key + "/processes", response, () -> page(model, context, form, errors));
	}

	private String page(Model model, ProjectContext context, StartForm form, PageForm errors) {
		model.addAttribute("me", context.user());
		model.addAttribute("project", plans.heading(context));
		model.addAttribute("canManage", context.canManage());
		model.addAttribute("processes", processes.list(context));
		model.addAttribute("templates", templates.of(context));
		model.addAttribute("form", form);
		errors.addTo(model);
		return "process/processes";
	}

}
