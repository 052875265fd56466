package dev.milepost.web;

import java.util.List;
import java.util.Locale;

import dev.milepost.common.Sentences;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.Reason;

/** How the pages put computed things into words. */
final class Words {

	private Words() {
	}

	/**
	 * How far the chance of meeting the target shown beside a status can be trusted, as measured
	 * by the early-warning replay (docs/early-warning.md, "Calibration"): the one wording every page
	 * shows as the chance's help text (fragments/chance.html). Keep it true to the doc's figures.
	 */
	static final String CHANCE_CALIBRATION = "Chance of meeting the target: the share of the seeded Monte Carlo "
			+ "runs the status weighs that reach the milestone by its target. Calibration, replaying 1,000 generated "
			+ "projects day by day (docs/early-warning.md): Brier score 0.136, against 0.237 for always saying "
			+ "the base rate (lower is better); where it showed 80–90 %, 79.1 % of milestones were met, where it "
			+ "showed 30–40 %, 30.3 %; between 50 and 80 % it is about 8 to 10 points too hopeful.";

	static String status(MilestoneStatus status) {
		return switch (status) {
			case ACHIEVED -> "Achieved";
			case ON_TRACK -> "On track";
			case APPROACHING -> "Approaching";
			case AT_RISK -> "At risk";
			case MISSED -> "Missed";
		};
	}

	/** The status and its reasons on one line, for a tooltip; each reason is a sentence of its own. */
	static String tooltip(String name, MilestoneStatus status, List<Reason> reasons) {
		String why = Sentences.join(reasons.stream().map(Reason::message).toList());
		return name + ": " + status(status).toLowerCase(Locale.ROOT) + (why.isEmpty() ? "" : " — " + why);
	}

	/** Working days of slack in words: to spare, or late. */
	static String slack(int days) {
		int n = Math.abs(days);
		return n + " working day" + (n == 1 ? "" : "s") + (days >= 0 ? " to spare" : " late");
	}

	/** A name cut to fit a chart's label column; the chart's tooltip carries the whole name. */
	static String fit(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
	}

}
