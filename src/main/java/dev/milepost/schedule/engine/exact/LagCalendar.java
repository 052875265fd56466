package dev.milepost.schedule.engine.exact;

/**
 * The calendar a link's lag is counted on, chosen per project. MS Project counts a lag on the
 * successor's calendar (its task calendar, else the project's); P6 offers all four and counts it
 * on the predecessor's by default. With every activity on the project calendar they agree.
 */
public enum LagCalendar {

	/** P6's default. */
	PREDECESSOR,
	/** MS Project. */
	SUCCESSOR,
	/** The project's calendar, whatever the activities use. */
	PROJECT,
	/** Elapsed time: every minute counts, nights and weekends too (P6's "24 hour calendar"). */
	TWENTY_FOUR_HOURS

}
