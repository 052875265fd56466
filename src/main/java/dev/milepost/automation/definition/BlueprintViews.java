package dev.milepost.automation.definition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The blueprint API's request and response bodies. */
final class BlueprintViews {

	private BlueprintViews() {
	}

	/**
	 * A blueprint with its latest version's text and problems, and the explanation of that version
	 * when it is valid.
	 */
	record BlueprintView(UUID id, String scope, String projectKey, String name, BlueprintStatus status,
			Integer activeVersion, int latestVersion, boolean valid, String yaml, List<Problem> problems,
			List<String> explanation, List<RuleWarning> warnings, String createdBy, Instant createdAt, Instant updatedAt,
			long version) {
	}

	/**
	 * A rule that repeats ({@code DUPLICATE}) or overlaps ({@code OVERLAP}) a rule already in force in
	 * the project: a warning, saving still works.
	 */
	record RuleWarning(int rule, String ruleName, String otherBlueprint, String otherRule, String kind,
			String message) {
	}

	record VersionSummary(int number, String author, Instant createdAt, boolean valid, boolean active, String note) {
	}

	record VersionView(int number, String author, Instant createdAt, boolean valid, boolean active, String note,
			String yaml, List<Problem> problems, List<String> explanation) {
	}

	/** A line of a diff: {@code op} is a space (kept), {@code -} (removed) or {@code +} (added). */
	record DiffLine(String op, String text) {
	}

	record DiffView(int from, int to, String unified, List<DiffLine> lines) {
	}

	record Validation(boolean valid, List<Problem> problems, List<String> explanation, List<RuleWarning> warnings) {
	}

	record AutomationView(String projectKey, boolean paused, String changedBy, Instant changedAt) {
	}

	/** Saves a new version; {@code activate} makes it the running one at once (refused when invalid). */
	record Save(@NotBlank String yaml, @Size(max = 500) String note, Boolean activate) {

		boolean activateNow() {
			return Boolean.TRUE.equals(activate);
		}

	}

	record Source(@NotNull String yaml) {
	}

	record VersionChoice(@NotNull @Positive Integer version) {
	}

	record AutomationSwitch(@NotNull Boolean paused) {
	}

}
