package dev.milepost.plan.milestone;

import java.time.LocalDate;
import java.util.List;

import dev.milepost.common.SupportedDate;
import dev.milepost.plan.CriterionKind;
import dev.milepost.plan.ProjectRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A milestone as a client creates it, and the fields a merge patch may change. The attributes of
 * work ({@code durationDays}, {@code effortHours}, {@code assignees}) are read only so they can
 * be refused with the reason.
 */
public record MilestoneRequest(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
		@NotNull @SupportedDate LocalDate targetDate,
		@NotBlank(message = "is required: every milestone has a named owner who answers for it") @Size(max = 64) String owner,
		@NotNull(message = "is required: say how anyone can check the milestone is reached") @Valid CriterionRequest criterion,
		@Size(max = 10) List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
				message = "tags are lower-case words joined by '-', up to 40 characters") String> tags,
		Object durationDays, Object effortHours, Object assignees) {

	public MilestoneRequest {
		tags = tags == null ? List.of() : tags;
	}

	public record CriterionRequest(@NotNull CriterionKind kind, @NotBlank @Size(max = 1000) String text,
			@Size(max = 64) String approver, ProjectRole role) {
	}

}
