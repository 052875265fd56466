/**
 * The scheduling engine: plain Java, no Spring, no database. A {@link Network} of activities and
 * links plus a {@link Scenario} (constraints, progress, status date) go in; a {@link Schedule}
 * of early and late dates, floats and driving paths comes out. Time is counted in working days
 * of a {@link WorkingCalendar}; see docs/scheduling.md for the conventions.
 */
package dev.milepost.schedule.engine;
