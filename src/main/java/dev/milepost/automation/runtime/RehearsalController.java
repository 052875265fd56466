package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.List;

import dev.milepost.automation.definition.Blueprint;
import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.ParsedBlueprint;
import dev.milepost.automation.definition.ProjectFacts;
import dev.milepost.automation.definition.ProjectFactsSource;
import dev.milepost.common.FieldError;
import dev.milepost.common.RuleViolationException;
import dev.milepost.common.SupportedDate;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trying a draft blueprint before saving it: a dry run against the plan as it is now, a replay
 * over a past window. For the project's managers; nothing is written or sent.
 */
@RestController
class RehearsalController {

	private final ProjectAccess access;

	private final ProjectFactsSource factsSource;

	private final Rehearsals rehearsals;

	RehearsalController(ProjectAccess access, ProjectFactsSource factsSource, Rehearsals rehearsals) {
		this.access = access;
		this.factsSource = factsSource;
		this.rehearsals = rehearsals;
	}

	record DryRunRequest(@NotBlank @Size(max = 65536) String yaml) {
	}

	record ReplayRequest(@NotBlank @Size(max = 65536) String yaml, @NotNull @SupportedDate Instant from,
			@NotNull @SupportedDate Instant to) {
	}

	@PostMapping("/api/v1/projects/{key}/blueprints/dry-run")
	Rehearsals.DryRun dryRun(@PathVariable String key, @Valid @RequestBody DryRunRequest request) {
		ProjectContext context = access.manage(key);
		return rehearsals.dryRun(context, parse(context, request.yaml()));
	}

	@PostMapping("/api/v1/projects/{key}/blueprints/replay")
	Rehearsals.Replay replay(@PathVariable String key, @Valid @RequestBody ReplayRequest request) {
		ProjectContext context = access.manage(key);
		return rehearsals.replay(context, parse(context, request.yaml()), request.from(), request.to());
	}

	/** The draft, or a 422 naming each problem with its line and column. */
	private Blueprint parse(ProjectContext context, String yaml) {
		ProjectFacts facts = factsSource.of(context.projectId());
		ParsedBlueprint parsed = BlueprintParser.parse(yaml, facts);
		if (!parsed.valid()) {
			List<FieldError> errors = parsed.problems()
				.stream()
				.map(problem -> new FieldError("yaml" + (problem.path().isEmpty() ? "" : "." + problem.path()),
						"line " + problem.line() + ", column " + problem.column() + ": " + problem.message()))
				.toList();
			throw new RuleViolationException("The blueprint has " + errors.size() + " problem(s); fix them and try again.",
					errors);
		}
		return parsed.blueprint();
	}

}
