package dev.milepost.schedule.engine;

/**
 * The durations of one simulation, prepared once: what stays fixed (milestones, finished work,
 * estimates without spread) is written into template arrays a worker copies once; what varies is
 * listed with its distribution's shape precomputed, so a draw is a loop over primitive arrays.
 * Not-started work draws its duration; work under way draws a duration too and keeps the same
 * share of it still to do as planned, so only its remaining days vary.
 */
final class DurationSampler {

	private final Distribution distribution;

	// for every activity: the days used when it does not vary, and its remaining days (-1: none)
	private final int[] durations;

	private final int[] remaining;

	private final int count;

	// entries [0, planned) draw a duration, [planned, count) are under way and draw the remaining days too
	private final int planned;

	private final int[] activity;

	private final double[] low;

	private final double[] span;

	// TRIANGULAR: where the peak lies, as a share of the span
	private final double[] mode;

	// PERT: the gamma shapes α and β as Marsaglia–Tsang's d and c
	private final double[] alphaD;

	private final double[] alphaC;

	private final double[] betaD;

	private final double[] betaC;

	// under way: remaining days per day of the planned duration
	private final double[] remainingShare;

	// the slip shared by an iteration's work: exp(shift + spread × Z); none when both are 0
	private final boolean shared;

	private final double sharedShift;

	private final double sharedSpread;

	DurationSampler(Network network, Scenario base, Estimates estimates, Distribution distribution) {
		this.distribution = distribution;
		this.shared = estimates.hasSharedSlip();
		this.sharedShift = estimates.sharedShift();
		this.sharedSpread = estimates.sharedSpread();
		int size = network.size;
		this.durations = Scheduler.durations(network, base).clone();
		this.remaining = base.remaining == null ? null : base.remaining.clone();
		int[] plannedList = new int[size];
		int[] underWayList = new int[size];
		int plannedCount = 0;
		int underWayCount = 0;
		for (int i = 0; i < size; i++) {
			if (network.milestone[i] || isDone(base, i)) {
				continue;
			}
			int days = durations[i];
			double o = estimates.optimistic(i, days);
			double m = estimates.mostLikely(i, days);
			double p = estimates.pessimistic(i, days);
			boolean underWay = isUnderWay(base, i);
			if (o == p) {
				// no spread: fixed, at the estimate's days
				durations[i] = round(m);
				if (underWay && days > 0) {
					remaining[i] = round(remaining[i] * (m / days));
				}
			}
			else if (underWay) {
				underWayList[underWayCount++] = i;
			}
			else {
				plannedList[plannedCount++] = i;
			}
		}
		this.planned = plannedCount;
		this.count = plannedCount + underWayCount;
		this.activity = new int[count];
		System.arraycopy(plannedList, 0, activity, 0, plannedCount);
		System.arraycopy(underWayList, 0, activity, plannedCount, underWayCount);
		this.low = new double[count];
		this.span = new double[count];
		this.mode = new double[count];
		this.alphaD = new double[count];
		this.alphaC = new double[count];
		this.betaD = new double[count];
		this.betaC = new double[count];
		this.remainingShare = new double[count];
		for (int e = 0; e < count; e++) {
			prepare(e, estimates, base);
		}
	}

	private void prepare(int e, Estimates estimates, Scenario base) {
		int i = activity[e];
		int days = durations[i];
		double o = estimates.optimistic(i, days);
		double m = estimates.mostLikely(i, days);
		double p = estimates.pessimistic(i, days);
		low[e] = o;
		span[e] = p - o;
		mode[e] = (m - o) / (p - o);
		double alpha = 1 + 4 * mode[e];
		double beta = 1 + 4 * (1 - mode[e]);
		alphaD[e] = Distribution.shapeD(alpha);
		alphaC[e] = Distribution.shapeC(alpha);
		betaD[e] = Distribution.shapeD(beta);
		betaC[e] = Distribution.shapeC(beta);
		if (e >= planned) {
			// work under way with no planned days keeps its remaining days as they are
			remainingShare[e] = days > 0 ? (double) base.remaining[i] / days : Double.NaN;
		}
	}

	/** The durations of activities that do not vary, and the rest at their planned days. */
	int[] durationTemplate() {
		return durations.clone();
	}

	/** The remaining days of work under way, those that vary at their planned days; null if none. */
	int[] remainingTemplate() {
		return remaining == null ? null : remaining.clone();
	}

	/** Draws this iteration's durations and remaining days into the worker's arrays. */
	void draw(SplitMix64 random, int[] durationsOut, int[] remainingOut) {
		double factor = shared ? Math.exp(sharedShift + sharedSpread * random.nextGaussian()) : 1;
		if (distribution == Distribution.PERT) {
			for (int e = 0; e < count; e++) {
				double x = low[e] + span[e] * Distribution.beta(alphaD[e], alphaC[e], betaD[e], betaC[e], random);
				store(e, x * factor, durationsOut, remainingOut);
			}
		}
		else {
			for (int e = 0; e < count; e++) {
				double x = low[e] + span[e] * Distribution.triangular(mode[e], random.nextDouble());
				store(e, x * factor, durationsOut, remainingOut);
			}
		}
	}

	private void store(int e, double days, int[] durationsOut, int[] remainingOut) {
		int i = activity[e];
		durationsOut[i] = round(days);
		if (e >= planned) {
			double share = remainingShare[e];
			if (share == share) {
				remainingOut[i] = round(days * share);
			}
		}
	}

	/** Round half up; draws are never negative, so truncating x + 0.5 is enough. */
	static int round(double days) {
		return (int) (days + 0.5);
	}

	/** The number of activities that vary. */
	int varying() {
		return count;
	}

	static boolean isDone(Scenario scenario, int activity) {
		return scenario.actualFinish != null && scenario.actualFinish[activity] != Scenario.NONE;
	}

	/** Started, with its remaining days given (started work without them runs its full duration). */
	static boolean isUnderWay(Scenario scenario, int activity) {
		return scenario.actualStart != null && scenario.actualStart[activity] != Scenario.NONE
				&& scenario.remaining != null && scenario.remaining[activity] >= 0;
	}

}
