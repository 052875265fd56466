package dev.milepost.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;

/**
 * Everything a milestone's status is decided from, gathered once from the plan scheduled as of a
 * status date, so that the status, the figures shown beside it and the reasons cannot tell
 * different stories. {@link MilestoneStatusPolicy} decides on these facts alone.
 *
 * @param milestone the milestone as planned (target, criterion, achievement)
 * @param statusDate the day progress counts up to
 * @param forecast the day it is forecast to be reached, never before the status date while open
 * @param slackDays working days from the forecast to the end of the target day (negative: late)
 * @param chance the share (0–1) of simulated runs that reach it by its target; null where not
 * known (no work feeds it, or the plan's estimates cannot be simulated)
 * @param runs the simulated runs behind {@code chance}, 0 when it is not known
 * @param feedability whether work feeds it and whether it can be achieved at all
 * @param drivingWork the tasks and milestones that set its date, first to last, without itself
 * @param drivingNames their names, in the same order
 * @param lateWork what is late on its driving path: a task that should have started, a task
 * forecast after its planned finish, an activity pushed past the latest baseline
 */
public record MilestoneFacts(ProjectPlan.Milestone milestone, LocalDate statusDate, LocalDate forecast,
		Integer slackDays, Double chance, int runs, Feedability feedability, List<UUID> drivingWork,
		List<String> drivingNames, List<Reason> lateWork) {

	public MilestoneFacts {
		drivingWork = List.copyOf(drivingWork);
		drivingNames = List.copyOf(drivingNames);
		lateWork = List.copyOf(lateWork);
	}

}
