package dev.milepost.approval.internal;

import java.time.LocalDate;
import java.util.Optional;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;

/**
 * Which milestones are re-planned through the sponsor: those missed (target passed, not
 * achieved) or at risk (as the schedule last computed it). An achieved milestone's target is on
 * the record; one on track is moved by its manager directly. A rule, as a value: empty when
 * allowed, otherwise the reason it is not.
 */
final class ReplanPolicy {

	private ReplanPolicy() {
	}

	static Optional<String> refusal(ProjectPlan.Milestone milestone, Optional<MilestoneStatus> status,
			LocalDate today) {
		if (milestone.achieved()) {
			return Optional.of("'" + milestone.name() + "' was achieved on " + milestone.achievedAt()
					+ "; its target is on the record and no longer changes.");
		}
		boolean missed = milestone.targetDate().isBefore(today);
		boolean atRisk = status.filter(s -> s == MilestoneStatus.AT_RISK).isPresent();
		if (!missed && !atRisk) {
			return Optional.of("'" + milestone.name() + "' is neither missed nor at risk (target "
					+ milestone.targetDate() + "); only those are re-planned through the sponsor. While it is on "
					+ "track, a manager changes its target directly (PATCH the milestone).");
		}
		return Optional.empty();
	}

}
