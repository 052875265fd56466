package dev.milepost.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.milepost.plan.ProjectPlan;

/**
 * A project's span and the milestones inside it in date order, as the spacing checks see it. The
 * project start and target finish are points too, so the stretch before the first milestone and
 * after the last one count.
 */
record Timeline(ProjectPlan plan, List<Point> points) {

	/** The brief scopes its spacing advice to “projects spanning more than three months”. */
	static final int LONG_PROJECT_MONTHS = 3;

	static Timeline of(ProjectPlan plan) {
		List<Point> points = new ArrayList<>();
		points.add(new Point(plan.start(), null, "the project start"));
		plan.milestones()
			.stream()
			.filter(m -> !m.targetDate().isBefore(plan.start()) && !m.targetDate().isAfter(plan.targetFinish()))
			.sorted(Comparator.comparing(ProjectPlan.Milestone::targetDate).thenComparing(ProjectPlan.Milestone::name))
			.forEach(m -> points.add(new Point(m.targetDate(), m, "'" + m.name() + "'")));
		points.add(new Point(plan.targetFinish(), null, "the target finish"));
		return new Timeline(plan, List.copyOf(points));
	}

	boolean isLong() {
		return plan.start().plusMonths(LONG_PROJECT_MONTHS).isBefore(plan.targetFinish());
	}

	long days() {
		return ChronoUnit.DAYS.between(plan.start(), plan.targetFinish());
	}

	/** The project's length in whole months, for messages. */
	long months() {
		return Math.round(days() / (365.25 / 12));
	}

	/** Consecutive points: start to first milestone, milestone to milestone, last milestone to finish. */
	List<Stretch> stretches() {
		List<Stretch> stretches = new ArrayList<>();
		for (int i = 1; i < points.size(); i++) {
			stretches.add(new Stretch(points.get(i - 1), points.get(i)));
		}
		return stretches;
	}

	/** A project start, target finish or milestone on the timeline. */
	record Point(LocalDate date, ProjectPlan.Milestone milestone, String label) {

		String describe() {
			return label + " (" + date + ")";
		}

		Finding.Subject subject(ProjectPlan plan) {
			return milestone == null ? Finding.Subject.project(plan) : Finding.Subject.milestone(milestone);
		}

	}

	record Stretch(Point from, Point to) {

		long days() {
			return ChronoUnit.DAYS.between(from.date(), to.date());
		}

		/** A stretch that ended before today is history: re-planning cannot change it. */
		boolean behind(LocalDate today) {
			return to.date().isBefore(today);
		}

		List<Finding.Subject> subjects(ProjectPlan plan) {
			Finding.Subject a = from.subject(plan);
			Finding.Subject b = to.subject(plan);
			return a.equals(b) ? List.of(a) : List.of(a, b);
		}

	}

	/** “9 weeks”, “9 weeks and 2 days”, “5 days”. */
	static String span(long days) {
		long weeks = days / 7;
		long rest = days % 7;
		String w = weeks == 1 ? "1 week" : weeks + " weeks";
		String d = rest == 1 ? "1 day" : rest + " days";
		return weeks == 0 ? d : rest == 0 ? w : w + " and " + d;
	}

}
