package dev.milepost.automation.assistant;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.milepost.automation.definition.Problem;
import dev.milepost.automation.definition.ProjectFacts;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The blueprint assistant for a project's managers: plain language in, a draft to review out. */
@RestController
class AssistantController {

	/**
	 * What to draft; {@code source} may ask for the offline grammar even when a model is
	 * configured.
	 */
	record Request(@NotBlank(message = "describe the rules you want") @Size(max = BlueprintAssistant.MAX_TEXT,
			message = "must be at most 2000 characters") String text,
			@Pattern(regexp = "grammar|model", message = "must be grammar or model") String source) {
	}

	/** The draft: nothing is saved; a manager reviews the YAML and saves it as a blueprint. */
	record View(String yaml, List<String> explanation, List<Understood> understood, List<NotUnderstood> notUnderstood,
			List<Problem> problems, List<String> notes, String source) {
	}

	private final ProjectAccess access;

	private final PlanQueries plans;

	private final BlueprintAssistant assistant;

	AssistantController(ProjectAccess access, PlanQueries plans, BlueprintAssistant assistant) {
		this.access = access;
		this.plans = plans;
		this.assistant = assistant;
	}

	@PostMapping("/api/v1/projects/{key}/blueprints/assistant")
	View draft(@PathVariable String key, @Valid @RequestBody Request request) {
		ProjectContext project = access.manage(key);
		BlueprintAssistant.Source wanted = request.source() == null ? null
				: BlueprintAssistant.Source.valueOf(request.source().toUpperCase(Locale.ROOT));
		BlueprintAssistant.Answer answer = assistant.draft(request.text(), facts(project), wanted);
		return new View(answer.yaml(), answer.explanation(), answer.understood(), answer.notUnderstood(),
				answer.problems(), answer.notes(), answer.source().name().toLowerCase(Locale.ROOT));
	}

	/**
	 * A draft names people as a project blueprint does, so {@code @username}s are checked against
	 * the project's members; process templates are checked when the blueprint is saved.
	 */
	private ProjectFacts facts(ProjectContext project) {
		Set<String> members = new HashSet<>();
		plans.roster(project.projectId()).ifPresent(roster -> {
			roster.members().values().forEach(members::addAll);
			members.add(roster.manager());
			members.add(roster.sponsor());
		});
		return new ProjectFacts() {
			@Override
			public boolean isMember(String username) {
				return members.contains(username);
			}

			@Override
			public boolean hasTemplate(String template) {
				return true;
			}
		};
	}

}
