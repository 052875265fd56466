package dev.milepost.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.plan.ProjectPlan;

/**
 * On a project over three months the brief's rhythm is a milestone every four to six weeks;
 * “milestones that are too far apart, every quarter on an eighteen-month project, leave long
 * periods where the team has no external accountability marker”. The stretch from the start to
 * the first milestone and from the last one to the target finish count too.
 */
final class MilestoneGaps implements PlanCheck {

	static final String CODE = "MILESTONE_GAP_TOO_LONG";

	/** Over eight weeks: the four-to-six-week rhythm with two weeks to spare. */
	static final int WARNING_OVER_DAYS = 8 * 7;

	/** A quarter (13 weeks) or more: the brief's own example of milestones too far apart. */
	static final int PROBLEM_FROM_DAYS = 13 * 7;

	/** The longest stretch a suggested milestone should leave: the far end of the rhythm. */
	static final int RHYTHM_DAYS = 6 * 7;

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		Timeline timeline = Timeline.of(plan);
		// a plan with no milestone at all is MilestoneCount's finding, not a gap
		if (plan.milestones().isEmpty() || !timeline.isLong()) {
			return List.of();
		}
		List<Finding> findings = new ArrayList<>();
		for (Timeline.Stretch stretch : timeline.stretches()) {
			long days = stretch.days();
			if (days <= WARNING_OVER_DAYS || stretch.behind(today)) {
				continue;
			}
			boolean quarter = days >= PROBLEM_FROM_DAYS;
			findings.add(new Finding(CODE, quarter ? Severity.PROBLEM : Severity.WARNING,
					"No milestone for " + Timeline.span(days) + " between " + stretch.from().describe() + " and "
							+ stretch.to().describe() + (quarter ? ", a quarter or more," : "") + " on this "
							+ timeline.months() + "-month project: the team has no accountability marker in between.",
					fix(stretch), stretch.subjects(plan)));
		}
		return findings;
	}

	/** Suggests enough evenly spaced dates to bring every stretch within six weeks. */
	private static String fix(Timeline.Stretch stretch) {
		long days = stretch.days();
		int needed = (int) ((days + RHYTHM_DAYS - 1) / RHYTHM_DAYS) - 1;
		List<String> dates = new ArrayList<>();
		for (int k = 1; k <= needed; k++) {
			dates.add(stretch.from().date().plusDays(days * k / (needed + 1)).toString());
		}
		return (needed == 1 ? "Add a milestone around " + dates.get(0)
				: "Add " + needed + " milestones, around " + String.join(", ", dates.subList(0, needed - 1)) + " and "
						+ dates.get(needed - 1))
				+ ", each marking something really achieved in this stretch (an approval, an accepted deliverable, "
				+ "a passed test), with an owner and a binary criterion; aim for one every 4 to 6 weeks.";
	}

}
