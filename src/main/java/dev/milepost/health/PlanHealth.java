package dev.milepost.health;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.milepost.plan.ProjectPlan;
import org.springframework.stereotype.Service;

/**
 * Runs every plan-health check on a plan. Findings come worst first, then by code; within a code
 * in the order the check found them (timeline order for the spacing checks).
 */
@Service
public class PlanHealth {

	static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::code);

	private final List<PlanCheck> checks = allChecks();

	static List<PlanCheck> allChecks() {
		return List.of(new MilestoneGaps(), new MilestoneCheckpoints(), new MilestoneCount(),
				new MilestonesWithinProject(), new CheckableCriteria(), new NamedOwners(), new DeactivatedPeople(),
				new FedMilestones(), new GoalsPosingAsMilestones(), new ImportedMilestones());
	}

	/**
	 * What is wrong with the plan as of {@code today}. Stretches of the timeline that are already
	 * behind and milestones already achieved are history, not something a plan can still fix, so
	 * the checks leave them out.
	 */
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		return checks.stream().flatMap(check -> check.check(plan, today).stream()).sorted(ORDER).toList();
	}

}
