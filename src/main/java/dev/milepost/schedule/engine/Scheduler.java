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
		int[] order = network.topological;
		int[] succStart = network.succStart;
		int[] succ = network.succ;
		byte[] succKind = network.succKind;
		int[] succLag = network.succLag;
		int[] snet = scenario.startNoEarlierThan;
		int[] actualStart = scenario.actualStart;
		int[] actualFinish = scenario.actualFinish;
		int[] remaining = scenario.remaining;
		int status = scenario.statusDate;
		int floor = status == Scenario.NONE ? 0 : Math.max(0, status);
		java.util.Arrays.fill(es, floor);
		int finish = 0;
		for (int o = 0; o < order.length; o++) {
			int i = order[o];
			int start;
			int end;
			if (actualStart != null && actualStart[i] != Scenario.NONE) {
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
			for (int l = succStart[i], stop = succStart[i + 1]; l < stop; l++) {
				int s = succ[l];
				int bound = switch (succKind[l]) {
					case FS -> end + succLag[l];
					case SS -> start + succLag[l];
					case FF -> end + succLag[l] - duration[s];
					default -> start + succLag[l] - duration[s];
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
		int[] order = network.topological;
		for (int o = order.length - 1; o >= 0; o--) {
			backwardOne(network, scenario, duration, es, ef, ls, lf, freeFloat, finish, order[o]);
		}
	}

	/** Late dates and free float of one activity, from its successors' (already computed) dates. */
	static void backwardOne(Network network, Scenario scenario, int[] duration, int[] es, int[] ef, int[] ls,
			int[] lf, int[] freeFloat, int finish, int i) {
		int[] succStart = network.succStart;
		int[] succ = network.succ;
		byte[] succKind = network.succKind;
		int[] succLag = network.succLag;
		int[] actualStart = scenario.actualStart;
		int d = duration[i];
		int late = finish;
		int free = Integer.MAX_VALUE;
		if (scenario.deadline != null && scenario.deadline[i] < late) {
			late = scenario.deadline[i];
		}
		boolean waits = false;
		for (int l = succStart[i], end = succStart[i + 1]; l < end; l++) {
			int s = succ[l];
			if (actualStart != null && actualStart[s] != Scenario.NONE) {
				continue;
			}
			waits = true;
			int lag = succLag[l];
			int bound;
			int slack;
			switch (succKind[l]) {
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
		if (actualStart != null && actualStart[i] != Scenario.NONE) {
			// started work keeps its start; finished work keeps its finish too
			ls[i] = es[i];
			boolean done = scenario.actualFinish != null && scenario.actualFinish[i] != Scenario.NONE;
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
