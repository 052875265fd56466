package dev.milepost.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.milepost.common.FieldError;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.RuleViolationException;
import dev.milepost.job.Jobs;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Forecasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Monte Carlo on a page: the form starts a background job and the page polls its progress (a
 * {@code <progress>} bar re-fetched by htmx) until the result renders: per milestone a histogram
 * and an S-curve of its finish with P50 / P80 / P95 and the target, and each task's criticality.
 * A simulation saves nothing, so everyone in the project may run one, stakeholders too.
 */
@Controller
class SimulationPage {

	static final String JOB_KIND = "simulation";

	static final int DEFAULT_ITERATIONS = 2_000;

	private final ProjectAccess access;

	private final Forecasts forecasts;

	private final Jobs jobs;

	SimulationPage(ProjectAccess access, Forecasts forecasts, Jobs jobs) {
		this.access = access;
		this.forecasts = forecasts;
		this.jobs = jobs;
	}

	/** What the form holds, as typed. */
	record Form(String iterations, String distribution, String seed) {
	}

	/** One milestone's (or the project finish's) result with its charts. */
	record Finish(UUID id, String name, LocalDate target, LocalDate deterministic, Forecasts.Outcome outcome,
			Double chance, SimulationChart chart) {

		public String chanceText() {
			return chance == null ? null : SimulationChart.percent(chance);
		}

	}

	@GetMapping("/projects/{key}/simulation")
	String page(@PathVariable String key, @RequestParam(required = false) UUID job,
			@RequestParam(required = false) String iterations, @RequestParam(required = false) String distribution,
			@RequestParam(required = false) String seed, Model model) {
		ProjectContext context = access.read(key);
		Jobs.Job found = job == null ? null : job(context, job);
		// the form offers the last run again, so a changed seed or method is one edit away
		Form form = new Form(iterations == null ? String.valueOf(DEFAULT_ITERATIONS) : iterations,
				distribution == null ? "PERT" : distribution, seed == null ? "1" : seed);
		prepare(context, form, Map.of(), null, model);
		if (found != null) {
			show(context, found, model);
		}
		return "web/simulation";
	}

	@PostMapping("/projects/{key}/simulation")
	String start(@PathVariable String key, Form form, Model model, HttpServletResponse response) {
		ProjectContext context = access.read(key);
		Forecasts.SimulationRequest request;
		try {
			request = request(form);
			forecasts.checkSimulation(request);
		}
		catch (RuleViolationException e) {
			response.setStatus(e.status().value());
			prepare(context, form, e.fieldErrors()
				.stream()
				.collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a)), e.getMessage(), model);
			return "web/simulation";
		}
		UUID id = jobs.start(JOB_KIND, context.projectKey(), context.user().id(),
				progress -> forecasts.simulate(context, request, progress::completed));
		return "redirect:" + org.springframework.web.util.UriComponentsBuilder
			.fromPath("/projects/{key}/simulation")
			.queryParam("job", id)
			.queryParam("iterations", request.iterations())
			.queryParam("distribution", request.distribution() == null ? "PERT" : request.distribution())
			.queryParam("seed", request.seed())
			.buildAndExpand(context.projectKey())
			.encode()
			.toUriString();
	}

	/** The job's region: its progress while it runs (polled again), its result once done. */
	@GetMapping("/projects/{key}/simulation/jobs/{job}")
	String job(@PathVariable String key, @PathVariable UUID job, Model model) {
		ProjectContext context = access.read(key);
		model.addAttribute("project", new ProjectRef(context.projectKey()));
		show(context, job(context, job), model);
		return "web/simulation :: job";
	}

	/** Only the project's own simulations, and only the person's own: anything else is not there. */
	private Jobs.Job job(ProjectContext context, UUID id) {
		return jobs.find(id)
			.filter(j -> JOB_KIND.equals(j.kind()) && j.scope().equals(context.projectKey())
					&& j.owner().equals(context.user().id()))
			.orElseThrow(() -> NotFoundException.of("simulation", id));
	}

	record Criticality(String name, double index, String percent) {
	}

	/** Just what the job fragment needs of the project. */
	record ProjectRef(String key) {
	}

	private void prepare(ProjectContext context, Form form, Map<String, String> errors, String message, Model model) {
		ProjectPlan plan = forecasts.dates(context).plan();
		model.addAttribute("me", context.user());
		model.addAttribute("project", plan);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("message", message);
		model.addAttribute("distributions", List.of("PERT", "TRIANGULAR"));
	}

	private void show(ProjectContext context, Jobs.Job job, Model model) {
		model.addAttribute("job", job);
		if (job.status() != Jobs.Status.SUCCEEDED) {
			return;
		}
		Forecasts.Simulation result = jobs.result(job.id(), Forecasts.Simulation.class)
			.orElseThrow(() -> NotFoundException.of("simulation", job.id()));
		model.addAttribute("result", result);
		model.addAttribute("finishes", finishes(result));
		model.addAttribute("tasks", result.tasks()
			.stream()
			.sorted(Comparator.comparingDouble(Forecasts.TaskCriticality::index).reversed()
					.thenComparing(Forecasts.TaskCriticality::name))
			.map(t -> new Criticality(t.name(), t.index(), SimulationChart.percent(t.index())))
			.toList());
	}

	private static List<Finish> finishes(Forecasts.Simulation result) {
		return Stream.concat(result.milestones()
			.stream()
			.map(m -> new Finish(m.id(), m.name(), m.target(), m.deterministic(), m.finish(), m.chanceOfMeetingTarget(),
					SimulationChart.of(m.finish(), m.target()))),
				Stream.of(new Finish(null, "Project finish", null, null, result.projectFinish(), null,
						SimulationChart.of(result.projectFinish(), null))))
			.toList();
	}

	private static Forecasts.SimulationRequest request(Form form) {
		List<FieldError> errors = new java.util.ArrayList<>();
		Integer iterations = number(form.iterations(), "iterations", "Give a whole number of iterations, 100 to 100,000.",
				errors);
		Long seed = form.seed() == null || form.seed().isBlank() ? Long.valueOf(1) : null;
		if (seed == null) {
			try {
				seed = Long.valueOf(form.seed().strip());
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("seed", "Give a whole number as the seed (the same seed repeats a run)."));
			}
		}
		if (!errors.isEmpty()) {
			throw new RuleViolationException(errors.get(0).message(), errors);
		}
		return new Forecasts.SimulationRequest(iterations, seed, form.distribution());
	}

	private static Integer number(String text, String field, String message, List<FieldError> errors) {
		try {
			return Integer.valueOf(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, message));
			return null;
		}
	}

}
