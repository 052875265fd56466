package dev.milepost.schedule.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of a pass: for each activity its early and late start (day indices) and finish
 * (boundaries), total float (late finish − early finish, negative when a deadline cannot be met)
 * and free float; the project finish; and on demand the driving path of any activity.
 */
public final class Schedule {

	private final Network network;

	private final Scenario scenario;

	private final int[] duration;

	private final int[] es;

	private final int[] ef;

	private final int[] ls;

	private final int[] lf;

	private final int[] freeFloat;

	private final int finish;

	Schedule(Network network, Scenario scenario, int[] duration, int[] es, int[] ef, int[] ls, int[] lf,
			int[] freeFloat, int finish) {
		this.network = network;
		this.scenario = scenario;
		this.duration = duration;
		this.es = es;
		this.ef = ef;
		this.ls = ls;
		this.lf = lf;
		this.freeFloat = freeFloat;
		this.finish = finish;
	}

	public int size() {
		return es.length;
	}

	public int earlyStart(int activity) {
		return es[activity];
	}

	public int earlyFinish(int activity) {
		return ef[activity];
	}

	public int lateStart(int activity) {
		return ls[activity];
	}

	public int lateFinish(int activity) {
		return lf[activity];
	}

	public int totalFloat(int activity) {
		return lf[activity] - ef[activity];
	}

	public int freeFloat(int activity) {
		return freeFloat[activity];
	}

	public int duration(int activity) {
		return duration[activity];
	}

	/** No float left, and not finished already. */
	public boolean isCritical(int activity) {
		return totalFloat(activity) <= 0 && !isDone(activity);
	}

	public boolean isDone(int activity) {
		return scenario.actualFinish != null && scenario.actualFinish[activity] != Scenario.NONE;
	}

	/** The boundary at which the last activity finishes. */
	public int finish() {
		return finish;
	}

	/**
	 * The chain of activities that sets this activity's early date, from the first one (driven by
	 * the project start, the status date, a constraint or its actual start) to this one. At each
	 * step the predecessor whose link binds is taken; of several, the first in link order.
	 */
	public List<Integer> drivingPath(int activity) {
		List<Integer> path = new ArrayList<>();
		// the network is acyclic and each step goes to a predecessor, so the walk ends
		for (int current = activity; current >= 0; current = drivingPredecessor(current)) {
			path.add(current);
		}
		Collections.reverse(path);
		return path;
	}

	/** The predecessor whose link binds this activity's early start, or -1 if none does. */
	public int drivingPredecessor(int activity) {
		if (scenario.actualStart != null && scenario.actualStart[activity] != Scenario.NONE) {
			return -1;
		}
		int d = duration[activity];
		Network.Predecessors preds = network.predecessors();
		int floor = scenario.statusDate == Scenario.NONE ? 0 : Math.max(0, scenario.statusDate);
		for (int l = preds.start()[activity]; l < preds.start()[activity + 1]; l++) {
			int p = preds.pred()[l];
			int link = preds.link()[l];
			int lag = Network.lag(link);
			int bound = switch (LinkKind.VALUES[Network.kind(link)]) {
				case FS -> ef[p] + lag;
				case SS -> es[p] + lag;
				case FF -> ef[p] + lag - d;
				case SF -> es[p] + lag - d;
			};
			if (bound == es[activity] && bound >= floor) {
				return p;
			}
		}
		return -1;
	}

	/** Activities on a zero-or-less float chain, in topological order. */
	public List<Integer> criticalActivities() {
		List<Integer> critical = new ArrayList<>();
		for (int i : network.topological) {
			if (isCritical(i)) {
				critical.add(i);
			}
		}
		return critical;
	}

}
