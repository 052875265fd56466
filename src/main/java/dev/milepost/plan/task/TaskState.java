package dev.milepost.plan.task;

/** Where a task's work stands, derived from its actual dates. */
public enum TaskState {

	NOT_STARTED, IN_PROGRESS, DONE;

	/** Done once it has an actual finish; under way once it has started or reports progress. */
	public static TaskState of(java.time.LocalDate actualStart, java.time.LocalDate actualFinish, int percentComplete) {
		if (actualFinish != null) {
			return DONE;
		}
		return actualStart != null || percentComplete > 0 ? IN_PROGRESS : NOT_STARTED;
	}

}
