package dev.milepost.schedule.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.milepost.schedule.MilestoneFacts;
import dev.milepost.schedule.MilestoneStatusPolicy;
import dev.milepost.schedule.StatusRules;

/**
 * Replays generated projects day by day through the application's own status computation and
 * prints the early-warning scores as markdown. Arguments: projects (1000), seed (17), threads (2).
 * The status's Monte Carlo runs as the application's settings say ({@code milepost.schedule.*}
 * defaults: {@link ScheduleSettings}). See docs/early-warning.md.
 */
public final class EarlyWarningHarness {

	private EarlyWarningHarness() {
	}

	public static void main(String[] args) throws Exception {
		int projects = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		long seed = args.length > 1 ? Long.parseLong(args[1]) : 17;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		// the application's defaults, unless asked otherwise (-Dmilepost.schedule.at-risk-chance=…, …)
		ScheduleSettings settings = new ScheduleSettings(null, null, doubleProperty("at-risk-chance"), null, null,
				doubleProperty("status-shared-spread"), doubleProperty("clear-chance"),
				intProperty("at-risk-after-days"), intProperty("late-at-once-days"));
		long started = System.nanoTime();
		List<Replay.Series> all = replay(projects, seed, threads, settings);
		double seconds = (System.nanoTime() - started) / 1e9;
		int days = all.stream().mapToInt(s -> s.days.size()).sum();
		System.out.printf(Locale.ROOT, "%n%d projects (seed %d), %d milestones, %d open milestone-days, statuses with"
				+ " %d Monte Carlo iterations each, shared slip spread %.2f, at risk below %.2f for %d days or %d wd late, clear at %.2f; %.0f s on %d threads%n%n",
				projects, seed, all.size(), days, settings.statusIterations(), settings.statusSharedSpread(),
				settings.atRiskChance(), settings.atRiskAfterDays(), settings.lateAtOnceDays(), settings.clearChance(),
				seconds, threads);
		System.out.println(report(all));
	}

	private static Integer intProperty(String name) {
		String value = System.getProperty("milepost.schedule." + name);
		return value == null ? null : Integer.valueOf(value);
	}

	private static Double doubleProperty(String name) {
		String value = System.getProperty("milepost.schedule." + name);
		return value == null ? null : Double.valueOf(value);
	}

	/** The rules before issue 17: at risk when the chance is below 0.5, the forecast late, … */
	static final StatusRules PREVIOUS = new StatusRules(14, 3, 0.5);

	/** Other rule sets decided through the policy, each with its memory: {enter below, clear at, days}. */
	static final double[][] TRIED = { { 0.5, 0.6, 5, 10 }, { 0.5, 0.6, 4, 10 }, { 0.5, 0.6, 7, 10 },
			{ 0.5, 0.6, 5, 1000 }, { 0.6, 0.7, 5, 10 }, { 0.45, 0.6, 4, 10 }, { 0.45, 0.6, 5, 10 }, { 0.4, 0.6, 3, 10 },
			{ 0.4, 0.6, 5, 10 }, { 0.4, 0.5, 4, 10 }, { 0.4, 0.7, 4, 10 }, { 0.35, 0.5, 4, 10 }, { 0.3, 0.5, 7, 10 } };

	/** The rules the replay decides through the policy: bit 1 onwards of each day. */
	static List<Replay.Variant> others(ScheduleSettings settings) {
		List<Replay.Variant> others = new ArrayList<>();
		others.add(new Replay.Variant(new MilestoneStatusPolicy(
				new StatusRules(settings.approachingDays(), settings.atRiskSlackDays(), settings.atRiskChance())),
				EarlyWarningHarness::withoutChance));
		others.add(new Replay.Variant(new MilestoneStatusPolicy(PREVIOUS)));
		for (double[] t : TRIED) {
			others.add(new Replay.Variant(
					new MilestoneStatusPolicy(new StatusRules(14, 3, t[0], t[1], (int) t[2], (int) t[3]))));
		}
		return others;
	}

	static MilestoneFacts withoutChance(MilestoneFacts f) {
		return new MilestoneFacts(f.milestone(), f.statusDate(), f.forecast(), f.slackDays(), null, 0, f.feedability(),
				f.drivingWork(), f.drivingNames(), f.lateWork());
	}

	static List<Replay.Series> replay(int projects, long seed, int threads, ScheduleSettings settings)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<Replay.Series>>> runs = new ArrayList<>();
			for (int p = 0; p < projects; p++) {
				int number = p;
				runs.add(pool.submit(() -> new Replay(ReplayProject.generate(seed, number), settings, others(settings))
					.run()));
			}
			List<Replay.Series> all = new ArrayList<>();
			for (Future<List<Replay.Series>> run : runs) {
				all.addAll(run.get());
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static List<Scores.Rule> rules() {
		List<Scores.Rule> rules = new ArrayList<>();
		rules.add(Scores.policy("shipped status (AT_RISK)", 0));
		rules.add(Scores.policy("previous rules, no chance: slack < 3 wd or late work", 1));
		rules.add(Scores.policy("previous rules: chance < 0.5 or forecast late, at once", 2));
		for (int i = 0; i < TRIED.length; i++) {
			double[] t = TRIED[i];
			rules.add(Scores.policy("policy: enter < " + t[0] + " for " + (int) t[2] + " calendar d, leave ≥ " + t[1]
					+ (t[3] < 1000 ? ", forecast ≥ " + (int) t[3] + " wd late at once" : ""), 3 + i));
		}
		rules.add(Scores.daily("forecast after target", d -> d.slack() < 0));
		for (double t : new double[] { 0.2, 0.3, 0.4, 0.5 }) {
			rules.add(Scores.daily("chance < " + t + " or forecast late",
					d -> d.slack() < 0 || (!Double.isNaN(d.chance()) && d.chance() < t)));
		}
		for (double[] h : new double[][] { { 0.2, 0.4, 1 }, { 0.3, 0.5, 1 }, { 0.5, 0.5, 3 }, { 0.5, 0.6, 5 },
				{ 0.3, 0.5, 3 }, { 0.2, 0.4, 5 }, { 0.3, 0.5, 5 }, { 0.2, 0.35, 10 }, { 0.1, 0.3, 5 } }) {
			rules.add(Scores.hysteresis("enter < " + h[0] + " for " + (int) h[2] + " d, leave ≥ " + h[1], h[0], h[1],
					(int) h[2], false));
		}
		for (double[] h : new double[][] { { 0.5, 0.6, 5 }, { 0.5, 0.6, 10 }, { 0.4, 0.6, 5 } }) {
			rules.add(Scores.hysteresis("late at once, enter < " + h[0] + " for " + (int) h[2] + " d, leave ≥ " + h[1],
					h[0], h[1], (int) h[2], true));
		}
		return rules;
	}

	static String report(List<Replay.Series> all) {
		StringBuilder out = new StringBuilder();
		out.append("### Warnings, all projects\n\n").append(Scores.warningTable(rules(), all)).append('\n');
		Scores.Calibration calibration = Scores.calibration(all);
		out.append("### Calibration, all projects\n\n").append(Scores.calibrationTable(calibration)).append('\n');
		out.append("### Reliability of the chance of meeting the target\n\n")
			.append(Scores.reliabilityTable(calibration))
			.append('\n');
		for (ReplayProject.Shape shape : ReplayProject.Shape.values()) {
			List<Replay.Series> some = all.stream().filter(s -> s.shape == shape).toList();
			out.append("### ").append(shape).append(" projects\n\n").append(Scores.warningTable(rules(), some))
				.append('\n').append(Scores.calibrationTable(Scores.calibration(some))).append('\n');
		}
		return out.toString();
	}

}
