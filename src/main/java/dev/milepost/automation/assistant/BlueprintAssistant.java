package dev.milepost.automation.assistant;

import java.util.ArrayList;
import java.util.List;

import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.Explanations;
import dev.milepost.automation.definition.ParsedBlueprint;
import dev.milepost.automation.definition.Problem;
import dev.milepost.automation.definition.ProjectFacts;
import org.springframework.stereotype.Service;

/**
 * Turns plain language into a draft blueprint for a person to review. It never saves or activates
 * anything: the draft is checked exactly as a saved blueprint would be (parser and CEL type
 * checks) and explained back in words, and whatever was not understood is listed, not guessed.
 */
@Service
public class BlueprintAssistant {

	/** Longest request, in characters. */
	public static final int MAX_TEXT = 2000;

	/** Where a draft came from. */
	public enum Source {
		GRAMMAR, MODEL
	}

	/**
	 * A draft: its YAML (null when nothing was understood), the explanation of that YAML, the
	 * sentences understood, what was not understood, the YAML's problems (empty when it is valid),
	 * notes about how the draft was made, and its source.
	 */
	public record Answer(String yaml, List<String> explanation, List<Understood> understood,
			List<NotUnderstood> notUnderstood, List<Problem> problems, List<String> notes, Source source) {
	}

	private final ModelClient model;

	public BlueprintAssistant(ModelClient model) {
		this.model = model;
	}

	/**
	 * Drafts with the model when one is configured, unless {@code wanted} is {@link Source#GRAMMAR};
	 * otherwise with the grammar (saying so when the model was asked for but none is configured).
	 */
	public Answer draft(String text, ProjectFacts facts, Source wanted) {
		if (wanted == Source.MODEL && !model.enabled()) {
			Answer grammar = fromGrammar(text, facts);
			List<String> notes = new ArrayList<>(grammar.notes());
			notes.add(0, "No model is configured (milepost.assistant.endpoint); drafted with the offline grammar.");
			return new Answer(grammar.yaml(), grammar.explanation(), grammar.understood(), grammar.notUnderstood(),
					grammar.problems(), List.copyOf(notes), Source.GRAMMAR);
		}
		if (model.enabled() && wanted != Source.GRAMMAR) {
			ModelClient.Reply reply = model.draft(text);
			if (reply.failure() == null) {
				return checked(reply.text(), List.of(), List.of(), List.of(), Source.MODEL, facts);
			}
			Answer grammar = fromGrammar(text, facts);
			List<String> notes = new ArrayList<>(grammar.notes());
			notes.add(0, reply.failure() + "; drafted with the offline grammar instead.");
			return new Answer(grammar.yaml(), grammar.explanation(), grammar.understood(), grammar.notUnderstood(),
					grammar.problems(), List.copyOf(notes), Source.GRAMMAR);
		}
		return fromGrammar(text, facts);
	}

	/** Drafts with the offline grammar only. */
	public Answer fromGrammar(String text, ProjectFacts facts) {
		Draft draft = Grammar.read(text);
		if (draft.rules().isEmpty()) {
			List<NotUnderstood> why = draft.notUnderstood().isEmpty()
					? List.of(new NotUnderstood(text.strip(), Math.max(0, text.indexOf(text.strip())),
							"Nothing to draft: describe a rule, e.g. \"when a task is overdue, notify the manager\"."))
					: draft.notUnderstood();
			return new Answer(null, List.of(), draft.understood(), why, List.of(),
					List.of("No rule was understood, so no YAML was drafted."), Source.GRAMMAR);
		}
		String yaml = Yaml.write("Assistant draft", "Drafted from: " + summary(text), draft.rules());
		return checked(yaml, draft.understood(), draft.notUnderstood(), List.of(), Source.GRAMMAR, facts);
	}

	private static Answer checked(String yaml, List<Understood> understood, List<NotUnderstood> notUnderstood,
			List<String> notes, Source source, ProjectFacts facts) {
		ParsedBlueprint parsed = BlueprintParser.parse(yaml, facts);
		List<String> explanation = parsed.valid() ? Explanations.explain(parsed.blueprint()) : List.of();
		return new Answer(yaml, explanation, understood, notUnderstood, parsed.problems(), notes, source);
	}

	private static String summary(String text) {
		String oneLine = text.strip().replaceAll("\\s+", " ");
		return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
	}

}
