package dev.milepost.web;

import java.util.Locale;

import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.EarlyWarning;
import dev.milepost.schedule.Forecasts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * How early did we warn: each closed milestone's outcome beside the first day its status
 * flagged it, and the project's own hit rate; the figures of {@code GET …/early-warning}.
 */
@Controller
class EarlyWarningPage {

	private final ProjectAccess access;

	private final PlanQueries plans;

	private final Forecasts forecasts;

	EarlyWarningPage(ProjectAccess access, PlanQueries plans, Forecasts forecasts) {
		this.access = access;
		this.plans = plans;
		this.forecasts = forecasts;
	}

	/** A closed milestone with its outcome in words. */
	record Row(EarlyWarning.Closed closed, String outcome) {
	}

	@GetMapping("/projects/{key}/early-warning")
	String earlyWarning(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		EarlyWarning warning = forecasts.earlyWarning(context);
		model.addAttribute("me", context.user());
		model.addAttribute("project", plans.heading(context));
		model.addAttribute("warning", warning);
		model.addAttribute("rows", warning.milestones().stream().map(c -> new Row(c, outcome(c))).toList());
		model.addAttribute("inTime", EarlyWarning.IN_TIME_WORKING_DAYS);
		model.addAttribute("recall", percent(warning.hitRate().recall()));
		model.addAttribute("falseAlarms", percent(warning.hitRate().falseAlarmShare()));
		model.addAttribute("meanLead", warning.hitRate().meanLeadOfMisses() == null ? null
				: String.format(Locale.ROOT, "%.1f", warning.hitRate().meanLeadOfMisses()));
		return "web/early-warning";
	}

	/** A share as a whole percentage, "–" when there is nothing to share out. */
	static String percent(Double share) {
		return share == null ? "–" : Math.round(share * 100) + " %";
	}

	/** The outcome in words: met with how many working days to spare, or missed by how many. */
	static String outcome(EarlyWarning.Closed closed) {
		String days = closed.workingDays() == 1 ? "1 working day" : closed.workingDays() + " working days";
		if (closed.outcome() == EarlyWarning.Outcome.MET) {
			return closed.workingDays() == 0 ? "met on its target day" : "met, " + days + " to spare";
		}
		return closed.achievedOn() == null ? "missed, not achieved: " + days + " late so far" : "missed by " + days;
	}

}
