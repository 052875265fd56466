package dev.milepost.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.ProjectContext;
import dev.milepost.plan.ProjectRole;

/**
 * Opening approval requests from other modules (processes) under the same rules as the API, and
 * reading where they stand. The caller checks who may open them.
 */
public interface ApprovalRequests {

	/**
	 * A request to whoever holds each role, about a milestone (approving it achieves the milestone
	 * when its criterion is this approval) or about nothing. It follows the tasks and requests
	 * named in {@code afterTasks} and {@code afterApprovals}: nobody decides it before every one of
	 * those tasks is done and every one of those requests approved.
	 */
	record NewRequest(String title, String description, UUID milestoneId, ApprovalMode mode, LocalDate dueDate,
			List<ProjectRole> approverRoles, List<UUID> afterTasks, List<UUID> afterApprovals) {

		public NewRequest {
			approverRoles = List.copyOf(approverRoles);
			afterTasks = afterTasks == null ? List.of() : List.copyOf(afterTasks);
			afterApprovals = afterApprovals == null ? List.of() : List.copyOf(afterApprovals);
		}

		/** A request that may be decided at once. */
		public NewRequest(String title, String description, UUID milestoneId, ApprovalMode mode, LocalDate dueDate,
				List<ProjectRole> approverRoles) {
			this(title, description, milestoneId, mode, dueDate, approverRoles, List.of(), List.of());
		}

	}

	/** Opens the request; refused (422) with the reason like the API would refuse it. */
	UUID open(ProjectContext context, NewRequest request);

	/**
	 * Opens the request to named people (by username, in this order) and then to whoever holds
	 * each of the request's roles (automation's {@code request-approval} to a sponsor or owner).
	 */
	UUID open(ProjectContext context, NewRequest request, List<String> approverUsernames);

	/**
	 * A pending request due in a window, with the people who can decide it now: named approvers,
	 * delegates, and for a role whoever holds it (given as {@code role:NAME}); nobody while it waits
	 * for the steps it follows.
	 */
	record Due(String projectKey, UUID requestId, long number, String title, LocalDate dueDate,
			List<String> deciders) {
	}

	/** Pending requests of running projects due on a day between {@code from} and {@code to}, inclusive. */
	List<Due> dueBetween(LocalDate from, LocalDate to);

	/** The project's pending requests, soonest due first, with who can decide each now (as {@link #dueBetween}). */
	List<Due> pending(ProjectContext context);

	/** The status of each of the project's requests named, by id; requests that no longer exist are left out. */
	Map<UUID, ApprovalStatus> statuses(ProjectContext context, List<UUID> ids);

	/** Which of the project's requests named are pending and wait for steps they follow that are not done yet. */
	Set<UUID> waiting(ProjectContext context, List<UUID> ids);

	/**
	 * A request about a milestone or deliverable, as that subject's page shows it; {@code turns}
	 * reads each approver's part, e.g. {@code alice: approved} or {@code role approver: waiting}.
	 */
	record Summary(UUID id, long number, String title, ApprovalStatus status, LocalDate dueDate, boolean overdue,
			List<String> turns) {
	}

	/** The project's requests about the milestone or deliverable, in the order of the approvals inbox. */
	List<Summary> about(ProjectContext context, UUID subjectId);

	/**
	 * Opens a request about the milestone to whoever its criterion names (the approver or the
	 * role), due on the day given: what a manager does to have an approval-criterion milestone
	 * decided. Refused (422) like the API when the milestone is not reached by approval, is
	 * achieved, or the request is otherwise invalid; managers only (403).
	 */
	UUID askForMilestoneApproval(ProjectContext context, UUID milestoneId, String title, LocalDate dueDate);

}
