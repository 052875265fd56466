package dev.milepost.plan.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A task as the API shows it; {@code plannedFinish} is counted in the project's working days. */
public record TaskView(UUID id, String name, String description, int durationDays, BigDecimal effortHours,
		List<String> assignees, int percentComplete, TaskState state, LocalDate plannedStart, LocalDate plannedFinish,
		LocalDate actualStart, LocalDate actualFinish, Estimate estimate, Instant createdAt) {
}
