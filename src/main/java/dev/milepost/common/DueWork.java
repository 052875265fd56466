package dev.milepost.common;

/**
 * Background work a module does on its own threads (delivering notifications, running automation
 * rules) that can also be run to the end on demand, as db-scheduler's {@code runAnyDueExecutions()}
 * does for its tasks: {@link #runDue()} does everything due now and returns only once nothing due is
 * left, including what this instance's background threads had already taken, so whoever calls it
 * can then rely on what did and did not happen without waiting for time to pass. Work due later
 * (a retry after a pause) is left for its time.
 */
public interface DueWork {

	/**
	 * Does everything due now on this instance's behalf, waiting for work in flight on its own
	 * background threads; returns how many items it handled itself (0: nothing was due).
	 */
	int runDue();

}
