package dev.milepost.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project was loaded together with the progress it made before today (the demo portfolio), so
 * modules that keep a history of it can rebuild theirs from its start (the forecast trend) and
 * open what was left pending (approvals asked for and not yet decided). Published inside the
 * transaction that loaded it.
 */
public record ProjectHistoryLoaded(String projectKey, List<PendingApproval> pendingApprovals) {

	public ProjectHistoryLoaded {
		pendingApprovals = List.copyOf(pendingApprovals);
	}

	/** A manager ({@code askedBy}) asked for an approval-criterion milestone's approval, due on {@code due}. */
	public record PendingApproval(UUID milestoneId, String askedBy, LocalDate due) {
	}

}
