package dev.milepost.health;

import java.time.LocalDate;
import java.util.List;

import dev.milepost.plan.PlanImporting;
import dev.milepost.plan.ProjectPlan;

/**
 * A milestone imported from a plan file got what the file could not say made up for it: the
 * importing manager as owner, the owner's confirmation as criterion, a target taken from the file's
 * deadline or dates. Until someone has reviewed those (and removed the tag), it is listed.
 */
final class ImportedMilestones implements PlanCheck {

	static final String CODE = "IMPORTED_MILESTONE_TO_REVIEW";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		return plan.milestones()
			.stream()
			.filter(m -> !m.achieved() && m.tags().contains(PlanImporting.IMPORTED_TAG))
			.map(m -> new Finding(CODE, Severity.INFO,
					"'" + m.name() + "' (" + m.targetDate() + ") was imported from a plan file: its owner, its "
							+ "criterion (the owner's confirmation) and its target were filled in by the import.",
					"Check who owns '" + m.name() + "', how anyone can tell it is reached and whether its target is "
							+ "right (its description says where the target came from), then remove the tag '"
							+ PlanImporting.IMPORTED_TAG + "'.",
					List.of(Finding.Subject.milestone(m))))
			.toList();
	}

}
