package dev.milepost.plan.project;

/** Where a project stands in its life. */
public enum ProjectStatus {
	PLANNED, ACTIVE, ON_HOLD, COMPLETED, CANCELLED
}
