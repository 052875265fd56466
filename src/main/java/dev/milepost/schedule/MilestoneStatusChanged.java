package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A milestone's computed status changed, e.g. from on track to at risk. */
public record MilestoneStatusChanged(String projectKey, UUID milestoneId, String name, MilestoneStatus from,
		MilestoneStatus to, LocalDate target, LocalDate forecast, List<Reason> reasons) {
}
