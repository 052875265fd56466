package dev.milepost.schedule.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;
import org.springframework.stereotype.Service;

/**
 * Each milestone's status as the recompute last stored it (status, forecast, slack, reasons and
 * the Monte Carlo figures it weighed), beside the driving path of the schedule as computed now:
 * what the pages, the status report and {@code GET …/milestone-status} read, so a request does not
 * run the status's Monte Carlo simulation (issue 16). While a recompute waits, the stored statuses
 * miss the changes since it was asked for, and the readers say since when
 * ({@code statusesStaleSince}).
 *
 * <p>A milestone with nothing stored yet (created a moment ago, its recompute not yet served)
 * has no status to read: then the statuses are computed as the recompute would, once.
 */
@Service
class StoredEvaluations {

	private final MilestoneStatuses statuses;

	private final Schedules schedules;

	StoredEvaluations(MilestoneStatuses statuses, Schedules schedules) {
		this.statuses = statuses;
		this.schedules = schedules;
	}

	/** Every milestone of the computed plan, in the plan's order, as stored (see the type's comment). */
	List<MilestoneEvaluation> of(Schedules.Computed computed) {
		var mapping = computed.mapping();
		ProjectPlan plan = mapping.plan();
		Map<UUID, MilestoneStatuses.StoredStatus> stored = statuses.storedOf(plan.projectId());
		if (!plan.milestones().stream().allMatch(m -> stored.containsKey(m.id()))) {
			return schedules.evaluate(computed);
		}
		int tasks = plan.tasks().size();
		List<MilestoneEvaluation> evaluations = new ArrayList<>(plan.milestones().size());
		for (int m = 0; m < plan.milestones().size(); m++) {
			ProjectPlan.Milestone milestone = plan.milestones().get(m);
			MilestoneStatuses.StoredStatus status = stored.get(milestone.id());
			List<UUID> path = computed.schedule().drivingPath(tasks + m).stream().map(mapping::idOf).toList();
			evaluations.add(new MilestoneEvaluation(milestone.id(), milestone.name(), milestone.targetDate(),
					status.forecast(), status.slackDays(), status.status(), status.reasons(), path, status.risk(),
					null)); // shown, not decided again: what the status remembers stays with StatusMemories
		}
		return evaluations;
	}

}
