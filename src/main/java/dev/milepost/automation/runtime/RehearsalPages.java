package dev.milepost.automation.runtime;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.milepost.common.Paging;
import dev.milepost.common.RuleViolationException;
import dev.milepost.common.SupportedDates;
import dev.milepost.common.UnsupportedValueException;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The blueprint editor's panels that come from the runtime: the dry run and the replay of the text
 * being edited, and a blueprint's run log. Fragments for htmx; refusals (a draft with problems, a
 * bad window) come back as the fragment with the reason and 422.
 */
@Controller
class RehearsalPages {

	private static final String FRAGMENTS = "automation/rehearsal";

	private final ProjectAccess access;

	private final RehearsalController rehearsals;

	private final RunLog log;

	private final RunLogController runLog;

	private final PlanQueries plans;

	RehearsalPages(ProjectAccess access, RehearsalController rehearsals, RunLog log, RunLogController runLog,
			PlanQueries plans) {
		this.access = access;
		this.plans = plans;
		this.rehearsals = rehearsals;
		this.log = log;
		this.runLog = runLog;
	}

	/** "Why did this happen?" as a page: the rule, version, trigger, condition and action behind a thing. */
	@GetMapping("/projects/{key}/automation/why")
	String why(@PathVariable String key, @RequestParam String type, @RequestParam String id, Model model) {
		ProjectContext context = access.read(key);
		model.addAttribute("me", context.user());
		model.addAttribute("project", plans.heading(context));
		model.addAttribute("why", runLog.why(key, type, id));
		return "automation/why";
	}

	@PostMapping("/projects/{key}/blueprints/dry-run")
	String dryRun(@PathVariable String key, @RequestParam(required = false) String yaml, Model model,
			HttpServletResponse response) {
		access.manage(key);
		try {
			model.addAttribute("dryRun", rehearsals.dryRun(key, new RehearsalController.DryRunRequest(text(yaml))));
		}
		catch (RuleViolationException e) {
			return refused(e, model, response);
		}
		return FRAGMENTS + " :: dry-run";
	}

	@PostMapping("/projects/{key}/blueprints/replay")
	String replay(@PathVariable String key, @RequestParam(required = false) String yaml,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response) {
		access.manage(key);
		try {
			LocalDate start = day("from", from);
			LocalDate end = day("to", to);
			if (!start.isBefore(end)) {
				throw new RuleViolationException("to", "The window must end after it starts.");
			}
			model.addAttribute("replay", rehearsals.replay(key, new RehearsalController.ReplayRequest(text(yaml),
					start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.atStartOfDay(ZoneOffset.UTC).toInstant())));
		}
		catch (RuleViolationException e) {
			return refused(e, model, response);
		}
		return FRAGMENTS + " :: replay";
	}

	@GetMapping("/projects/{key}/blueprints/{id}/runs")
	String runs(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.read(key);
		model.addAttribute("project", context.projectKey());
		model.addAttribute("runs", log.list(context.projectId(), new RunLog.Filter(id, null, null, null, null),
				Paging.of(0, 20)));
		return FRAGMENTS + " :: runs";
	}

	private static String text(String yaml) {
		if (yaml == null || yaml.isBlank()) {
			throw new RuleViolationException("yaml", "Write the blueprint first.");
		}
		return yaml;
	}

	private static LocalDate day(String field, String text) {
		try {
			return SupportedDates.parseDate(text == null ? "" : text.strip());
		}
		catch (UnsupportedValueException e) {
			throw new RuleViolationException(field,
					"Give the " + field + " day: " + SupportedDates.DATE + ".");
		}
	}

	private static String refused(RuleViolationException e, Model model, HttpServletResponse response) {
		response.setStatus(422);
		model.addAttribute("message", e.getMessage());
		model.addAttribute("problems", e.fieldErrors().stream().map(error -> error.message()).toList());
		return FRAGMENTS + " :: refused";
	}

}
