package dev.milepost.schedule.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.Reason;
import dev.milepost.schedule.StatusMemory;

/**
 * A milestone's computed status, forecast and reasons (the first decided the status), with the
 * simulated outcome the status weighed: null where the chance says nothing (nothing feeds the
 * milestone, it cannot be achieved, or the plan could not be simulated), and what the status
 * remembers of this day for the next ({@link StatusMemory}).
 */
record MilestoneEvaluation(UUID milestoneId, String name, LocalDate target, LocalDate forecast, Integer slackDays,
		MilestoneStatus status, List<Reason> reasons, List<UUID> drivingPath, Forecasts.Risk risk,
		StatusMemory memory) {

	Reason decidedBy() {
		return reasons.get(0);
	}

}
