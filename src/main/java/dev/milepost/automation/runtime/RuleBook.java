package dev.milepost.automation.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.milepost.automation.definition.ActiveBlueprints;
import dev.milepost.automation.definition.ActiveRule;
import dev.milepost.automation.definition.Trigger;
import org.springframework.stereotype.Component;

/**
 * The rules that listen to a trigger in a project (active, unpaused versions of unpaused
 * projects, from {@link ActiveBlueprints}), and whether a rule's trigger parameters accept an
 * occurrence ({@code fields} of {@code task.updated}, {@code from}/{@code to} of
 * {@code milestone.status-changed}, {@code outcome}, {@code template}).
 */
@Component
class RuleBook {

	private final ActiveBlueprints active;

	RuleBook(ActiveBlueprints active) {
		this.active = active;
	}

	/** What is in force in the project with this key (one read); empty when there is no such project. */
	Optional<ActiveBlueprints.InForce> inForce(String projectKey) {
		return active.inForce(projectKey);
	}

	/** What is in force in the project (one read). */
	ActiveBlueprints.InForce inForce(UUID projectId) {
		return active.inForce(projectId);
	}

	/** The rules of the trigger whose parameters accept this occurrence's facts. */
	static List<ActiveRule> rules(ActiveBlueprints.InForce inForce, Occurrence occurrence) {
		return inForce.rules(occurrence.trigger())
			.stream()
			.filter(rule -> accepts(rule.rule().when(), occurrence.data()))
			.toList();
	}

	List<ActiveRule> rules(UUID projectId, String trigger) {
		return active.rules(projectId, trigger);
	}

	static boolean accepts(Trigger trigger, Map<String, Object> data) {
		if (trigger instanceof Trigger.TaskUpdated updated) {
			return updated.fields().isEmpty() || data.get("changes") instanceof Map<?, ?> changes
					&& updated.fields().stream().anyMatch(changes::containsKey);
		}
		if (trigger instanceof Trigger.MilestoneStatusChanged changed) {
			return (changed.from() == null || changed.from().equals(data.get("from")))
					&& (changed.to() == null || changed.to().equals(data.get("to")));
		}
		if (trigger instanceof Trigger.ApprovalDecided decided) {
			return decided.outcome() == null || decided.outcome().equals(data.get("status"));
		}
		if (trigger instanceof Trigger.ProcessCompleted completed) {
			return completed.template() == null || completed.template().equals(data.get("template"));
		}
		return true;
	}

}
