package dev.milepost.schedule.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The early-warning scores of a replay, per warning rule: recall (missed milestones flagged at
 * least {@link #AHEAD} working days before their target), lead, false alarms (flagged, then met
 * without a re-plan) as a share of the milestones flagged, and the calibration of the P50 / P80 /
 * P95 dates and of the chance of meeting the target (reliability, Brier score).
 */
final class Scores {

	static final int AHEAD = 10;

	/** A warning rule: which days of a milestone's story it flags. */
	interface Rule {

		String name();

		boolean[] flags(Replay.Series series);

	}

	/** A rule that the replay decided through the policy itself: bit {@code bit} of each day. */
	static Rule policy(String name, int bit) {
		return rule(name, series -> {
			boolean[] flags = new boolean[series.days.size()];
			for (int i = 0; i < flags.length; i++) {
				flags[i] = (series.days.get(i).atRisk() & (1 << bit)) != 0;
			}
			return flags;
		});
	}

	/** Flags a day by what that day's facts alone say. */
	static Rule daily(String name, Predicate<Replay.Day> flagged) {
		return rule(name, series -> {
			boolean[] flags = new boolean[series.days.size()];
			for (int i = 0; i < flags.length; i++) {
				flags[i] = flagged.test(series.days.get(i));
			}
			return flags;
		});
	}

	/**
	 * Hysteresis: at risk once the chance has been below {@code enter} (or the forecast after the
	 * target) on {@code days} status days in a row, and so until the chance is back to {@code leave}
	 * or more with the forecast in time; with {@code lateAtOnce}, a forecast after the target flags
	 * at once instead, as the previous rules did, and only the chance waits.
	 */
	static Rule hysteresis(String name, double enter, double leave, int days, boolean lateAtOnce) {
		return rule(name, series -> {
			boolean[] flags = new boolean[series.days.size()];
			boolean on = false;
			int below = 0;
			for (int i = 0; i < flags.length; i++) {
				Replay.Day day = series.days.get(i);
				boolean late = day.slack() < 0;
				double chance = Double.isNaN(day.chance()) ? (late ? 0 : 1) : day.chance();
				below = chance < enter || (late && !lateAtOnce) ? below + 1 : 0;
				on = lateAtOnce ? late || (on ? chance < leave : below >= days)
						: (on ? chance < leave || late : below >= days);
				flags[i] = on;
			}
			return flags;
		});
	}

	static Rule rule(String name, java.util.function.Function<Replay.Series, boolean[]> flags) {
		return new Rule() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean[] flags(Replay.Series series) {
				return flags.apply(series);
			}

		};
	}

	/** How one rule did on a set of milestones. */
	record Warning(String rule, int milestones, int missed, int flaggedAhead, double meanLead, double medianLead,
			int flagged, int falseAlarms, int stillFlaggedMet, int raised) {

		/** How often a flagged milestone's flag went up, on average: 1 is no flicker. */
		double raisedPerFlagged() {
			return flagged == 0 ? Double.NaN : (double) raised / flagged;
		}

		double recall() {
			return missed == 0 ? Double.NaN : (double) flaggedAhead / missed;
		}

		double falseAlarmShare() {
			return flagged == 0 ? Double.NaN : (double) falseAlarms / flagged;
		}

	}

	static Warning warning(Rule rule, List<Replay.Series> all) {
		int missed = 0;
		int ahead = 0;
		int flagged = 0;
		int falseAlarms = 0;
		int still = 0;
		int raised = 0;
		List<Integer> leads = new ArrayList<>();
		for (Replay.Series series : all) {
			boolean[] flags = rule.flags(series);
			int firstLead = -1;
			boolean early = false;
			boolean lastFlag = false;
			for (int i = 0; i < flags.length; i++) {
				Replay.Day day = series.days.get(i);
				if (day.day() >= day.target()) {
					break; // from the target on it is missed, not warned of
				}
				if (flags[i] && !lastFlag) {
					raised++;
				}
				lastFlag = flags[i];
				if (flags[i]) {
					int lead = day.target() - day.day();
					if (firstLead < 0) {
						firstLead = lead;
					}
					early |= lead >= AHEAD;
				}
			}
			boolean ever = firstLead >= 0;
			if (ever) {
				flagged++;
			}
			if (!series.met()) {
				missed++;
				if (early) {
					ahead++;
				}
				if (ever) {
					leads.add(firstLead);
				}
			}
			else if (ever && !series.replanned) {
				falseAlarms++;
				if (lastFlag) {
					still++;
				}
			}
		}
		int[] sorted = leads.stream().mapToInt(Integer::intValue).sorted().toArray();
		double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
		double median = sorted.length == 0 ? Double.NaN
				: sorted.length % 2 == 1 ? sorted[sorted.length / 2]
						: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
		return new Warning(rule.name(), all.size(), missed, ahead, mean, median, flagged, falseAlarms, still, raised);
	}

	/** Calibration over every open day before the target: shares reached by P50 / P80 / P95, Brier score. */
	record Calibration(long days, double byP50, double byP80, double byP95, double brier, double baseRateBrier,
			long[] binCount, double[] binPredicted, double[] binObserved) {
	}

	static Calibration calibration(List<Replay.Series> all) {
		long days = 0;
		long known = 0;
		long p50 = 0;
		long p80 = 0;
		long p95 = 0;
		double brier = 0;
		long met = 0;
		long[] count = new long[10];
		double[] predicted = new double[10];
		double[] observed = new double[10];
		for (Replay.Series series : all) {
			for (Replay.Day day : series.days) {
				if (day.day() >= day.target() || Double.isNaN(day.chance())) {
					continue;
				}
				days++;
				boolean inTime = series.trueReach <= day.target();
				if (day.p80() >= 0) {
					known++;
					p50 += series.trueReach <= day.p50() ? 1 : 0;
					p80 += series.trueReach <= day.p80() ? 1 : 0;
					p95 += series.trueReach <= day.p95() ? 1 : 0;
				}
				double outcome = inTime ? 1 : 0;
				brier += (day.chance() - outcome) * (day.chance() - outcome);
				met += inTime ? 1 : 0;
				int bin = Math.min(9, (int) (day.chance() * 10));
				count[bin]++;
				predicted[bin] += day.chance();
				observed[bin] += outcome;
			}
		}
		double base = days == 0 ? Double.NaN : (double) met / days;
		for (int b = 0; b < 10; b++) {
			predicted[b] = count[b] == 0 ? Double.NaN : predicted[b] / count[b];
			observed[b] = count[b] == 0 ? Double.NaN : observed[b] / count[b];
		}
		return new Calibration(days, (double) p50 / known, (double) p80 / known, (double) p95 / known, brier / days,
				base * (1 - base), count, predicted, observed);
	}

	static String percent(double share) {
		return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
	}

	static String number(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
	}

	static String warningTable(List<Rule> rules, List<Replay.Series> all) {
		StringBuilder out = new StringBuilder();
		out.append("| rule | missed flagged ≥ ").append(AHEAD)
			.append(" wd ahead | mean / median lead (wd) | false alarms (share of flagged) | met and still flagged at the target | flagged | raised per flagged |\n");
		out.append("|---|---|---|---|---|---|---|\n");
		for (Rule rule : rules) {
			Warning w = warning(rule, all);
			out.append("| ").append(w.rule()).append(" | ").append(percent(w.recall())).append(" (")
				.append(w.flaggedAhead()).append(" of ").append(w.missed()).append(") | ").append(number(w.meanLead()))
				.append(" / ").append(number(w.medianLead())).append(" | ").append(percent(w.falseAlarmShare()))
				.append(" (").append(w.falseAlarms()).append(") | ").append(w.stillFlaggedMet()).append(" | ")
				.append(w.flagged()).append(" of ").append(w.milestones()).append(" | ").append(number(w.raisedPerFlagged()))
				.append(" |\n");
		}
		return out.toString();
	}

	static String calibrationTable(Calibration c) {
		StringBuilder out = new StringBuilder();
		out.append("| open milestone-days | reached by P50 | by P80 | by P95 | Brier (chance) | Brier (base rate) |\n");
		out.append("|---|---|---|---|---|---|\n");
		out.append("| ").append(c.days()).append(" | ").append(percent(c.byP50())).append(" | ").append(percent(c.byP80()))
			.append(" | ").append(percent(c.byP95())).append(" | ")
			.append(String.format(Locale.ROOT, "%.3f", c.brier())).append(" | ")
			.append(String.format(Locale.ROOT, "%.3f", c.baseRateBrier())).append(" |\n");
		return out.toString();
	}

	static String reliabilityTable(Calibration c) {
		StringBuilder out = new StringBuilder();
		out.append("| chance shown | milestone-days | mean chance | share met |\n|---|---|---|---|\n");
		for (int b = 0; b < 10; b++) {
			out.append("| ").append(b * 10).append("–").append(b * 10 + 10).append(" % | ").append(c.binCount()[b])
				.append(" | ").append(percent(c.binPredicted()[b])).append(" | ").append(percent(c.binObserved()[b]))
				.append(" |\n");
		}
		return out.toString();
	}

}
