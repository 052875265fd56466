package dev.milepost.schedule;

/** Where a milestone stands, computed from the plan and never typed in. */
public enum MilestoneStatus {

	/** Its criterion was met and recorded. */
	ACHIEVED,
	/** Forecast on or before its target with enough slack, and nothing driving it is late. */
	ON_TRACK,
	/** On track, and its target is within the approaching window. */
	APPROACHING,
	/** Forecast after its target, too little slack left, or work driving it is late. */
	AT_RISK,
	/** Its target day has passed and it was not achieved. */
	MISSED

}
