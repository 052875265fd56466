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
