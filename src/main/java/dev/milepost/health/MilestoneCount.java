package dev.milepost.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.milepost.plan.ProjectPlan;

/**
 * “The most common mistake in milestone planning is either too many milestones (which creates
 * noise) or too few (which removes the visibility that makes them useful).” The guideline is one
 * every four to six weeks on projects over three months; a project with none has “only the
 * destination on the map”.
 */
final class MilestoneCount implements PlanCheck {

	static final String NONE = "NO_MILESTONES";

	static final String TOO_FEW = "TOO_FEW_MILESTONES";

	static final String TOO_MANY = "TOO_MANY_MILESTONES";

	/** Fewer than one milestone per eight weeks on average is too few. */
	static final int FEWEST_WEEKS_APART = 8;

	/** More than two a month on average is noise. */
	static final double MOST_PER_MONTH = 2;

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		Timeline timeline = Timeline.of(plan);
		int count = plan.milestones().size();
		double weeks = timeline.days() / 7.0;
		double months = timeline.days() / (365.25 / 12);
		if (count == 0) {
			return List.of(new Finding(NONE, timeline.isLong() ? Severity.PROBLEM : Severity.WARNING,
					"'" + plan.name() + "' has no milestone: for its " + Timeline.span(timeline.days())
							+ " nothing tells the team where it stands or the stakeholders whether it is on track.",
					"Add milestones for the phase completions, approvals and go-live on the way to the target finish, "
							+ "each with an owner and a binary criterion" + (timeline.isLong() ? "; " + rhythm(weeks) : "")
							+ ".",
					List.of(Finding.Subject.project(plan))));
		}
		if (!timeline.isLong()) {
			return List.of();
		}
		if (count < weeks / FEWEST_WEEKS_APART) {
			return List.of(new Finding(TOO_FEW, Severity.WARNING,
					count + (count == 1 ? " milestone" : " milestones") + " on this " + timeline.months()
							+ "-month project: one every " + Math.round(weeks / count)
							+ " weeks on average, fewer than one every " + FEWEST_WEEKS_APART
							+ " weeks, so long stretches go without visibility.",
					"Add milestones for the phase completions, approvals and go-live in the longest stretches; "
							+ rhythm(weeks) + ".",
					List.of(Finding.Subject.project(plan))));
		}
		if (count > MOST_PER_MONTH * months) {
			return List.of(new Finding(TOO_MANY, Severity.WARNING,
					count + " milestones on this " + timeline.months() + "-month project: "
							+ String.format(Locale.ROOT, "%.1f", count / months) + " a month, more than "
							+ (int) MOST_PER_MONTH + ", which makes noise rather than visibility.",
					"Keep as milestones the phase completions, approvals and go-live events and turn the rest into "
							+ "tasks feeding them; " + rhythm(weeks) + ".",
					List.of(Finding.Subject.project(plan))));
		}
		return List.of();
	}

	/** The brief's rhythm, one every four to six weeks, as a number for this project. */
	private static String rhythm(double weeks) {
		long fewest = Math.max(1, Math.round(weeks / 6));
		long most = Math.max(fewest, Math.round(weeks / 4));
		return "one every 4 to 6 weeks means about " + (fewest == most ? fewest : fewest + " to " + most)
				+ " for this project";
	}

}
