package dev.milepost.automation.definition;

import java.util.UUID;

/**
 * A rule of an active blueprint version, as the runtime needs it.
 *
 * @param blueprintId the blueprint
 * @param blueprintName its name
 * @param versionId the active version's id
 * @param versionNumber the active version's number
 * @param ruleIndex the rule's position in the blueprint (0-based)
 * @param rule the rule
 * @param condition the compiled {@code if}, or null when the rule has none
 */
public record ActiveRule(UUID blueprintId, String blueprintName, UUID versionId, int versionNumber, int ruleIndex,
		Rule rule, CompiledCondition condition) {
}
