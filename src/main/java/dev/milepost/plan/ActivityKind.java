package dev.milepost.plan;

/** What a dependency connects: work that takes time, or a zero-duration checkpoint. */
public enum ActivityKind {
	TASK, MILESTONE
}
