package dev.milepost.schedule;

/** How the remaining work of a task under way is estimated at the status date. */
public enum ForecastMethod {

	/** Remaining = planned duration × (1 − percent complete): the plan's pace from here on. */
	PLANNED_RATE,

	/**
	 * Remaining from the pace observed so far: a task 40 % done after 6 working days needs
	 * 6 / 0.4 = 15 days in all, so 9 more, whatever its planned duration.
	 */
	OBSERVED_RATE

}
