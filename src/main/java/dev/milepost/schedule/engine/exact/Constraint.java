package dev.milepost.schedule.engine.exact;

/**
 * A date constraint on an activity, as MS Project and P6 name them. The ordinal is the code kept
 * in the network's arrays. Deadlines are not constraints: see {@link ExactNetwork.Builder#deadline}.
 */
public enum Constraint {

	/** No date: early dates come from the links and the project start. */
	AS_SOON_AS_POSSIBLE,
	/** Scheduled at its late dates, as far as its free float allows (MS Project's ALAP, P6's zero free float). */
	AS_LATE_AS_POSSIBLE,
	/** Early start no earlier than the date. */
	START_NO_EARLIER_THAN,
	/** Late start no later than the date; early dates are left to the links. */
	START_NO_LATER_THAN,
	/** Early finish no earlier than the date. */
	FINISH_NO_EARLIER_THAN,
	/** Late finish no later than the date; early dates are left to the links. */
	FINISH_NO_LATER_THAN,
	/** Starts on the date, early and late, whatever the links say (negative float shows a conflict). */
	MUST_START_ON,
	/** Finishes on the date, early and late, whatever the links say. */
	MUST_FINISH_ON;

	static final Constraint[] VALUES = values();

}
