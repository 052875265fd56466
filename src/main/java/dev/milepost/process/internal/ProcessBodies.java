package dev.milepost.process.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.common.SupportedDate;
import dev.milepost.plan.ProjectRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What clients send to the processes API and what it answers. */
final class ProcessBodies {

	private ProcessBodies() {
	}

	enum StepKind {
		TASK, APPROVAL
	}

	/** How the closing milestone is reached. */
	enum ClosingCriterion {
		/** Every task that feeds it is done. */
		ALL_FEEDING_TASKS_DONE,
		/** Someone holding {@code role} approves it (the process's approval step asking that role). */
		APPROVAL_BY_ROLE
	}

	/**
	 * One step: a task (duration, owning role) or an approval (approver roles, due
	 * {@code dueDays} working days after the process start), starting {@code startOffset} working
	 * days after the process start, after the steps named in {@code after}.
	 */
	record Step(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
			message = "step keys are lower-case words joined by '-', up to 40 characters") String key,
			@NotBlank @Size(max = 200) String name, @NotNull StepKind kind, @Min(1) @Max(3650) Integer durationDays,
			ProjectRole owner, @Size(max = 10) List<@NotNull ProjectRole> approvers, @Min(0) @Max(3650) Integer dueDays,
			@Min(0) @Max(3650) int startOffset, @Size(max = 50) List<@NotBlank String> after) {

		Step {
			approvers = approvers == null ? List.of() : List.copyOf(approvers);
			after = after == null ? List.of() : List.copyOf(after);
		}

	}

	record Closing(@NotBlank @Size(max = 200) String name, @NotNull ProjectRole owner,
			@NotNull ClosingCriterion criterion, ProjectRole role) {
	}

	/** A template as a manager defines it. */
	record Template(@NotBlank @Size(max = 200) String name, @Size(max = 4000) String description,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid Step> steps, @NotNull @Valid Closing milestone) {
	}

	/** A template as read: built-ins have their key as id and no project. */
	record TemplateView(String id, String project, boolean builtIn, String name, String description, List<Step> steps,
			Closing milestone) {
	}

	/** Starting a process: a template by id or built-in key, the start date, and a name (the template's by default). */
	record Start(@NotBlank @Size(max = 64) String template, @NotNull @SupportedDate LocalDate start,
			@Size(max = 200) String name) {
	}

	enum ProcessStatus {
		RUNNING, COMPLETED
	}

	/**
	 * One step of a started process: the task or approval request it created ({@code id}) and its
	 * state (NOT_STARTED, IN_PROGRESS, DONE for a task; WAITING while an approval waits for the
	 * steps it follows, then PENDING, APPROVED, REJECTED; REMOVED if deleted since).
	 */
	record StepView(String key, String name, StepKind kind, UUID id, String state, LocalDate plannedStart,
			LocalDate dueDate, List<String> after) {
	}

	record MilestoneView(UUID id, String name, LocalDate targetDate, boolean achieved, Instant achievedAt) {
	}

	record ProcessView(UUID id, String project, String name, String template, String templateName, LocalDate start,
			ProcessStatus status, List<StepView> steps, MilestoneView milestone, String startedBy, Instant startedAt) {
	}

}
