package dev.milepost.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A read-only snapshot of one project's whole plan, for the modules that compute on it
 * (scheduling, plan health). People are given by username.
 */
public record ProjectPlan(UUID projectId, String key, String name, String sponsor, String manager, LocalDate start,
		LocalDate targetFinish, String status, Set<DayOfWeek> workingDays, Set<LocalDate> holidays,
		List<Goal> goals, List<Task> tasks, List<Milestone> milestones, List<Deliverable> deliverables,
		List<Link> links) {

	public record Goal(UUID id, String outcome, String measure) {
	}

	/** A task; dates are null where not set. Estimates in working days, null when not given. */
	public record Task(UUID id, String name, int durationDays, int percentComplete, LocalDate plannedStart,
			LocalDate actualStart, LocalDate actualFinish, Integer optimistic, Integer mostLikely,
			Integer pessimistic, List<String> assignees) {

		public boolean done() {
			return actualFinish != null;
		}

	}

	/** A milestone; {@code criterionKind} is one of the plan's criterion kinds by name. */
	public record Milestone(UUID id, String name, LocalDate targetDate, String owner, String criterionKind,
			String criterionText, String approver, String role, List<String> tags, Instant achievedAt,
			String achievedBy) {

		public boolean achieved() {
			return achievedAt != null;
		}

	}

	public record Deliverable(UUID id, String name, String acceptor, UUID milestoneId, boolean accepted) {
	}

	public record Link(UUID id, UUID predecessor, ActivityKind predecessorKind, UUID successor,
			ActivityKind successorKind, LinkType type, int lagDays) {
	}

}
