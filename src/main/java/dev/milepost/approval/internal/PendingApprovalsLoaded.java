package dev.milepost.approval.internal;

import dev.milepost.approval.ApprovalRequests;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectHistoryLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the approvals a project loaded with its past (the demo portfolio) had asked for and not
 * yet decided, each by the manager who asked, under the rules a manager asking now meets; in the
 * transaction that loaded the project, so its approvers find them in their inbox.
 */
@Component
class PendingApprovalsLoaded {

	private final ApprovalRequests requests;

	private final ProjectAccess access;

	private final CurrentUsers currentUsers;

	PendingApprovalsLoaded(ApprovalRequests requests, ProjectAccess access, CurrentUsers currentUsers) {
		this.requests = requests;
		this.access = access;
		this.currentUsers = currentUsers;
	}

	@EventListener
	void on(ProjectHistoryLoaded loaded) {
		for (ProjectHistoryLoaded.PendingApproval pending : loaded.pendingApprovals()) {
			currentUsers.runAs(pending.askedBy(), () -> requests.askForMilestoneApproval(
					access.manage(loaded.projectKey()), pending.milestoneId(), null, pending.due()));
		}
	}

}
