package dev.milepost.automation.definition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rules that are in force in a project, for the automation runtime. */
public interface ActiveBlueprints {

	/**
	 * The rules with the given trigger from the project's active, unpaused blueprints (its own and
	 * the workspace blueprints it applies); empty when the project's automation is paused.
	 */
	List<ActiveRule> rules(UUID projectId, String trigger);

	/**
	 * Everything in force in the project with this key, read at once: its id and the rules of all
	 * triggers (none when its automation is paused); empty when there is no such project.
	 */
	Optional<InForce> inForce(String projectKey);

	/** Everything in force in the project, read at once; no rules when there is no such project. */
	InForce inForce(UUID projectId);

	/** A project's rules in force at one moment, by trigger. */
	record InForce(UUID projectId, List<ActiveRule> rules) {

		public InForce {
			rules = List.copyOf(rules);
		}

		/** The rules with the given trigger, in blueprint order. */
		public List<ActiveRule> rules(String trigger) {
			return rules.stream().filter(rule -> rule.rule().when().name().equals(trigger)).toList();
		}

		public boolean listens(String trigger) {
			return rules.stream().anyMatch(rule -> rule.rule().when().name().equals(trigger));
		}

	}

}
