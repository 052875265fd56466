package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.Reason;

/** A milestone's computed status, forecast and reasons. */
record MilestoneEvaluation(UUID milestoneId, String name, LocalDate target, LocalDate forecast, Integer slackDays,
		MilestoneStatus status, List<Reason> reasons, List<UUID> drivingPath) {
}
