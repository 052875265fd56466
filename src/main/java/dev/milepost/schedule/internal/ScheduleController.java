package dev.milepost.schedule.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.BadRequestException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.SupportedDate;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.ForecastMethod;
import dev.milepost.schedule.PlanMapping;
import dev.milepost.schedule.StatusRecomputation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The schedule of a project (dates, floats, critical path), its milestones' status with reasons,
 * what-if impact, baselines with variance, and milestone trends. Everyone in the project may read
 * and ask what-ifs; managers save and delete baselines.
 */
@RestController
@RequestMapping("/api/v1/projects/{key}")
class ScheduleController {

	private final ProjectAccess access;

	private final Schedules schedules;

	private final Baselines baselines;

	private final MilestoneStatuses statuses;

	private final StatusRecomputation recomputation;

	private final EarlyWarnings earlyWarnings;

	private final StoredEvaluations stored;

	ScheduleController(ProjectAccess access, Schedules schedules, Baselines baselines, MilestoneStatuses statuses,
			StatusRecomputation recomputation, EarlyWarnings earlyWarnings, StoredEvaluations stored) {
		this.earlyWarnings = earlyWarnings;
		this.stored = stored;
		this.access = access;
		this.schedules = schedules;
		this.baselines = baselines;
		this.statuses = statuses;
		this.recomputation = recomputation;
	}

	/**
	 * {@code asOf}: take the baseline of the plan as it stood on that past day (its progress and
	 * achievements then; see {@link Schedules#asOf}), with that status date; none: today's plan.
	 */
	record BaselineRequest(@NotBlank @Size(max = 100) String name, @SupportedDate LocalDate asOf) {
	}

	record BaselineView(UUID id, String name, java.time.Instant createdAt, String createdBy, LocalDate statusDate) {

		static BaselineView of(Baselines.Baseline baseline) {
			return new BaselineView(baseline.id(), baseline.name(), baseline.createdAt(), baseline.createdBy(),
					baseline.statusDate());
		}

	}

	record VarianceReport(UUID baseline, String name, LocalDate statusDate, List<Baselines.Variance> activities) {
	}

	/** {@code statusesStaleSince}: the points miss the changes since then, while their recompute waits or is retried. */
	record Trend(UUID milestone, String name, LocalDate target, List<MilestoneStatuses.TrendPoint> points,
			Instant statusesStaleSince) {
	}

	/**
	 * The schedule, its activities paged: {@code page} from 0, {@code size} 1 to
	 * {@value Paging#MAX_SIZE}, by default the largest, so a plan of up to that many activities comes
	 * in one answer; the answer says how many there are in all.
	 */
	@GetMapping("/schedule")
	ScheduleViews.ScheduleView schedule(@PathVariable String key,
			@RequestParam(required = false) LocalDate statusDate,
			@RequestParam(required = false) ForecastMethod method, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		ProjectContext context = access.read(key);
		Paging paging = Paging.of(page, size == null ? Paging.MAX_SIZE : size);
		return schedules.view(schedules.compute(context, statusDate, method), paging);
	}

	/**
	 * The statuses as stored by the last recompute (no simulation per request). {@code statusDate}:
	 * today's plan and progress scheduled from that date (a what-if), or another {@code method}:
	 * computed for that question; {@code asOf}: the plan and progress as they stood on that past
	 * day, against the baseline known then, so a project's history replays ({@link Schedules#asOf}).
	 * Not both dates.
	 */
	@GetMapping("/milestone-status")
	ScheduleViews.StatusReport status(@PathVariable String key, @RequestParam(required = false) LocalDate statusDate,
			@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) ForecastMethod method) {
		ProjectContext context = access.read(key);
		if (asOf != null) {
			if (statusDate != null) {
				throw new BadRequestException("asOf", "Give asOf (the plan as it stood that day) or statusDate "
						+ "(today's plan scheduled from that date), not both.");
			}
			return schedules.reportAsOf(schedules.asOf(context, asOf, method)).staleSince(staleSince(context));
		}
		Schedules.Computed computed = schedules.compute(context, statusDate, method);
		ScheduleViews.StatusReport report = statusDate == null && method == null
				? schedules.report(computed, stored.of(computed)) : schedules.report(computed);
		return report.staleSince(staleSince(context));
	}

	/**
	 * How early the status warned: each closed milestone's outcome against the first day its
	 * recorded status flagged it, and the project's own hit rate ({@link dev.milepost.schedule.EarlyWarning}).
	 */
	@GetMapping("/early-warning")
	dev.milepost.schedule.EarlyWarning earlyWarning(@PathVariable String key) {
		return earlyWarnings.of(access.read(key));
	}

	@PostMapping("/impact")
	ImpactAnalysis.Result impact(@PathVariable String key, @Valid @RequestBody ImpactAnalysis.Request request) {
		return ImpactAnalysis.analyse(schedules.compute(access.read(key), request.statusDate(), null), request);
	}

	@PostMapping("/simulation")
	Simulations.Result simulate(@PathVariable String key, @Valid @RequestBody Simulations.Request request) {
		return Simulations.run(schedules.compute(access.read(key), request.statusDate(), null), request);
	}

	@GetMapping("/baselines")
	List<BaselineView> baselines(@PathVariable String key) {
		return baselines.list(access.read(key).projectId()).stream().map(BaselineView::of).toList();
	}

	@PostMapping("/baselines")
	ResponseEntity<BaselineView> saveBaseline(@PathVariable String key, @Valid @RequestBody BaselineRequest request) {
		ProjectContext context = access.manage(key);
		Schedules.Computed computed = request.asOf() == null ? schedules.compute(context, null, null)
				: schedules.asOf(context, request.asOf(), null);
		Baselines.Baseline saved = baselines.save(context, request.name().strip(), computed.mapping(),
				computed.schedule(), computed.statusDate());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + key + "/baselines/" + saved.id()))
			.body(BaselineView.of(saved));
	}

	@GetMapping("/baselines/{id}")
	BaselineView baseline(@PathVariable String key, @PathVariable UUID id) {
		return BaselineView.of(baselines.find(access.read(key), id));
	}

	@DeleteMapping("/baselines/{id}")
	ResponseEntity<Void> deleteBaseline(@PathVariable String key, @PathVariable UUID id) {
		baselines.delete(access.manage(key), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/baselines/{id}/variance")
	VarianceReport variance(@PathVariable String key, @PathVariable UUID id,
			@RequestParam(required = false) LocalDate statusDate) {
		ProjectContext context = access.read(key);
		Baselines.Baseline baseline = baselines.find(context, id);
		Schedules.Computed computed = schedules.compute(context, statusDate, null);
		return new VarianceReport(baseline.id(), baseline.name(), computed.statusDate(),
				schedules.variance(computed, id));
	}

	/** {@code asOf}: only the points recorded for status dates up to that day, as the trend then stood. */
	@GetMapping("/milestones/{id}/trend")
	Trend trend(@PathVariable String key, @PathVariable UUID id, @RequestParam(required = false) LocalDate asOf) {
		ProjectContext context = access.read(key);
		Schedules.Computed computed = schedules.compute(context, null, null);
		PlanMapping mapping = computed.mapping();
		var milestone = mapping.plan()
			.milestones()
			.stream()
			.filter(m -> m.id().equals(id))
			.findFirst()
			.orElseThrow(() -> NotFoundException.of("milestone", id));
		return new Trend(id, milestone.name(), milestone.targetDate(),
				statuses.trend(id).stream().filter(p -> asOf == null || !p.statusDate().isAfter(asOf)).toList(),
				staleSince(context));
	}

	private Instant staleSince(ProjectContext context) {
		return recomputation.staleness(context.projectKey()).map(StatusRecomputation.Staleness::since).orElse(null);
	}

}
