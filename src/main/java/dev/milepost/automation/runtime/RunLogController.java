package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.BadRequestException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PageResponse;
import dev.milepost.common.Paging;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The run log of a project's rules, "why did this happen?" and the incidents; readable by the
 * project's people.
 */
@RestController
class RunLogController {

	static final List<String> WHY_TYPES = List.of("notification", "task", "approval", "process");

	private final ProjectAccess access;

	private final RunLog log;

	RunLogController(ProjectAccess access, RunLog log) {
		this.access = access;
		this.log = log;
	}

	@GetMapping("/api/v1/projects/{key}/automation/runs")
	PageResponse<RunLog.RunView> runs(@PathVariable String key, @RequestParam(required = false) UUID blueprint,
			@RequestParam(required = false) String rule, @RequestParam(required = false) String status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		ProjectContext context = access.read(key);
		if (status != null && java.util.Arrays.stream(RunLog.Status.values()).noneMatch(s -> s.name().equals(status))) {
			throw new BadRequestException("status",
					"status is one of " + java.util.Arrays.toString(RunLog.Status.values()) + ".");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new BadRequestException("to", "to must come after from.");
		}
		return log.list(context.projectId(), new RunLog.Filter(blueprint, rule, status, from, to),
				Paging.of(page, size));
	}

	@GetMapping("/api/v1/projects/{key}/automation/runs/{id}")
	RunLog.RunView run(@PathVariable String key, @PathVariable UUID id) {
		return log.get(access.read(key).projectId(), id);
	}

	/**
	 * Why an entity exists: the run and action that produced it, the blueprint version, the trigger
	 * with the event's facts, and the condition with its value.
	 */
	record Why(String type, String id, RunLog.RunView run, RunLog.ActionView action, String explanation) {
	}

	@GetMapping("/api/v1/projects/{key}/automation/why")
	Why why(@PathVariable String key, @RequestParam String type, @RequestParam String id) {
		ProjectContext context = access.read(key);
		if (!WHY_TYPES.contains(type)) {
			throw new BadRequestException("type", "type is one of " + WHY_TYPES + ".");
		}
		if (id.isBlank() || id.length() > 100) {
			throw new BadRequestException("id", "id names the " + type + " to explain.");
		}
		Map.Entry<UUID, Integer> producer = log.producer(context.projectId(), type, id.strip())
			.orElseThrow(() -> new NotFoundException(
					"No rule of this project produced " + type + " " + id + "; it was made by a person or by Milepost itself."));
		RunLog.RunView run = log.get(context.projectId(), producer.getKey());
		RunLog.ActionView action = run.actions()
			.stream()
			.filter(each -> each.index() == producer.getValue())
			.findFirst()
			.orElse(null);
		String explanation = "Rule '" + run.rule() + "' of blueprint '" + run.blueprintName() + "' (version "
				+ run.versionNumber() + ") ran on " + run.trigger()
				+ (run.condition() == null ? "" : "; its condition " + run.condition() + " was " + run.conditionValue())
				+ (action == null ? "" : "; its action " + (action.index() + 1) + " (" + action.action() + ") made it")
				+ ".";
		return new Why(type, id, run, action, explanation);
	}

	@GetMapping("/api/v1/projects/{key}/automation/incidents")
	PageResponse<RunLog.IncidentView> incidents(@PathVariable String key, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return log.incidents(access.read(key).projectId(), Paging.of(page, size));
	}

}
