package dev.milepost.schedule;

import java.util.List;
import java.util.UUID;

/**
 * Why a milestone has its status, in words a project manager can act on, with the tasks or
 * milestones involved and the number of days.
 *
 * @param code stable name of the kind of reason, e.g. {@code FORECAST_AFTER_TARGET}
 * @param message the reason in plain language
 * @param activities the tasks or milestones it is about
 * @param days the working days involved (late by, slack left, …), or null
 */
public record Reason(String code, String message, List<UUID> activities, Integer days) {
}
