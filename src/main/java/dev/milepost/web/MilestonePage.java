package dev.milepost.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.common.FieldError;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.MilestoneDetails;
import dev.milepost.plan.PlanQueries;
import dev.milepost.approval.ApprovalRequests;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.ProjectForecast;
import dev.milepost.schedule.StatusRecomputation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One milestone: its criterion, owner and evidence, the work feeding it, its status with the
 * reason that decided it beside every figure it weighed (forecast and slack, the simulated P80
 * and chance of meeting the target, all from the one computation the status came from), its
 * trend, and a what-if box asking what moves if some work slips.
 */
@Controller
class MilestonePage {

	private final ProjectAccess access;

	private final PlanQueries plans;

	private final Forecasts forecasts;

	private final ApprovalRequests approvals;

	private final StatusRecomputation recomputation;

	MilestonePage(ProjectAccess access, PlanQueries plans, Forecasts forecasts, ApprovalRequests approvals,
			StatusRecomputation recomputation) {
		this.recomputation = recomputation;
		this.access = access;
		this.plans = plans;
		this.forecasts = forecasts;
		this.approvals = approvals;
	}

	/** Work linked into the milestone, as the schedule now sees it. */
	record Feeding(UUID id, ActivityKind kind, String name, String link, java.time.LocalDate finish, boolean critical,
			boolean done, int percentComplete) {
	}

	record Choice(UUID id, String label) {
	}

	@GetMapping("/projects/{key}/milestones/{id}")
	String milestone(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.read(key);
		MilestoneDetails milestone = plans.milestone(context, id);
		ProjectForecast forecast = forecasts.stored(context);
		ProjectForecast.MilestoneForecast status = forecast.milestone(id)
			.orElseThrow(() -> NotFoundException.of("milestone", id));
		model.addAttribute("me", context.user());
		model.addAttribute("canManage", context.canManage());
		model.addAttribute("project", forecast.plan());
		model.addAttribute("staleStatuses", StaleStatuses.of(recomputation.staleness(context.projectKey())));
		model.addAttribute("milestone", milestone);
		model.addAttribute("status", Overview.MilestoneRow.of(status));
		model.addAttribute("trend", TrendChart.of(forecasts.trend(context, id), milestone.targetDate(),
				forecast.statusDate()));
		model.addAttribute("feeding", feeding(forecast, id));
		List<Choice> choices = choices(forecast, id);
		model.addAttribute("choices", choices);
		model.addAttribute("choicesCut", choices.size() == MAX_CHOICES);
		model.addAttribute("today", forecast.statusDate());
		model.addAttribute("approvals", approvals.about(context, id));
		model.addAttribute("byApproval", milestone.approver() != null || milestone.role() != null);
		// the form only when the plan's rule would accept it; otherwise the rule's reason
		model.addAttribute("achievement", plans.achievement(context, id));
		// the date it happened only for whom the rule lets back-date (the owner or a manager)
		model.addAttribute("backDating", plans.backDating(context, id).allowed());
		model.addAttribute("askDue", forecast.statusDate().plusDays(7));
		model.addAttribute("achievedAt", milestone.achievedAt() == null ? null
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.format(milestone.achievedAt().atZone(java.time.ZoneOffset.UTC)));
		model.addAttribute("achievedOn", milestone.achievedAt() == null ? null
				: java.time.LocalDate.ofInstant(milestone.achievedAt(), java.time.ZoneOffset.UTC));
		model.addAttribute("achievementRecordedAt", milestone.achievementRecordedAt() == null ? null
				: java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.format(milestone.achievementRecordedAt().atZone(java.time.ZoneOffset.UTC)));
		return "web/milestone";
	}

	/**
	 * What-if: the same impact analysis as {@code POST …/impact} with one slip. Refusals come back
	 * as the fragment with the reason beside the field (422), so the page shows them in place.
	 */
	@PostMapping("/projects/{key}/milestones/{id}/what-if")
	String whatIf(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) String activity,
			@RequestParam(required = false) String days, Model model, HttpServletResponse response) {
		ProjectContext context = access.read(key);
		plans.milestone(context, id);
		model.addAttribute("project", Map.of("key", context.projectKey()));
		model.addAttribute("activity", activity);
		model.addAttribute("days", days);
		try {
			Forecasts.Impact impact = forecasts.slip(context, activityId(activity), number(days));
			model.addAttribute("impact", impact);
			model.addAttribute("errors", Map.of());
		}
		catch (RuleViolationException e) {
			response.setStatus(e.status().value());
			model.addAttribute("message", e.getMessage());
			model.addAttribute("errors", e.fieldErrors()
				.stream()
				.collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a)));
		}
		return "web/milestone :: what-if-result";
	}

	private static UUID activityId(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RuleViolationException("activity", "Choose a task or milestone of this project.");
		}
	}

	private static Integer number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("days", "Give a whole number of working days (negative: earlier).");
		}
	}

	private static List<Feeding> feeding(ProjectForecast forecast, UUID milestone) {
		ProjectPlan plan = forecast.plan();
		Map<UUID, ProjectPlan.Task> tasks = plan.tasks()
			.stream()
			.collect(Collectors.toMap(ProjectPlan.Task::id, Function.identity()));
		return plan.links()
			.stream()
			.filter(link -> link.successor().equals(milestone))
			.flatMap(link -> forecast.activity(link.predecessor()).stream().map(a -> {
				ProjectPlan.Task task = tasks.get(a.id());
				return new Feeding(a.id(), a.kind(), a.name(),
						link.type() + (link.lagDays() == 0 ? "" : (link.lagDays() > 0 ? " +" : " ") + link.lagDays()),
						a.finish(), a.critical(), a.done(), task == null ? (a.done() ? 100 : 0) : task.percentComplete());
			}))
			.toList();
	}

	/** The most activities the what-if offers; a larger plan's list would be megabytes of options. */
	static final int MAX_CHOICES = 200;

	/**
	 * What the what-if may slip: the work feeding this milestone first, then the unfinished work in
	 * the order it starts, at most {@value #MAX_CHOICES} ({@code POST …/impact} takes any).
	 */
	static List<Choice> choices(ProjectForecast forecast, UUID milestone) {
		java.util.Set<UUID> feeding = forecast.plan()
			.links()
			.stream()
			.filter(link -> link.successor().equals(milestone))
			.map(ProjectPlan.Link::predecessor)
			.collect(Collectors.toSet());
		return forecast.activities()
			.stream()
			.filter(a -> !a.done())
			.sorted(java.util.Comparator.comparing((ProjectForecast.Activity a) -> !feeding.contains(a.id()))
				.thenComparing(ProjectForecast.Activity::start))
			.limit(MAX_CHOICES)
			.map(a -> new Choice(a.id(), (a.kind() == ActivityKind.MILESTONE ? "◆ " : "") + a.name()
					+ (feeding.contains(a.id()) ? " (feeds this milestone)" : "")))
			.toList();
	}

}
