package dev.milepost.approval.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.approval.ApprovalMode;
import dev.milepost.approval.Decision;
import dev.milepost.approval.SubjectKind;
import dev.milepost.common.SupportedDate;
import dev.milepost.plan.ProjectRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What clients send to the approvals API. */
final class ApprovalBodies {

	private ApprovalBodies() {
	}

	/**
	 * A new request. Without a subject it is a free question; without a mode every approver must
	 * approve ({@code ALL}).
	 */
	record NewApproval(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
			@Valid SubjectBody subject,
			@NotEmpty(message = "must name at least one approver: a person or a project role") @Size(max = 20) List<@NotNull @Valid ApproverBody> approvers,
			ApprovalMode mode, @NotNull @SupportedDate LocalDate dueDate) {
	}

	record SubjectBody(@NotNull SubjectKind kind, UUID id) {
	}

	/** One approver: a person by username, or whoever holds a project role. */
	record ApproverBody(@Size(max = 64) String username, ProjectRole role) {
	}

	/** What a manager may change while a request is pending, as a merge patch sees it. */
	record Changes(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
			@NotNull @SupportedDate LocalDate dueDate) {
	}

	/**
	 * A rejection needs a comment: the reason. Approving a milestone while work upstream of it is
	 * open needs {@code acknowledgeOpenWork: true}: the approver saw that work (listed in the
	 * request's {@code openWork}) and approves anyway.
	 */
	record DecisionBody(@NotNull Decision decision, @Size(max = 4000) String comment, Boolean acknowledgeOpenWork) {
	}

	record DelegationBody(@NotBlank @Size(max = 64) String to, @Size(max = 1000) String note) {
	}

	/** A new target for a missed or at-risk milestone; the sponsor is asked by {@code dueDate} (a week by default). */
	record ReplanBody(@NotNull @SupportedDate LocalDate targetDate,
			@NotBlank(message = "is required: say why the milestone moves") @Size(max = 2000) String reason,
			@SupportedDate LocalDate dueDate) {
	}

}
