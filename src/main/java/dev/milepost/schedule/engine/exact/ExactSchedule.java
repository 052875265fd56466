package dev.milepost.schedule.engine.exact;

/**
 * Early and late dates (moments, see {@link WorkCalendar#moment}), total and free float in
 * working minutes of each activity's calendar, and the project finish.
 * <p>
 * A summary's dates roll up from its children: its start is the earliest child start, its finish
 * the latest child finish; its late finish, total and free float are those of that finish (its
 * late start, the earliest late start among its children).
 * <p>
 * From the single-calendar passes the dates are kept as working minutes of the project calendar
 * and made into moments when read, so a schedule of a million activities pays for the dates it
 * shows, not for all of them.
 */
public final class ExactSchedule {

	private final ExactNetwork network;

	private final int projectStart;

	// working minutes before the project start, when the arrays below are in working minutes
	private final long origin;

	private final boolean inWork;

	private final int[] es;

	private final int[] ef;

	private final int[] ls;

	private final int[] lf;

	private final int[] total;

	private final int[] free;

	private final int[] start;

	private final int[] end;

	private final int finish;

	// earliest start among each summary's descendants (same units as es), or null without summaries
	private final int[] rolledStart;

	private ExactSchedule(ExactNetwork network, int projectStart, long origin, boolean inWork, int[] es, int[] ef,
			int[] ls, int[] lf, int[] total, int[] free, int[] start, int[] end, int finish) {
		this.network = network;
		this.projectStart = projectStart;
		this.origin = origin;
		this.inWork = inWork;
		this.es = es;
		this.ef = ef;
		this.ls = ls;
		this.lf = lf;
		this.total = total;
		this.free = free;
		this.start = start;
		this.end = end;
		this.finish = finish;
		this.rolledStart = rollUp(network, start);
	}

	static ExactSchedule inWork(ExactNetwork network, int projectStart, long origin, int[] es, int[] ef, int[] ls,
			int[] lf, int[] free, int finish) {
		return new ExactSchedule(network, projectStart, origin, true, es, ef, ls, lf, null, free, es, ef, finish);
	}

	static ExactSchedule inMoments(ExactNetwork network, int projectStart, int[] es, int[] ef, int[] ls, int[] lf,
			int[] total, int[] free, int[] start, int[] end, int finish) {
		return new ExactSchedule(network, projectStart, 0, false, es, ef, ls, lf, total, free, start, end, finish);
	}

	private static int[] rollUp(ExactNetwork network, int[] start) {
		boolean any = false;
		for (int i = 0; i < network.size && !any; i++) {
			any = network.finishNode[i] >= 0;
		}
		if (!any) {
			return null;
		}
		int[] rolled = new int[network.size];
		java.util.Arrays.fill(rolled, Integer.MAX_VALUE);
		for (int i = 0; i < network.size; i++) {
			if (network.finishNode[i] < 0) {
				for (int up = network.parent[i]; up >= 0; up = network.parent[up]) {
					rolled[up] = Math.min(rolled[up], start[i]);
				}
			}
		}
		for (int i = 0; i < network.size; i++) {
			if (network.finishNode[i] >= 0 && rolled[i] == Integer.MAX_VALUE) {
				// a summary without tasks under it: its own start
				rolled[i] = start[i];
			}
		}
		return rolled;
	}

	public ExactNetwork network() {
		return network;
	}

	public int size() {
		return network.size;
	}

	public int projectStart() {
		return projectStart;
	}

	/** The project finish: the latest early finish. */
	public int finish() {
		return inWork ? network.calendars[0].finishAt(origin + finish) : finish;
	}

	private boolean summary(int i) {
		return network.finishNode[i] >= 0;
	}

	private int finishNode(int i) {
		return summary(i) ? network.finishNode[i] : i;
	}

	/** Where the activity is scheduled to start: its early start, or later if it is as late as possible. */
	public int start(int i) {
		return startMoment(summary(i) ? rolledStart[i] : start[i], i);
	}

	public int finishOf(int i) {
		return finishMoment(end[finishNode(i)], finishNode(i));
	}

	public int earlyStart(int i) {
		if (summary(i)) {
			return start(i);
		}
		return startMoment(es[i], i);
	}

	public int earlyFinish(int i) {
		int node = finishNode(i);
		return finishMoment(ef[node], node);
	}

	public int lateStart(int i) {
		return startMoment(ls[i], i);
	}

	public int lateFinish(int i) {
		int node = finishNode(i);
		return finishMoment(lf[node], node);
	}

	/** Total float in working minutes of the activity's calendar; negative where a date cannot be kept. */
	public int totalFloat(int i) {
		int node = finishNode(i);
		return total == null ? lf[node] - ef[node] : total[node];
	}

	/** Free float in working minutes of the activity's calendar: never negative. */
	public int freeFloat(int i) {
		return free[finishNode(i)];
	}

	private int startMoment(int value, int node) {
		if (!inWork) {
			return value;
		}
		WorkCalendar calendar = network.calendars[0];
		if (network.duration[node] == 0 && node < network.size && !summary(node)) {
			// a milestone sits where the work before it ends, as its predecessors' finishes do
			return finishMoment(value, node);
		}
		return calendar.startAt(origin + value);
	}

	private int finishMoment(int value, int node) {
		if (!inWork) {
			return value;
		}
		int moment = network.calendars[0].finishAt(origin + value);
		// no work done yet: the project start itself, not the end of the work before it
		return value == 0 ? Math.max(moment, projectStart) : moment;
	}

}
