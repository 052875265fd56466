package dev.milepost.schedule.engine;

/**
 * The critical path method over a {@link Network}: a forward pass in topological order for early
 * dates, a backward pass for late dates, total and free float. Work is counted in working days;
 * a start is the index of the first working day, a finish the boundary after the last one, so a
 * task of d days starting on day s finishes at s + d, and a milestone is a single boundary.
 * Everything runs over primitive arrays, with no allocation per activity or link.
 */
public final class Scheduler {

	private static final int FS = 0;

	private static final int SS = 1;

	private static final int FF = 2;

	private Scheduler() {
	}

	public static Schedule schedule(Network network, Scenario scenario) {
		int size = network.size;
		int[] duration = durations(network, scenario);
		int[] es = new int[size];
		int[] ef = new int[size];
		int finish = forward(network, scenario, duration, es, ef);
		int[] lf = new int[size];
		int[] ls = new int[size];
		int[] freeFloat = new int[size];
		backward(network, scenario, duration, es, ef, ls, lf, freeFloat, finish);
		return new Schedule(network, scenario, duration, es, ef, ls, lf, freeFloat, finish);
	}

	static int[] durations(Network network, Scenario scenario) {
		if (scenario.duration == null) {
			return network.duration;
		}
		int[] merged = scenario.duration.clone();
		for (int i = 0; i < merged.length; i++) {
			if (merged[i] < 0) {
				merged[i] = network.duration[i];
			}
		}
		return merged;
	}

	/**
	 * Early dates, pushed along the successor rows in topological order; returns the project
	 * finish (the latest early finish, at least 0).
	 */
	static int forward(Network network, Scenario scenario, int[] duration, int[] es, int[] ef) {
		int status = scenario.statusDate;
		int floor = status == Scenario.NONE ? 0 : Math.max(0, status);
		java.util.Arrays.fill(es, floor);
		if (scenario.actualStart == null) {
			return forwardNotStarted(network, scenario.startNoEarlierThan, duration, es, ef);
		}
		return forwardWithProgress(network, scenario, duration, es, ef);
	}

	/**
	 * The forward pass when no work has started, which is every plan before its first progress and
	 * every simulation draw of such a plan; without branches on the link kind (see
	 * {@link Network#pack}).
	 * An unset start-no-earlier-than is {@link Scenario#NONE}, the least int, so it never binds.
	 */
	private static int forwardNotStarted(Network network, int[] snet, int[] duration, int[] es, int[] ef) {
		int[] order = network.topological;
		int[] linkStart = network.linkStart;
		int[] succ = network.succ;
		int[] succLink = network.succLink;
		int finish = 0;
		for (int o = 0; o < order.length; o++) {
			int i = order[o];
			int start = snet == null ? es[i] : Math.max(es[i], snet[i]);
			int d = duration[i];
			int end = start + d;
			es[i] = start;
			ef[i] = end;
			finish = Math.max(finish, end);
			for (int l = linkStart[o], stop = linkStart[o + 1]; l < stop; l++) {
				int s = succ[l];
				int link = succLink[l];
				// from the predecessor's finish, less its duration when from its start; less the
				// successor's duration when the link binds its finish
				int bound = end + Network.lag(link) - (d & -(link & 1)) - (duration[s] & -((link >> 1) & 1));
				es[s] = Math.max(es[s], bound);
			}
		}
		return finish;
	}

	private static int forwardWithProgress(Network network, Scenario scenario, int[] duration, int[] es, int[] ef) {
		int[] order = network.topological;
		int[] linkStart = network.linkStart;
		int[] succ = network.succ;
		int[] succLink = network.succLink;
		int[] snet = scenario.startNoEarlierThan;
		int[] actualStart = scenario.actualStart;
		int[] actualFinish = scenario.actualFinish;
		int[] remaining = scenario.remaining;
		int status = scenario.statusDate;
		int finish = 0;
		for (int o = 0; o < order.length; o++) {
			int i = order[o];
			int start;
			int end;
			if (actualStart[i] != Scenario.NONE) {
				start = actualStart[i];
				if (actualFinish != null && actualFinish[i] != Scenario.NONE) {
					end = actualFinish[i];
				}
				else if (remaining != null && remaining[i] >= 0) {
					end = Math.max(start, status == Scenario.NONE ? start : status) + remaining[i];
				}
				else {
					end = start + duration[i];
				}
			}
			else {
				start = es[i];
				if (snet != null && snet[i] != Scenario.NONE && snet[i] > start) {
					start = snet[i];
				}
				end = start + duration[i];
			}
			es[i] = start;
			ef[i] = end;
			if (end > finish) {
				finish = end;
			}
			for (int l = linkStart[o], stop = linkStart[o + 1]; l < stop; l++) {
				int s = succ[l];
				int link = succLink[l];
				int lag = Network.lag(link);
				int bound = switch (Network.kind(link)) {
					case FS -> end + lag;
					case SS -> start + lag;
					case FF -> end + lag - duration[s];
					default -> start + lag - duration[s];
				};
				if (bound > es[s]) {
					es[s] = bound;
				}
			}
		}
		return finish;
	}

	/**
	 * Late dates and free float. A successor that has started no longer waits on its
	 * predecessors, so it constrains neither their late dates nor their free float.
	 */
	static void backward(Network network, Scenario scenario, int[] duration, int[] es, int[] ef, int[] ls, int[] lf,
			int[] freeFloat, int finish) {
		if (scenario.actualStart == null) {
			backwardNotStarted(network, scenario.deadline, duration, es, ef, ls, lf, freeFloat, finish);
		}
		else {
			backwardWithProgress(network, scenario, duration, es, ef, ls, lf, freeFloat, finish);
		}
	}

	/**
	 * The backward pass when no work has started, without branches on the link kind. With no
	 * progress every activity's finish is its start plus its duration, early and late, so a link
	 * to a successor's finish reads its start and adds its duration: two reads of the successor
	 * (late and early start) serve every kind. An unset deadline is the greatest int.
	 */
	private static void backwardNotStarted(Network network, int[] deadline, int[] duration, int[] es, int[] ef,
			int[] ls, int[] lf, int[] freeFloat, int finish) {
		int[] order = network.topological;
		int[] linkStart = network.linkStart;
		int[] succ = network.succ;
		int[] succLink = network.succLink;
		for (int o = order.length - 1; o >= 0; o--) {
			int i = order[o];
			int d = duration[i];
			int early = ef[i];
			int late = deadline == null ? finish : Math.min(finish, deadline[i]);
			int free = finish - early;
			int first = linkStart[o];
			int stop = linkStart[o + 1];
			if (first < stop) {
				free = Integer.MAX_VALUE;
				for (int l = first; l < stop; l++) {
					int s = succ[l];
					int link = succLink[l];
					// as seen from this activity's finish: the lag, less its duration when the link
					// hangs on its start, and the successor's duration when the link binds its finish
					int offset = (d & -(link & 1)) - Network.lag(link) + (duration[s] & -((link >> 1) & 1));
					late = Math.min(late, ls[s] + offset);
					free = Math.min(free, es[s] + offset - early);
				}
			}
			lf[i] = late;
			ls[i] = late - d;
			freeFloat[i] = Math.max(0, Math.min(free, late - early));
		}
	}

	private static void backwardWithProgress(Network network, Scenario scenario, int[] duration, int[] es, int[] ef,
			int[] ls, int[] lf, int[] freeFloat, int finish) {
		int[] order = network.topological;
		int[] linkStart = network.linkStart;
		int[] succ = network.succ;
		int[] succLink = network.succLink;
		int[] deadline = scenario.deadline;
		int[] actualStart = scenario.actualStart;
		int[] actualFinish = scenario.actualFinish;
		for (int o = order.length - 1; o >= 0; o--) {
			int i = order[o];
			int d = duration[i];
			int late = finish;
			int free = Integer.MAX_VALUE;
			if (deadline != null && deadline[i] < late) {
				late = deadline[i];
			}
			boolean waits = false;
			for (int l = linkStart[o], end = linkStart[o + 1]; l < end; l++) {
				int s = succ[l];
				if (actualStart[s] != Scenario.NONE) {
					continue;
				}
				waits = true;
				int link = succLink[l];
				int lag = Network.lag(link);
				int bound;
				int slack;
				switch (Network.kind(link)) {
					case FS -> {
						bound = ls[s] - lag;
						slack = es[s] - lag - ef[i];
					}
					case SS -> {
						bound = ls[s] - lag + d;
						slack = es[s] - lag - es[i];
					}
					case FF -> {
						bound = lf[s] - lag;
						slack = ef[s] - lag - ef[i];
					}
					default -> {
						bound = lf[s] - lag + d;
						slack = ef[s] - lag - es[i];
					}
				}
				if (bound < late) {
					late = bound;
				}
				if (slack < free) {
					free = slack;
				}
			}
			if (actualStart[i] != Scenario.NONE) {
				// started work keeps its start; finished work keeps its finish too
				ls[i] = es[i];
				boolean done = actualFinish != null && actualFinish[i] != Scenario.NONE;
				lf[i] = done ? ef[i] : late;
			}
			else {
				lf[i] = late;
				ls[i] = late - d;
			}
			int total = lf[i] - ef[i];
			if (!waits) {
				free = finish - ef[i];
			}
			freeFloat[i] = Math.max(0, Math.min(free, total));
		}
	}

}
