package dev.milepost.automation.definition;

import java.util.List;
import java.util.UUID;

import dev.milepost.automation.assistant.BlueprintAssistant;
import dev.milepost.automation.definition.BlueprintViews.BlueprintView;
import dev.milepost.common.ETags;
import dev.milepost.common.MilepostException;
import dev.milepost.common.PageActions;
import dev.milepost.common.PageErrors;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project's blueprints in pages: the list with the project's automation switch, and the editor
 * (the text, its located problems and plain-language explanation as one types, saving versions,
 * activating, pausing, rolling back, diffs between versions). The runtime's panels (dry run,
 * replay, run log) come from {@code automation.runtime}. Everyone in the project reads; managers
 * write, under the same rules as the API.
 */
@Controller
class BlueprintPages {

	/** What a new blueprint starts from: one rule of each part, to be edited. */
	static final String STARTER = """
			blueprint: My project's automation
			rules:
			  - name: Tell the owner when a milestone turns at risk
			    when:
			      trigger: milestone.at-risk
			    then:
			      - action: notify
			        to: [owner, manager]
			        message: "{{milestone.name}} is at risk: forecast {{milestone.forecast}}, target {{milestone.target}}"
			""";

	private final ProjectAccess access;

	private final BlueprintOwners owners;

	private final BlueprintService blueprints;

	private final PlanQueries plans;

	private final BlueprintAssistant assistant;

	BlueprintPages(ProjectAccess access, BlueprintOwners owners, BlueprintService blueprints, PlanQueries plans,
			BlueprintAssistant assistant) {
		this.access = access;
		this.owners = owners;
		this.blueprints = blueprints;
		this.plans = plans;
		this.assistant = assistant;
	}

	@GetMapping("/projects/{key}/blueprints")
	String list(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		Owner owner = owners.reader(key);
		common(model, context);
		model.addAttribute("blueprints", blueprints.list(owner));
		model.addAttribute("automation", blueprints.automation(owner));
		return "automation/blueprints";
	}

	@GetMapping("/projects/{key}/blueprints/new")
	String create(@PathVariable String key, @RequestParam(required = false) String draft, Model model) {
		ProjectContext context = access.manage(key);
		String yaml = draft == null || draft.isBlank() ? STARTER : draft;
		return editor(model, context, null, yaml, "", blueprints.validate(owners.reader(key), yaml), null);
	}

	/**
	 * The assistant's draft of what the manager wrote, opened in the editor as a new, unsaved
	 * blueprint, with what it understood and what it did not; nothing is saved or activated.
	 */
	@PostMapping("/projects/{key}/blueprints/assistant")
	String assist(@PathVariable String key, @RequestParam(required = false) String text, Model model,
			HttpServletResponse response) {
		ProjectContext context = access.manage(key);
		Owner owner = owners.writer(key);
		String words = text == null ? "" : text.strip();
		if (words.isEmpty() || words.length() > BlueprintAssistant.MAX_TEXT) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return editor(model, context, null, STARTER, "", blueprints.validate(owner, STARTER),
					"Describe what should happen in up to " + BlueprintAssistant.MAX_TEXT + " characters.");
		}
		BlueprintAssistant.Answer answer = assistant.draft(words, blueprints.facts(owner), null);
		String yaml = answer.yaml() == null ? STARTER : answer.yaml();
		model.addAttribute("assistant", answer);
		model.addAttribute("asked", words);
		return editor(model, context, null, yaml, "Drafted by the assistant from: " + abbreviate(words),
				blueprints.validate(owner, yaml),
				answer.yaml() == null ? "The assistant understood nothing it could turn into a rule; see below." : null);
	}

	private static String abbreviate(String words) {
		return words.length() <= 400 ? words : words.substring(0, 399) + "…";
	}

	@PostMapping("/projects/{key}/blueprints")
	String saveNew(@PathVariable String key, @RequestParam(required = false) String yaml,
			@RequestParam(required = false) String note, @RequestParam(required = false) String activate, Model model,
			HttpServletResponse response) {
		ProjectContext context = access.manage(key);
		Owner owner = owners.writer(key);
		try {
			BlueprintView created = blueprints.create(owner, text(yaml), note, activate != null);
			return "redirect:/projects/" + key + "/blueprints/" + created.id();
		}
		catch (MilepostException e) {
			return refused(e, response, () -> editor(model, context, null, yaml, note, blueprints.validate(owner, yaml),
					PageActions.reason(e)));
		}
	}

	@GetMapping("/projects/{key}/blueprints/{id}")
	String edit(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.read(key);
		BlueprintView blueprint = blueprints.read(owners.reader(key), id);
		return editor(model, context, blueprint, blueprint.yaml(), "",
				new BlueprintViews.Validation(blueprint.valid(), blueprint.problems(), blueprint.explanation(),
						blueprint.warnings()),
				null);
	}

	@PostMapping("/projects/{key}/blueprints/{id}")
	String save(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String yaml,
			@RequestParam(required = false) String note, @RequestParam(required = false) String activate,
			@RequestParam(required = false) Long version, Model model, HttpServletResponse response) {
		ProjectContext context = access.manage(key);
		Owner owner = owners.writer(key);
		BlueprintView current = blueprints.read(owner, id);
		try {
			blueprints.save(owner, id, version == null ? null : ETags.of(version), text(yaml), note, activate != null);
			return "redirect:/projects/" + key + "/blueprints/" + id;
		}
		catch (MilepostException e) {
			return refused(e, response, () -> editor(model, context, current, yaml, note,
					blueprints.validate(owner, id, yaml), PageActions.reason(e)));
		}
	}

	/** The located problems and the explanation of the text as it stands, as the editor types. */
	@PostMapping("/projects/{key}/blueprints/check")
	String check(@PathVariable String key, @RequestParam(required = false) String yaml,
			@RequestParam(required = false) UUID blueprint, Model model) {
		access.read(key);
		model.addAttribute("check", blueprints.validate(owners.reader(key), blueprint, yaml == null ? "" : yaml));
		return "automation/editor :: check";
	}

	@GetMapping("/projects/{key}/blueprints/{id}/diff")
	String diff(@PathVariable String key, @PathVariable UUID id, @RequestParam int from, @RequestParam int to,
			Model model) {
		model.addAttribute("diff", blueprints.diff(owners.reader(key), id, from, to));
		return "automation/editor :: diff";
	}

	@PostMapping("/projects/{key}/blueprints/{id}/{change:activate|rollback|pause|resume}")
	String change(@PathVariable String key, @PathVariable UUID id, @PathVariable String change,
			@RequestParam(required = false) Integer number, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Owner owner = owners.writer(key);
		return PageActions.run(request, response, model, () -> {
			switch (change) {
				case "activate" -> blueprints.activate(owner, id, versionNumber(number));
				case "rollback" -> blueprints.rollback(owner, id, versionNumber(number));
				case "pause" -> blueprints.pause(owner, id);
				default -> blueprints.resume(owner, id);
			}
		}, "Done.", "/projects/" + key + "/blueprints/" + id);
	}

	@PostMapping("/projects/{key}/automation")
	String switchAutomation(@PathVariable String key, @RequestParam(required = false) String paused) {
		blueprints.switchAutomation(owners.writer(key), "true".equals(paused));
		return "redirect:/projects/" + key + "/blueprints";
	}

	private String editor(Model model, ProjectContext context, BlueprintView blueprint, String yaml, String note,
			BlueprintViews.Validation check, String message) {
		common(model, context);
		model.addAttribute("blueprint", blueprint);
		model.addAttribute("yaml", yaml);
		model.addAttribute("note", note);
		model.addAttribute("check", check);
		model.addAttribute("message", message);
		model.addAttribute("versions",
				blueprint == null ? List.of() : blueprints.versions(owners.reader(context.projectKey()), blueprint.id()));
		return "automation/editor";
	}

	private void common(Model model, ProjectContext context) {
		model.addAttribute("me", context.user());
		model.addAttribute("project", plans.heading(context));
		model.addAttribute("canManage", context.canManage());
	}

	private static String text(String yaml) {
		return yaml == null ? "" : yaml;
	}

	private static int versionNumber(Integer number) {
		if (number == null || number < 1) {
			throw new dev.milepost.common.RuleViolationException("number", "Choose a version.");
		}
		return number;
	}

	private static String refused(MilepostException e, HttpServletResponse response,
			java.util.function.Supplier<String> again) {
		if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
			throw e;
		}
		response.setStatus(e.status() == HttpStatus.PRECONDITION_FAILED ? 412 : 422);
		return again.get();
	}

	/** Refusals on these pages sent without htmx, as the error page rather than problem+json. */
	@ControllerAdvice(assignableTypes = BlueprintPages.class)
	@Order(-1)
	static class Errors extends PageErrors {

	}

}
