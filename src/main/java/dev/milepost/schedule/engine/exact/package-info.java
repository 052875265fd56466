/**
 * The exact scheduling engine, in minutes of working time on calendars with work periods, not
 * yet used by the application (which runs on the day engine, {@code dev.milepost.schedule.engine}).
 * A {@link dev.milepost.schedule.engine.exact.WorkCalendar} maps moments to working minutes, an
 * {@link dev.milepost.schedule.engine.exact.ExactNetwork} holds activities, links, calendars and
 * constraints in arrays, and {@link dev.milepost.schedule.engine.exact.ExactScheduler} computes
 * an {@link dev.milepost.schedule.engine.exact.ExactSchedule}. See docs/scheduling.md, "The exact
 * engine".
 */
package dev.milepost.schedule.engine.exact;
