package dev.milepost.schedule.engine;

/**
 * A schedule kept up to date under edits: after changing an activity's duration or its
 * start-no-earlier-than constraint, only the activities whose dates can change are recomputed —
 * forward from the edited activity through successors whose early dates actually move, backward
 * through predecessors whose late dates or free float can move — in topological order, so the
 * result is identical to a full pass. When an edit moves the project finish every late date
 * moves with it, and the backward pass runs in full.
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

	private final int[] ls;

	private final int[] lf;

	private final int[] freeFloat;

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
		this.ls = new int[size];
		this.lf = new int[size];
		this.freeFloat = new int[size];
		this.heap = new int[size];
		this.queued = new boolean[size];
		this.touched = new int[size];
		this.finish = Scheduler.forward(network, this.scenario, duration, es, ef);
		Scheduler.backward(network, this.scenario, duration, es, ef, ls, lf, freeFloat, finish);
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
		return new Schedule(network, scenario, duration.clone(), es.clone(), ef.clone(), ls.clone(), lf.clone(),
				freeFloat.clone(), finish);
	}

	public int earlyStart(int activity) {
		return es[activity];
	}

	public int earlyFinish(int activity) {
		return ef[activity];
	}

	public int lateFinish(int activity) {
		return lf[activity];
	}

	public int finish() {
		return finish;
	}

	private void reschedule(int edited) {
		touchedCount = 0;
		forwardFrom(edited);
		int newFinish = 0;
		for (int value : ef) {
			if (value > newFinish) {
				newFinish = value;
			}
		}
		if (newFinish != finish) {
			finish = newFinish;
			Scheduler.backward(network, scenario, duration, es, ef, ls, lf, freeFloat, finish);
			return;
		}
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
			int oldLate = lf[u];
			int oldLateStart = ls[u];
			backwardOne(u);
			if (lf[u] != oldLate || ls[u] != oldLateStart) {
				for (int l = predecessors.start()[u]; l < predecessors.start()[u + 1]; l++) {
					push(predecessors.pred()[l], true);
				}
			}
		}
	}

	/**
	 * Late dates and free float of one activity from its successors' dates: the rule of the full
	 * backward pass (see {@link Scheduler}), applied to one activity.
	 */
	private void backwardOne(int i) {
		int o = position[i];
		int[] actualStart = scenario.actualStart;
		int d = duration[i];
		int late = finish;
		int free = Integer.MAX_VALUE;
		if (scenario.deadline != null && scenario.deadline[i] < late) {
			late = scenario.deadline[i];
		}
		boolean waits = false;
		for (int l = network.linkStart[o], end = network.linkStart[o + 1]; l < end; l++) {
			int s = network.succ[l];
			if (actualStart != null && actualStart[s] != Scenario.NONE) {
				continue;
			}
			waits = true;
			int link = network.succLink[l];
			int lag = Network.lag(link);
			int bound;
			int slack;
			switch (LinkKind.VALUES[Network.kind(link)]) {
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
				case SF -> {
					bound = lf[s] - lag + d;
					slack = ef[s] - lag - es[i];
				}
				default -> throw new IllegalStateException();
			}
			late = Math.min(late, bound);
			free = Math.min(free, slack);
		}
		if (actualStart != null && actualStart[i] != Scenario.NONE) {
			ls[i] = es[i];
			boolean done = scenario.actualFinish != null && scenario.actualFinish[i] != Scenario.NONE;
			lf[i] = done ? ef[i] : late;
		}
		else {
			lf[i] = late;
			ls[i] = late - d;
		}
		if (!waits) {
			free = finish - ef[i];
		}
		freeFloat[i] = Math.max(0, Math.min(free, lf[i] - ef[i]));
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
