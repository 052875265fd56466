package dev.milepost.schedule.engine;

import java.util.List;

/** The network cannot be scheduled because its links form a cycle; the cycle is named. */
public final class CycleFoundException extends IllegalArgumentException {

	private final List<Integer> cycle;

	public CycleFoundException(List<Integer> cycle) {
		super("The links form a cycle through activities " + cycle);
		this.cycle = List.copyOf(cycle);
	}

	/** The activities of the cycle in link order, the first repeated at the end. */
	public List<Integer> cycle() {
		return cycle;
	}

}
