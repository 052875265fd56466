package dev.milepost.schedule.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable activity network in compressed sparse rows: activities are 0..size-1, each with a
 * duration in working days (0 for a milestone); links are stored twice, by predecessor and by
 * successor, with their kind and lag (negative for a lead). The topological order is computed
 * once, when the network is built, and a cycle is refused then.
 */
public final class Network {

	final int size;

	final int[] duration;

	final boolean[] milestone;

	// links leaving each activity: succ[succStart[i] .. succStart[i+1])
	final int[] succStart;

	final int[] succ;

	final byte[] succKind;

	final int[] succLag;

	// links entering each activity; built on first use (driving paths), not needed by the passes
	private volatile Predecessors predecessors;

	final int[] topological;

	private Network(int size, int[] duration, boolean[] milestone, int[] linkFrom, int[] linkTo, byte[] linkKind,
			int[] linkLag, int links) {
		this.size = size;
		this.duration = duration;
		this.milestone = milestone;
		this.succStart = new int[size + 1];
		this.succ = new int[links];
		this.succKind = new byte[links];
		this.succLag = new int[links];
		int[] indegree = new int[size];
		for (int l = 0; l < links; l++) {
			succStart[linkFrom[l] + 1]++;
			indegree[linkTo[l]]++;
		}
		for (int i = 0; i < size; i++) {
			succStart[i + 1] += succStart[i];
		}
		int[] succFill = Arrays.copyOf(succStart, size);
		for (int l = 0; l < links; l++) {
			int s = succFill[linkFrom[l]]++;
			succ[s] = linkTo[l];
			succKind[s] = linkKind[l];
			succLag[s] = linkLag[l];
		}
		this.topological = topologicalOrder(indegree);
	}

	/** The links entering each activity, in compressed rows. */
	record Predecessors(int[] start, int[] pred, byte[] kind, int[] lag) {
	}

	Predecessors predecessors() {
		Predecessors built = predecessors;
		if (built == null) {
			int links = succ.length;
			int[] start = new int[size + 1];
			int[] pred = new int[links];
			byte[] kind = new byte[links];
			int[] lag = new int[links];
			for (int l = 0; l < links; l++) {
				start[succ[l] + 1]++;
			}
			for (int i = 0; i < size; i++) {
				start[i + 1] += start[i];
			}
			int[] fill = Arrays.copyOf(start, size);
			for (int i = 0; i < size; i++) {
				for (int l = succStart[i]; l < succStart[i + 1]; l++) {
					int at = fill[succ[l]]++;
					pred[at] = i;
					kind[at] = succKind[l];
					lag[at] = succLag[l];
				}
			}
			built = new Predecessors(start, pred, kind, lag);
			predecessors = built;
		}
		return built;
	}

	public static Builder builder() {
		return new Builder(16, 16);
	}

	public static Builder builder(int activities, int links) {
		return new Builder(activities, links);
	}

	public int size() {
		return size;
	}

	public int linkCount() {
		return succ.length;
	}

	public int duration(int activity) {
		return duration[activity];
	}

	public boolean isMilestone(int activity) {
		return milestone[activity];
	}

	/** Kahn's algorithm over the successor rows; refuses a cycle, naming it. */
	private int[] topologicalOrder(int[] indegree) {
		int[] order = new int[size];
		int head = 0;
		int tail = 0;
		for (int i = 0; i < size; i++) {
			if (indegree[i] == 0) {
				order[tail++] = i;
			}
		}
		while (head < tail) {
			int current = order[head++];
			for (int l = succStart[current], end = succStart[current + 1]; l < end; l++) {
				if (--indegree[succ[l]] == 0) {
					order[tail++] = succ[l];
				}
			}
		}
		if (tail < size) {
			throw new CycleFoundException(findCycle(indegree));
		}
		return order;
	}

	/** Among the activities Kahn could not order, walks predecessors until one repeats. */
	private List<Integer> findCycle(int[] indegree) {
		int start = 0;
		while (indegree[start] == 0) {
			start++;
		}
		int[] seenAt = new int[size];
		Arrays.fill(seenAt, -1);
		Predecessors predecessors = predecessors();
		List<Integer> walk = new ArrayList<>();
		int current = start;
		while (seenAt[current] < 0) {
			seenAt[current] = walk.size();
			walk.add(current);
			for (int l = predecessors.start()[current]; l < predecessors.start()[current + 1]; l++) {
				if (indegree[predecessors.pred()[l]] > 0) {
					current = predecessors.pred()[l];
					break;
				}
			}
		}
		List<Integer> cycle = new ArrayList<>(walk.subList(seenAt[current], walk.size()));
		Collections.reverse(cycle);
		// start from the lowest index, so the same cycle is always named the same way
		Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
		cycle.add(cycle.get(0));
		return cycle;
	}

	/** Collects activities and links; {@link #build()} checks them and compiles the network. */
	public static final class Builder {

		private int size;

		private int[] duration;

		private boolean[] milestone;

		private int links;

		private int[] from;

		private int[] to;

		private byte[] kind;

		private int[] lag;

		Builder(int activities, int linkCapacity) {
			duration = new int[Math.max(activities, 4)];
			milestone = new boolean[duration.length];
			from = new int[Math.max(linkCapacity, 4)];
			to = new int[from.length];
			kind = new byte[from.length];
			lag = new int[from.length];
		}

		/** Adds a task of the given working days; returns its index. */
		public int task(int durationDays) {
			if (durationDays < 0) {
				throw new IllegalArgumentException("A duration cannot be negative: " + durationDays);
			}
			return add(durationDays, false);
		}

		/** Adds a zero-duration milestone; returns its index. */
		public int milestone() {
			return add(0, true);
		}

		private int add(int days, boolean isMilestone) {
			if (size == duration.length) {
				duration = Arrays.copyOf(duration, size * 2);
				milestone = Arrays.copyOf(milestone, size * 2);
			}
			duration[size] = days;
			milestone[size] = isMilestone;
			return size++;
		}

		public Builder link(int predecessor, int successor, LinkKind linkKind, int lagDays) {
			if (predecessor < 0 || predecessor >= size || successor < 0 || successor >= size) {
				throw new IllegalArgumentException("Unknown activity in link " + predecessor + " → " + successor);
			}
			if (predecessor == successor) {
				throw new CycleFoundException(List.of(predecessor, predecessor));
			}
			if (links == from.length) {
				from = Arrays.copyOf(from, links * 2);
				to = Arrays.copyOf(to, links * 2);
				kind = Arrays.copyOf(kind, links * 2);
				lag = Arrays.copyOf(lag, links * 2);
			}
			from[links] = predecessor;
			to[links] = successor;
			kind[links] = (byte) linkKind.ordinal();
			lag[links] = lagDays;
			links++;
			return this;
		}

		public int size() {
			return size;
		}

		public Network build() {
			return new Network(size, Arrays.copyOf(duration, size), Arrays.copyOf(milestone, size), from, to, kind,
					lag, links);
		}

	}

}
