package dev.milepost.schedule.engine;

/**
 * A schedule kept up to date under edits: after changing an activity's duration or its
 * start-no-earlier-than constraint, only the activities whose dates can change are recomputed —
 * forward from the edited activity through successors whose early dates actually move, backward
 * through predecessors whose late dates or free float can move — in topological order, so the
 * result is identical to a full pass.
 * <p>
 * An edit that moves the project finish costs no more: a late finish is the least of the project
 * finish less some offset and of bounds that do not depend on it (deadlines, started work), since
 * the backward rule only takes minima and adds constants. So each activity keeps the pair
 * ({@code relative}, {@code absolute}) and its late finish is {@code min(finish + relative,
 * absolute)}, read when asked; the pairs do not change with the finish. The finish itself is the
 * top of a max-tree over the early finishes, updated for the activities an edit moved
 * (O(moved · log n)), not found by scanning every early finish.
 * <p>
 * Not thread-safe: one owner edits and reads it.
 */
public final class IncrementalSchedule {

	private final Network network;

	private final Scenario scenario;

	private final int[] duration;

	private final int[] position;

	private final Network.Predecessors predecessors;

	private final int[] es;

	private final int[] ef;

	/** A bound that does not bind: an unset deadline, or no bound from the project finish (work done). */
	private static final int NONE = Integer.MAX_VALUE;

	// late finish = min(finish + relative, absolute); NONE where a part does not bind
	private final int[] relative;

	private final int[] absolute;

	// the least slack to a successor that waits on the activity; NONE when none waits, and then
	// the free float runs to the project finish
	private final int[] slack;

	// a max-tree over the early finishes: leaves from treeBase, the finish at the root
	private final int[] tree;

	private final int treeBase;

	private int finish;

	// work lists: heaps of topological positions, and a mark per activity while queued
	private final int[] heap;

	private int heapSize;

	private final boolean[] queued;

	private final int[] touched;

	private int touchedCount;

	/** Starts from a full pass; the scenario is copied, so later edits do not reach the caller's. */
	public IncrementalSchedule(Network network, Scenario scenario) {
		this.network = network;
		this.scenario = scenario.copy();
		int size = network.size;
		this.duration = Scheduler.durations(network, this.scenario).clone();
		this.scenario.durations(duration);
		this.position = new int[size];
		for (int p = 0; p < size; p++) {
			position[network.topological[p]] = p;
		}
		this.predecessors = network.predecessors();
		this.es = new int[size];
		this.ef = new int[size];
		this.relative = new int[size];
		this.absolute = new int[size];
		this.slack = new int[size];
		this.heap = new int[size];
		this.queued = new boolean[size];
		this.touched = new int[size];
		Scheduler.forward(network, this.scenario, duration, es, ef);
		int base = 1;
		while (base < Math.max(1, size)) {
			base <<= 1;
		}
		this.treeBase = base;
		this.tree = new int[2 * base];
		System.arraycopy(ef, 0, tree, base, size);
		for (int t = base - 1; t >= 1; t--) {
			tree[t] = Math.max(tree[2 * t], tree[2 * t + 1]);
		}
		this.finish = Math.max(0, tree[1]);
		for (int o = size - 1; o >= 0; o--) {
			backwardOne(network.topological[o]);
		}
	}

	/** Changes a duration and reschedules what it affects. */
	public void changeDuration(int activity, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("A duration cannot be negative: " + days);
		}
		if (duration[activity] == days) {
			return;
		}
		duration[activity] = days;
		reschedule(activity);
	}

	/** Sets or clears (with {@link Integer#MIN_VALUE}) a start-no-earlier-than constraint. */
	public void changeStartNoEarlierThan(int activity, int day) {
		scenario.startNoEarlierThan(activity, day);
		reschedule(activity);
	}

	/** A snapshot of the current dates, as a full pass would return them. */
	public Schedule schedule() {
		int size = network.size;
		int[] ls = new int[size];
		int[] lf = new int[size];
		int[] freeFloat = new int[size];
		for (int i = 0; i < size; i++) {
			lf[i] = lateFinish(i);
			ls[i] = lateStart(i);
			freeFloat[i] = freeFloat(i);
		}
		return new Schedule(network, scenario, duration.clone(), es.clone(), ef.clone(), ls, lf, freeFloat, finish);
	}

	public int earlyStart(int activity) {
		return es[activity];
	}

	public int earlyFinish(int activity) {
		return ef[activity];
	}

	public int lateFinish(int activity) {
		int fromFinish = relative[activity] == NONE ? NONE : finish + relative[activity];
		return Math.min(fromFinish, absolute[activity]);
	}

	public int lateStart(int activity) {
		return started(activity) ? es[activity] : lateFinish(activity) - duration[activity];
	}

	public int freeFloat(int activity) {
		int free = slack[activity] == NONE ? finish - ef[activity] : slack[activity];
		return Math.max(0, Math.min(free, lateFinish(activity) - ef[activity]));
	}

	public int finish() {
		return finish;
	}

	private boolean started(int activity) {
		return scenario.actualStart != null && scenario.actualStart[activity] != Scenario.NONE;
	}

	private void reschedule(int edited) {
		touchedCount = 0;
		forwardFrom(edited);
		for (int t = 0; t < touchedCount; t++) {
			int u = touched[t];
			int at = treeBase + u;
			tree[at] = ef[u];
			for (at >>>= 1; at >= 1; at >>>= 1) {
				tree[at] = Math.max(tree[2 * at], tree[2 * at + 1]);
			}
		}
		// a moved finish moves the late dates it binds when they are read: nothing to redo here
		finish = Math.max(0, tree[1]);
		backwardFrom(edited);
	}

	/** Recomputes early dates in topological order, following only successors whose bound moved. */
	private void forwardFrom(int edited) {
		push(edited, false);
		while (heapSize > 0) {
			int u = network.topological[popMin()];
			queued[u] = false;
			int oldStart = es[u];
			int oldFinish = ef[u];
			recomputeEarly(u);
			if (es[u] != oldStart || ef[u] != oldFinish || u == edited) {
				touched[touchedCount++] = u;
				int o = position[u];
				for (int l = network.linkStart[o]; l < network.linkStart[o + 1]; l++) {
					push(network.succ[l], false);
				}
			}
		}
	}

	private void recomputeEarly(int i) {
		int[] actualStart = scenario.actualStart;
		if (actualStart != null && actualStart[i] != Scenario.NONE) {
			int start = actualStart[i];
			es[i] = start;
			if (scenario.actualFinish != null && scenario.actualFinish[i] != Scenario.NONE) {
				ef[i] = scenario.actualFinish[i];
			}
			else if (scenario.remaining != null && scenario.remaining[i] >= 0) {
				ef[i] = Math.max(start, scenario.statusDate == Scenario.NONE ? start : scenario.statusDate)
						+ scenario.remaining[i];
			}
			else {
				ef[i] = start + duration[i];
			}
			return;
		}
		int start = scenario.statusDate == Scenario.NONE ? 0 : Math.max(0, scenario.statusDate);
		int[] snet = scenario.startNoEarlierThan;
		if (snet != null && snet[i] != Scenario.NONE && snet[i] > start) {
			start = snet[i];
		}
		int d = duration[i];
		for (int l = predecessors.start()[i]; l < predecessors.start()[i + 1]; l++) {
			int p = predecessors.pred()[l];
			int link = predecessors.link()[l];
			int lag = Network.lag(link);
			int bound = switch (Network.kind(link)) {
				case 0 -> ef[p] + lag;
				case 1 -> es[p] + lag;
				case 2 -> ef[p] + lag - d;
				default -> es[p] + lag - d;
			};
			if (bound > start) {
				start = bound;
			}
		}
		es[i] = start;
		ef[i] = start + d;
	}

	/**
	 * Recomputes late dates and free float in reverse topological order, starting from the
	 * activities whose own dates changed and their predecessors (whose free float depends on them).
	 */
	private void backwardFrom(int edited) {
		for (int t = 0; t < touchedCount; t++) {
			int u = touched[t];
			push(u, true);
			for (int l = predecessors.start()[u]; l < predecessors.start()[u + 1]; l++) {
				push(predecessors.pred()[l], true);
			}
		}
		push(edited, true);
		while (heapSize > 0) {
			int u = network.topological[-popMin() - 1];
			queued[u] = false;
			int oldRelative = relative[u];
			int oldAbsolute = absolute[u];
			backwardOne(u);
			if (relative[u] != oldRelative || absolute[u] != oldAbsolute) {
				for (int l = predecessors.start()[u]; l < predecessors.start()[u + 1]; l++) {
					push(predecessors.pred()[l], true);
				}
			}
		}
	}

	/**
	 * The late finish (as its pair) and the slack to waiting successors of one activity, from its
	 * successors: the rule of the full backward pass (see {@link Scheduler}) with the project finish
	 * kept apart. A successor that has started waits on nobody and binds nothing.
	 */
	private void backwardOne(int i) {
		int o = position[i];
		int[] actualStart = scenario.actualStart;
		int d = duration[i];
		int lateRelative = 0;
		int lateAbsolute = scenario.deadline == null ? NONE : scenario.deadline[i];
		int free = NONE;
		for (int l = network.linkStart[o], end = network.linkStart[o + 1]; l < end; l++) {
			int s = network.succ[l];
			if (actualStart != null && actualStart[s] != Scenario.NONE) {
				continue;
			}
			int link = network.succLink[l];
			int lag = Network.lag(link);
			// the successor has not started: its late start is its late finish less its duration
			int offset;
			int gap;
			switch (LinkKind.VALUES[Network.kind(link)]) {
				case FS -> {
					offset = -lag - duration[s];
					gap = es[s] - lag - ef[i];
				}
				case SS -> {
					offset = -lag - duration[s] + d;
					gap = es[s] - lag - es[i];
				}
				case FF -> {
					offset = -lag;
					gap = ef[s] - lag - ef[i];
				}
				case SF -> {
					offset = -lag + d;
					gap = ef[s] - lag - es[i];
				}
				default -> throw new IllegalStateException();
			}
			if (relative[s] != NONE) {
				lateRelative = Math.min(lateRelative, relative[s] + offset);
			}
			if (absolute[s] != NONE) {
				lateAbsolute = Math.min(lateAbsolute, absolute[s] + offset);
			}
			free = Math.min(free, gap);
		}
		boolean done = actualStart != null && actualStart[i] != Scenario.NONE && scenario.actualFinish != null
				&& scenario.actualFinish[i] != Scenario.NONE;
		if (done) {
			relative[i] = NONE;
			absolute[i] = ef[i];
		}
		else {
			relative[i] = lateRelative;
			absolute[i] = lateAbsolute;
		}
		slack[i] = free;
	}

	// a binary heap of topological positions; backward entries are stored negated (-position - 1)
	// so the same min-heap pops the latest position first
	private void push(int activity, boolean backward) {
		if (queued[activity]) {
			return;
		}
		queued[activity] = true;
		int key = backward ? -position[activity] - 1 : position[activity];
		int at = heapSize++;
		heap[at] = key;
		while (at > 0) {
			int parent = (at - 1) >>> 1;
			if (heap[parent] <= heap[at]) {
				break;
			}
			int swap = heap[parent];
			heap[parent] = heap[at];
			heap[at] = swap;
			at = parent;
		}
	}

	private int popMin() {
		int top = heap[0];
		heap[0] = heap[--heapSize];
		int at = 0;
		while (true) {
			int left = 2 * at + 1;
			if (left >= heapSize) {
				break;
			}
			int smaller = left + 1 < heapSize && heap[left + 1] < heap[left] ? left + 1 : left;
			if (heap[at] <= heap[smaller]) {
				break;
			}
			int swap = heap[smaller];
			heap[smaller] = heap[at];
			heap[at] = swap;
			at = smaller;
		}
		return top;
	}

	@Override
	public String toString() {
		return "IncrementalSchedule[" + network.size + " activities, finish " + finish + ", " + touchedCount
				+ " moved by the last edit]";
	}

}
