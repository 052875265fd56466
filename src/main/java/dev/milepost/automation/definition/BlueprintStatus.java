package dev.milepost.automation.definition;

/** Whether a blueprint's rules run. */
public enum BlueprintStatus {

	/** Never activated: its versions are drafts. */
	DRAFT,
	/** Its active version's rules run. */
	ACTIVE,
	/** It has an active version, but its rules do not run until it is resumed. */
	PAUSED

}
