package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.UUID;

/** An activity's dates as a baseline recorded them. */
record BaselineDates(UUID activityId, String name, LocalDate start, LocalDate finish, int durationDays) {
}
