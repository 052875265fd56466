package dev.milepost.schedule.internal;

import java.util.List;
import java.util.UUID;

import dev.milepost.common.PageForm;
import dev.milepost.plan.ActivityKind;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's baselines as pages: the list (name, status date, when and by whom), "make a baseline
 * now" and delete for managers (delete asks first on a page of its own, so it works without
 * JavaScript), and the comparison of a baseline with the current forecast per milestone. The same
 * services and rules as {@link ScheduleController}: everyone in the project reads, managers make and
 * delete ({@link ProjectAccess#manage}), so a forged write from anyone else is refused with 403.
 */
@Controller
class BaselinePages {

	private final ProjectAccess access;

	private final Schedules schedules;

	private final Baselines baselines;

	private final PlanQueries plans;

	private final Validator validator;

	BaselinePages(ProjectAccess access, Schedules schedules, Baselines baselines, PlanQueries plans,
			Validator validator) {
		this.access = access;
		this.schedules = schedules;
		this.baselines = baselines;
		this.plans = plans;
		this.validator = validator;
	}

	@GetMapping("/projects/{key}/baselines")
	String list(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		return page(model, context, "", new PageForm());
	}

	@PostMapping("/projects/{key}/baselines")
	String make(@PathVariable String key, @RequestParam(required = false) String name,
			@RequestParam(required = false) String back, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		ScheduleController.BaselineRequest request = new ScheduleController.BaselineRequest(
				name == null ? null : name.strip(), null);
		PageForm errors = new PageForm().violations(validator.validate(request));
		Baselines.Baseline[] saved = new Baselines.Baseline[1];
		return errors.submit(() -> {
			Schedules.Computed computed = schedules.compute(context, null, null);
			saved[0] = baselines.save(context, request.name(), computed.mapping(), computed.schedule(),
					computed.statusDate());
		}, () -> {
			redirect.addFlashAttribute("saved", "Baseline “" + saved[0].name() + "” made.");
			// made from the Gantt: back to it, showing the new baseline's ghost bars
			return "gantt".equals(back) ? "redirect:/projects/" + key + "/gantt?baseline=" + saved[0].id()
					: "redirect:/projects/" + key + "/baselines/" + saved[0].id();
		}, response, () -> page(model, context, name, errors));
	}

	/** One milestone's dates in the baseline and in today's forecast; variance in working days, later is positive. */
	record MilestoneVariance(String name, java.time.LocalDate baselineDate, java.time.LocalDate forecastDate,
			Integer varianceDays, boolean added) {
	}

	@GetMapping("/projects/{key}/baselines/{id}")
	String compare(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.read(key);
		Baselines.Baseline baseline = baselines.find(context, id);
		Schedules.Computed computed = schedules.compute(context, null, null);
		List<MilestoneVariance> rows = schedules.variance(computed, id)
			.stream()
			.filter(v -> v.kind() == ActivityKind.MILESTONE)
			.map(v -> new MilestoneVariance(v.name(), v.baselineFinish(), v.currentFinish(), v.finishVarianceDays(),
					v.added()))
			.sorted(java.util.Comparator.comparing(MilestoneVariance::forecastDate,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
				.thenComparing(MilestoneVariance::name))
			.toList();
		header(model, context);
		model.addAttribute("baseline", baseline);
		model.addAttribute("statusDate", computed.statusDate());
		model.addAttribute("rows", rows);
		return "schedule/baseline";
	}

	@GetMapping("/projects/{key}/baselines/{id}/delete")
	String confirmDelete(@PathVariable String key, @PathVariable UUID id, Model model) {
		ProjectContext context = access.manage(key);
		header(model, context);
		model.addAttribute("baseline", baselines.find(context, id));
		return "schedule/baseline-delete";
	}

	@PostMapping("/projects/{key}/baselines/{id}/delete")
	String delete(@PathVariable String key, @PathVariable UUID id, RedirectAttributes redirect) {
		ProjectContext context = access.manage(key);
		String name = baselines.find(context, id).name();
		baselines.delete(context, id);
		redirect.addFlashAttribute("saved", "Baseline “" + name + "” deleted.");
		return "redirect:/projects/" + key + "/baselines";
	}

	private String page(Model model, ProjectContext context, String name, PageForm errors) {
		header(model, context);
		model.addAttribute("baselines", baselines.list(context.projectId()));
		model.addAttribute("name", name);
		errors.addTo(model);
		return "schedule/baselines";
	}

	private void header(Model model, ProjectContext context) {
		model.addAttribute("me", context.user());
		model.addAttribute("project", plans.heading(context));
		model.addAttribute("canManage", context.canManage());
	}

}
