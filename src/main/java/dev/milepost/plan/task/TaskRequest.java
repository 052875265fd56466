package dev.milepost.plan.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.milepost.common.SupportedDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A task as a client creates it, and the fields a merge patch may change. */
public record TaskRequest(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
		@NotNull @Min(value = 1, message = "must be at least 1 working day; a zero-duration checkpoint is a milestone") @Max(3650) Integer durationDays,
		@DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 1) BigDecimal effortHours,
		@Size(max = 50) List<@NotBlank @Size(max = 64) String> assignees, @Min(0) @Max(100) Integer percentComplete,
		@SupportedDate LocalDate plannedStart, @SupportedDate LocalDate actualStart,
		@SupportedDate LocalDate actualFinish, @Valid Estimate estimate) {

	public TaskRequest {
		assignees = assignees == null ? List.of() : assignees;
		percentComplete = percentComplete == null ? Integer.valueOf(0) : percentComplete;
	}

}
