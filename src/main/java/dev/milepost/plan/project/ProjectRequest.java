package dev.milepost.plan.project;

import java.time.LocalDate;

import dev.milepost.common.SupportedDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A project as a client creates it, and the fields a merge patch may change (all but the key). */
public record ProjectRequest(@NotBlank @Size(max = 10) String key, @NotBlank @Size(max = 200) String name,
		@Size(max = 4000) String description, @NotBlank @Size(max = 64) String sponsor,
		@NotBlank @Size(max = 64) String manager, @NotNull @SupportedDate LocalDate start,
		@NotNull @SupportedDate LocalDate targetFinish,
		ProjectStatus status, @Valid CalendarSettings calendar, @Size(max = 64) String timeZone) {
}
