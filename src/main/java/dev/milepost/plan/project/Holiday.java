package dev.milepost.plan.project;

import java.time.LocalDate;

import dev.milepost.common.SupportedDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A day off in a calendar, with the name people know it by. */
public record Holiday(@NotNull @SupportedDate LocalDate date, @NotBlank @Size(max = 100) String name) {
}
