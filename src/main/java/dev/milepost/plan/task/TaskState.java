package dev.milepost.plan.task;

/** Where a task's work stands, derived from its actual dates. */
public enum TaskState {
	NOT_STARTED, IN_PROGRESS, DONE
}
