package dev.milepost.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.plan.ProjectPlan;

/**
 * “'Reduce invoice processing time by 60 percent' is a goal. 'Finance system go-live' is the
 * milestone on the path to that goal.” Teams that confuse the two “set milestones that are too
 * high-level to generate meaningful progress signals”.
 */
final class GoalsPosingAsMilestones implements PlanCheck {

	static final String CODE = "GOAL_AS_MILESTONE";

	/**
	 * Verbs that open an outcome. “Cut” and “lower” are left out: “Cut-over rehearsal passed” and
	 * “Lower environments ready” are milestones.
	 */
	static final Pattern OUTCOME_VERB = Pattern.compile(
			"^\\s*(reduce|reducing|increase|increasing|improve|improving|decrease|decreasing|raise|grow|boost|halve"
					+ "|double|triple|maximi[sz]e|minimi[sz]e|eliminate|save|accelerate)\\s",
			Pattern.CASE_INSENSITIVE);

	/** A change by an amount: “by 60 %”, “by 30 percent”. */
	static final Pattern CHANGE_BY_PERCENT = Pattern
		.compile("\\bby\\s+\\d+(?:[.,]\\d+)?\\s*(?:%|percent\\b|per cent\\b)", Pattern.CASE_INSENSITIVE);

	static final Pattern PERCENT = Pattern.compile("\\d+(?:[.,]\\d+)?\\s*(?:%|percent\\b|per cent\\b)",
			Pattern.CASE_INSENSITIVE);

	private static final String FIX = "Keep the outcome as a project goal with a measure (e.g. 'Reduce invoice "
			+ "processing time by 60 %', measured as median days from receipt to posting), and name the milestone "
			+ "for the point on the way to it that is either reached or not, e.g. 'Finance system go-live'.";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			if (milestone.achieved()) {
				continue;
			}
			String name = "'" + milestone.name() + "'";
			Optional<ProjectPlan.Goal> goal = plan.goals()
				.stream()
				.filter(g -> normalized(g.outcome()).equals(normalized(milestone.name())))
				.findFirst();
			Matcher verb = OUTCOME_VERB.matcher(milestone.name());
			Matcher change = CHANGE_BY_PERCENT.matcher(milestone.name());
			boolean outcomeVerb = verb.find();
			boolean changeBy = change.find();
			if (goal.isPresent()) {
				findings.add(new Finding(CODE, Severity.WARNING,
						name + " repeats the project's goal: a goal is what the project is for, a milestone a "
								+ "moment on the way to it that is either reached or not.",
						"Keep '" + goal.get().outcome() + "' as the goal and name the milestone for the point on "
								+ "the way to it, e.g. a go-live or an acceptance.",
						List.of(Finding.Subject.milestone(milestone), Finding.Subject.goal(goal.get()))));
			}
			else if (outcomeVerb || changeBy) {
				String why = outcomeVerb ? "it starts with '" + verb.group(1).toLowerCase(Locale.ROOT) + "'"
						: "it names a change '" + change.group().trim() + "'";
				findings.add(new Finding(CODE, Severity.WARNING, name + " reads like an outcome, not a moment ("
						+ why + "): a goal describes what the project is for, a milestone a point on the way that is "
						+ "either reached or not.", FIX, List.of(Finding.Subject.milestone(milestone))));
			}
			else if (PERCENT.matcher(milestone.name()).find()) {
				findings.add(new Finding(CODE, Severity.INFO, name
						+ " names a percentage. That is fine for a threshold reached on a date ('95 % of staff "
						+ "enrolled'); if it is the result the project is for, it is a goal.", FIX,
						List.of(Finding.Subject.milestone(milestone))));
			}
		}
		return findings;
	}

	private static String normalized(String text) {
		return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}%]+", " ").strip();
	}

}
