package dev.milepost.automation.assistant;

import java.util.List;
import java.util.Locale;

import dev.milepost.automation.definition.Problem;
import dev.milepost.automation.definition.ProjectFactsSource;
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

	private final ProjectFactsSource facts;

	private final BlueprintAssistant assistant;

	AssistantController(ProjectAccess access, ProjectFactsSource facts, BlueprintAssistant assistant) {
		this.access = access;
		this.facts = facts;
		this.assistant = assistant;
	}

	@PostMapping("/api/v1/projects/{key}/blueprints/assistant")
	View draft(@PathVariable String key, @Valid @RequestBody Request request) {
		ProjectContext project = access.manage(key);
		BlueprintAssistant.Source wanted = request.source() == null ? null
				: BlueprintAssistant.Source.valueOf(request.source().toUpperCase(Locale.ROOT));
		BlueprintAssistant.Answer answer = assistant.draft(request.text(), facts.of(project.projectId()), wanted);
		return new View(answer.yaml(), answer.explanation(), answer.understood(), answer.notUnderstood(),
				answer.problems(), answer.notes(), answer.source().name().toLowerCase(Locale.ROOT));
	}

}
