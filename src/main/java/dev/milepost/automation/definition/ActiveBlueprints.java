package dev.milepost.automation.definition;

import java.util.List;
import java.util.UUID;

/** The rules that are in force in a project, for the automation runtime. */
public interface ActiveBlueprints {

	/**
	 * The rules with the given trigger from the project's active, unpaused blueprints (its own and
	 * the workspace blueprints it applies); empty when the project's automation is paused.
	 */
	List<ActiveRule> rules(UUID projectId, String trigger);

	/** Whether the project's automation is paused as a whole. */
	boolean projectPaused(UUID projectId);

}
