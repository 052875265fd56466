package dev.milepost.schedule.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable activity network: activities are 0..size-1, each with a duration in working days
 * (0 for a milestone); links carry their kind and lag (negative for a lead). The topological order
 * is computed once, when the network is built, and a cycle is refused then.
 *
 * <p>
 * The links leaving each activity are stored in rows laid out in topological order, so a pass
 * over the network reads them front to back (or back to front) as one stream: on a large network
 * the rows of activities taken in topological order but stored by index were read from all over
 * memory, and the passes waited on it.
 */
public final class Network {

	/** The longest lag or lead a link can carry, in working days: it shares an int with the link's kind. */
	public static final int MAX_LAG = (1 << 29) - 1;

	final int size;

	final int[] duration;

	final boolean[] milestone;

	// the activities in topological order
	final int[] topological;

	// links leaving topological[o]: succ[linkStart[o] .. linkStart[o+1]), in the order they were added
	final int[] linkStart;

	final int[] succ;

	// each link's kind (LinkKind ordinal) in bits 0-1 and its lag above them; see kind() and lag()
	final int[] succLink;

	// links entering each activity; built on first use (driving paths), not needed by the passes
	private volatile Predecessors predecessors;

	private Network(int size, int[] duration, boolean[] milestone, int[] topological, int[] linkStart, int[] succ,
			int[] succLink) {
		this.size = size;
		this.duration = duration;
		this.milestone = milestone;
		this.topological = topological;
		this.linkStart = linkStart;
		this.succ = succ;
		this.succLink = succLink;
	}

	/*
	 * A link's kind code has bit 0 set when it hangs on the predecessor's start (SS, SF) and bit 1
	 * when it binds the successor's finish (FF, SF), so the passes can use it without branching.
	 */
	static int pack(int kind, int lag) {
		return lag << 2 | kind;
	}

	static int kind(int link) {
		return link & 3;
	}

	static int lag(int link) {
		return link >> 2;
	}

	/** The links entering each activity, in compressed rows, each row by predecessor index. */
	record Predecessors(int[] start, int[] pred, int[] link) {
	}

	Predecessors predecessors() {
		Predecessors built = predecessors;
		if (built == null) {
			int[] position = new int[size];
			for (int o = 0; o < size; o++) {
				position[topological[o]] = o;
			}
			built = predecessorRows(size, linkStart, position, succ, succLink);
			predecessors = built;
		}
		return built;
	}

	/** Turns successor rows around; the row of activity i is rowStart[rowOf[i]], or rowStart[i] without rowOf. */
	private static Predecessors predecessorRows(int size, int[] rowStart, int[] rowOf, int[] succ, int[] succLink) {
		int links = succ.length;
		int[] start = new int[size + 1];
		int[] pred = new int[links];
		int[] link = new int[links];
		for (int l = 0; l < links; l++) {
			start[succ[l] + 1]++;
		}
		for (int i = 0; i < size; i++) {
			start[i + 1] += start[i];
		}
		int[] fill = Arrays.copyOf(start, size);
		for (int i = 0; i < size; i++) {
			int row = rowOf == null ? i : rowOf[i];
			for (int l = rowStart[row]; l < rowStart[row + 1]; l++) {
				int at = fill[succ[l]]++;
				pred[at] = i;
				link[at] = succLink[l];
			}
		}
		return new Predecessors(start, pred, link);
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

	/**
	 * Kahn's algorithm over successor rows stored by activity ({@code succStart}), copying each
	 * row, as its activity is taken, into rows in topological order; refuses a cycle, naming it.
	 * Each link stores its successor at the tail of the order unconditionally and moves the tail
	 * only when that was the successor's last predecessor: whether it was is unpredictable, and a
	 * branch on it cost more than the store.
	 */
	private static Network inTopologicalOrder(int size, int[] duration, boolean[] milestone, int[] succStart,
			int[] succ, int[] succLink, int[] indegree) {
		int links = succ.length;
		int[] order = new int[size];
		int[] linkStart = new int[size + 1];
		int[] orderedSucc = new int[links];
		int[] orderedLink = new int[links];
		int tail = 0;
		for (int i = 0; i < size; i++) {
			order[tail] = i;
			tail += indegree[i] == 0 ? 1 : 0;
		}
		int written = 0;
		// the successor stored is never in the order yet, so tail < size at every store
		for (int head = 0; head < tail; head++) {
			int current = order[head];
			linkStart[head] = written;
			for (int l = succStart[current], end = succStart[current + 1]; l < end; l++) {
				int s = succ[l];
				orderedSucc[written] = s;
				orderedLink[written++] = succLink[l];
				int left = --indegree[s];
				order[tail] = s;
				tail += left == 0 ? 1 : 0;
			}
		}
		if (tail < size) {
			Predecessors predecessors = predecessorRows(size, succStart, null, succ, succLink);
			throw new CycleFoundException(findCycle(size, indegree, predecessors));
		}
		linkStart[size] = written;
		return new Network(size, duration, milestone, order, linkStart, orderedSucc, orderedLink);
	}

	/** Among the activities Kahn could not order, walks predecessors until one repeats. */
	private static List<Integer> findCycle(int size, int[] indegree, Predecessors predecessors) {
		int start = 0;
		while (indegree[start] == 0) {
			start++;
		}
		int[] seenAt = new int[size];
		Arrays.fill(seenAt, -1);
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

	/**
	 * Collects activities and links; {@link #build()} compiles the network and refuses a cycle.
	 * Links are checked and counted as they come, so building needs no pass of its own for that.
	 */
	public static final class Builder {

		private static final LinkKind[] KINDS = LinkKind.values();

		private int size;

		private int[] duration;

		private boolean[] milestone;

		private int[] outDegree;

		private int[] inDegree;

		private int links;

		private int[] from;

		private int[] to;

		private int[] packed;

		Builder(int activities, int linkCapacity) {
			int capacity = Math.max(activities, 4);
			duration = new int[capacity];
			milestone = new boolean[capacity];
			outDegree = new int[capacity];
			inDegree = new int[capacity];
			from = new int[Math.max(linkCapacity, 4)];
			to = new int[from.length];
			packed = new int[from.length];
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
				int grown = size * 2;
				duration = Arrays.copyOf(duration, grown);
				milestone = Arrays.copyOf(milestone, grown);
				outDegree = Arrays.copyOf(outDegree, grown);
				inDegree = Arrays.copyOf(inDegree, grown);
			}
			duration[size] = days;
			milestone[size] = isMilestone;
			return size++;
		}

		public Builder link(int predecessor, int successor, LinkKind linkKind, int lagDays) {
			ensureLinkCapacity(links + 1);
			add(predecessor, successor, linkKind.ordinal(), lagDays);
			return this;
		}

		/**
		 * Adds many links at once from parallel arrays, link {@code l} going from {@code from[l]}
		 * to {@code to[l]} with kind {@code kind[l]} (a {@link LinkKind} ordinal: 0 FS, 1 SS, 2 FF,
		 * 3 SF) and lag {@code lag[l]}. Checked as {@link #link} checks one; the arrays are
		 * copied. When a link is refused, the links before it stay added.
		 */
		public Builder links(int[] from, int[] to, byte[] kind, int[] lag) {
			int count = from.length;
			if (to.length != count || kind.length != count || lag.length != count) {
				throw new IllegalArgumentException("Link arrays differ in length: " + count + ", " + to.length + ", "
						+ kind.length + ", " + lag.length);
			}
			ensureLinkCapacity(links + count);
			for (int l = 0; l < count; l++) {
				int k = kind[l];
				if (k < 0 || k > 3) {
					throw new IllegalArgumentException("Unknown link kind " + k + " in link " + from[l] + " → " + to[l]);
				}
				add(from[l], to[l], k, lag[l]);
			}
			return this;
		}

		private void add(int predecessor, int successor, int kindCode, int lagDays) {
			if (predecessor < 0 || predecessor >= size || successor < 0 || successor >= size) {
				throw new IllegalArgumentException("Unknown activity in link " + predecessor + " → " + successor);
			}
			if (predecessor == successor) {
				throw new CycleFoundException(List.of(predecessor, predecessor));
			}
			if (lagDays > MAX_LAG || lagDays < -MAX_LAG) {
				throw new IllegalArgumentException("A lag cannot exceed " + MAX_LAG + " working days either way: "
						+ KINDS[kindCode] + " " + predecessor + " → " + successor + " with " + lagDays);
			}
			from[links] = predecessor;
			to[links] = successor;
			packed[links] = pack(kindCode, lagDays);
			outDegree[predecessor]++;
			inDegree[successor]++;
			links++;
		}

		private void ensureLinkCapacity(int wanted) {
			if (wanted > from.length) {
				int grown = Math.max(wanted, from.length * 2);
				from = Arrays.copyOf(from, grown);
				to = Arrays.copyOf(to, grown);
				packed = Arrays.copyOf(packed, grown);
			}
		}

		public int size() {
			return size;
		}

		/** Compiles the network; the builder stays as it was and can go on or build again. */
		public Network build() {
			int[] succStart = new int[size + 1];
			int sum = 0;
			for (int i = 0; i < size; i++) {
				sum += outDegree[i];
				succStart[i] = sum;
			}
			// each row fills from its end, taking the links backwards, so that rows keep the links'
			// order and succStart[i] ends at the row's first link
			int[] succ = new int[links];
			int[] succLink = new int[links];
			for (int l = links - 1; l >= 0; l--) {
				int at = --succStart[from[l]];
				succ[at] = to[l];
				succLink[at] = packed[l];
			}
			succStart[size] = links;
			return inTopologicalOrder(size, Arrays.copyOf(duration, size), Arrays.copyOf(milestone, size), succStart,
					succ, succLink, Arrays.copyOf(inDegree, size));
		}

	}

}
