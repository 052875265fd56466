package dev.milepost.schedule.engine.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.milepost.schedule.engine.CycleFoundException;
import dev.milepost.schedule.engine.LinkKind;

/**
 * An immutable activity network in minutes of working time: each activity has a duration in
 * working minutes of its own calendar (0 for a milestone), a calendar (the project's, index 0,
 * unless given), a constraint and a deadline; links carry their kind and a lag in working minutes
 * (negative for a lead) counted on the calendar {@link LagCalendar} picks. Several links may join
 * the same pair when their kinds differ; the same kind twice is refused. Summaries have children
 * (an outline) and no duration of their own.
 * <p>
 * Inside, as in the day engine, everything is int arrays in topological order, computed once
 * when the network is built, refusing a cycle then. A summary s is two nodes: s itself, its start,
 * which each child starts no earlier than (SS 0), and a finish node after the activities, which
 * each child finishes before (FS 0). Links into a summary enter its start, so they hold back
 * every child; links out of it leave its finish (FS, FF) or its start (SS, SF).
 */
public final class ExactNetwork {

	/** The longest lag or lead, in working minutes: it shares an int with the link's kind. */
	public static final int MAX_LAG = (1 << 29) - 1;

	static final int NONE = Integer.MIN_VALUE;

	// activities 0..size-1 as the caller numbered them; nodes 0..nodes-1 add a finish per summary
	final int size;

	final int nodes;

	final int[] duration;

	final WorkCalendar[] calendars;

	// calendar index of each node, null when every node is on the project calendar (index 0)
	final int[] calendarOf;

	final LagCalendar lagCalendar;

	// null when no activity has a constraint; codes are Constraint ordinals
	final byte[] constraint;

	final int[] constraintAt;

	final boolean anyAsLateAsPossible;

	// null when no activity has a deadline; NONE where one has none
	final int[] deadline;

	// parent summary of each activity, -1 at the top; finishNode of each summary, -1 for others
	final int[] parent;

	final int[] finishNode;

	final int[] topological;

	final int[] linkStart;

	final int[] succ;

	final int[] succLink;

	private ExactNetwork(Builder b, int nodes, int[] topological, int[] linkStart, int[] succ, int[] succLink,
			int[] finishNode) {
		this.size = b.size;
		this.nodes = nodes;
		this.duration = Arrays.copyOf(b.duration, nodes);
		this.calendars = b.calendars.clone();
		this.calendarOf = b.anyOwnCalendar ? Arrays.copyOf(b.calendarOf, nodes) : null;
		this.lagCalendar = b.lagCalendar;
		this.constraint = b.anyConstraint ? Arrays.copyOf(b.constraint, nodes) : null;
		this.constraintAt = b.anyConstraint ? Arrays.copyOf(b.constraintAt, nodes) : null;
		boolean alap = false;
		for (int i = 0; constraint != null && i < size && !alap; i++) {
			alap = constraint[i] == Constraint.AS_LATE_AS_POSSIBLE.ordinal();
		}
		this.anyAsLateAsPossible = alap;
		if (b.anyDeadline) {
			this.deadline = Arrays.copyOf(b.deadline, nodes);
			Arrays.fill(this.deadline, size, nodes, NONE);
		}
		else {
			this.deadline = null;
		}
		this.parent = Arrays.copyOf(b.parent, size);
		this.finishNode = finishNode;
		this.topological = topological;
		this.linkStart = linkStart;
		this.succ = succ;
		this.succLink = succLink;
	}

	static int pack(int kind, int lag) {
		return lag << 2 | kind;
	}

	static int kind(int link) {
		return link & 3;
	}

	static int lag(int link) {
		return link >> 2;
	}

	/** Every activity on one calendar with lags counted on it: the passes run in its working minutes. */
	boolean singleCalendar() {
		return calendarOf == null && lagCalendar != LagCalendar.TWENTY_FOUR_HOURS;
	}

	public static Builder builder(WorkCalendar projectCalendar, WorkCalendar... others) {
		return new Builder(16, 16, projectCalendar, others);
	}

	/** A builder with room for that many activities and links, so a large network is not copied as it grows. */
	public static Builder builder(int activities, int links, WorkCalendar projectCalendar, WorkCalendar... others) {
		return new Builder(activities, links, projectCalendar, others);
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

	public WorkCalendar calendar(int activity) {
		return calendars[calendarOf == null ? 0 : calendarOf[activity]];
	}

	public WorkCalendar projectCalendar() {
		return calendars[0];
	}

	public boolean isSummary(int activity) {
		return finishNode[activity] >= 0;
	}

	/** The enclosing summary, or -1. */
	public int parent(int activity) {
		return parent[activity];
	}

	WorkCalendar nodeCalendar(int node) {
		return calendars[calendarOf == null ? 0 : calendarOf[node]];
	}

	/** Collects activities, links and constraints; {@link #build()} compiles them and refuses a cycle. */
	public static final class Builder {

		private final WorkCalendar[] calendars;

		private LagCalendar lagCalendar = LagCalendar.SUCCESSOR;

		private int size;

		private int[] duration;

		private int[] calendarOf;

		private boolean[] summary;

		private int[] parent;

		private byte[] constraint;

		private int[] constraintAt;

		private int[] deadline;

		private boolean anyOwnCalendar;

		private boolean anyConstraint;

		private boolean anyDeadline;

		private int links;

		private int[] from;

		private int[] to;

		private int[] packed;

		Builder(int activities, int linkCapacity, WorkCalendar projectCalendar, WorkCalendar[] others) {
			int capacity = Math.max(activities, 4);
			duration = new int[capacity];
			calendarOf = new int[capacity];
			summary = new boolean[capacity];
			parent = new int[capacity];
			constraint = new byte[capacity];
			constraintAt = new int[capacity];
			deadline = new int[capacity];
			from = new int[Math.max(linkCapacity, 4)];
			to = new int[from.length];
			packed = new int[from.length];
			calendars = new WorkCalendar[others.length + 1];
			calendars[0] = Objects.requireNonNull(projectCalendar);
			for (int c = 0; c < others.length; c++) {
				calendars[c + 1] = Objects.requireNonNull(others[c]);
				if (!others[c].zone().equals(projectCalendar.zone())) {
					throw new IllegalArgumentException("Calendar " + others[c].name() + " is in " + others[c].zone()
							+ ", the project's in " + projectCalendar.zone() + "; one network keeps one zone");
				}
			}
		}

		public Builder lagCalendar(LagCalendar rule) {
			this.lagCalendar = Objects.requireNonNull(rule);
			return this;
		}

		/** Adds a task of that many working minutes on the project calendar; returns its index. */
		public int task(int minutes) {
			return task(minutes, 0);
		}

		/** Adds a task on calendar {@code calendar} (0 the project's, then the others as given). */
		public int task(int minutes, int calendar) {
			if (minutes < 0) {
				throw new IllegalArgumentException("A duration cannot be negative: " + minutes);
			}
			if (calendar < 0 || calendar >= calendars.length) {
				throw new IllegalArgumentException("No calendar " + calendar + "; there are " + calendars.length);
			}
			int index = add();
			duration[index] = minutes;
			calendarOf[index] = calendar;
			anyOwnCalendar |= calendar != 0;
			return index;
		}

		public int milestone() {
			return task(0);
		}

		/** Adds a summary: no duration of its own, it spans its children (see {@link #parent}). */
		public int summary() {
			int index = add();
			summary[index] = true;
			return index;
		}

		public Builder parent(int child, int summaryIndex) {
			check(child);
			check(summaryIndex);
			if (!summary[summaryIndex]) {
				throw new IllegalArgumentException("Activity " + summaryIndex + " is not a summary");
			}
			if (parent[child] >= 0) {
				throw new IllegalArgumentException("Activity " + child + " already has parent " + parent[child]);
			}
			parent[child] = summaryIndex;
			return this;
		}

		public Builder constraint(int activity, Constraint kind, int moment) {
			check(activity);
			constraint[activity] = (byte) kind.ordinal();
			constraintAt[activity] = moment;
			anyConstraint |= kind != Constraint.AS_SOON_AS_POSSIBLE;
			return this;
		}

		/** A deadline: it bounds the late finish (so the float), never the early dates. */
		public Builder deadline(int activity, int moment) {
			check(activity);
			deadline[activity] = moment;
			anyDeadline = true;
			return this;
		}

		public Builder link(int predecessor, int successor, LinkKind kind, int lagMinutes) {
			check(predecessor);
			check(successor);
			if (predecessor == successor) {
				throw new CycleFoundException(List.of(predecessor, predecessor));
			}
			if (lagMinutes > MAX_LAG || lagMinutes < -MAX_LAG) {
				throw new IllegalArgumentException("A lag cannot exceed " + MAX_LAG + " working minutes either way: "
						+ kind + " " + predecessor + " → " + successor + " with " + lagMinutes);
			}
			if (links == from.length) {
				from = Arrays.copyOf(from, links * 2);
				to = Arrays.copyOf(to, links * 2);
				packed = Arrays.copyOf(packed, links * 2);
			}
			from[links] = predecessor;
			to[links] = successor;
			packed[links] = pack(kind.ordinal(), lagMinutes);
			links++;
			return this;
		}

		/**
		 * Adds many links from parallel arrays: link {@code l} from {@code from[l]} to {@code to[l]},
		 * kind {@code kind[l]} (a {@link LinkKind} ordinal: 0 FS, 1 SS, 2 FF, 3 SF), lag {@code lag[l]}
		 * working minutes; checked as {@link #link} checks one. When one is refused, those before it
		 * stay added.
		 */
		public Builder links(int[] from, int[] to, byte[] kind, int[] lag) {
			int count = from.length;
			if (to.length != count || kind.length != count || lag.length != count) {
				throw new IllegalArgumentException("Link arrays differ in length: " + count + ", " + to.length + ", "
						+ kind.length + ", " + lag.length);
			}
			LinkKind[] kinds = LinkKind.values();
			if (links + count > this.from.length) {
				int grown = Math.max(links + count, this.from.length * 2);
				this.from = Arrays.copyOf(this.from, grown);
				this.to = Arrays.copyOf(this.to, grown);
				packed = Arrays.copyOf(packed, grown);
			}
			for (int l = 0; l < count; l++) {
				if (kind[l] < 0 || kind[l] > 3) {
					throw new IllegalArgumentException("Unknown link kind " + kind[l] + " in link " + from[l] + " → " + to[l]);
				}
				link(from[l], to[l], kinds[kind[l]], lag[l]);
			}
			return this;
		}

		public int size() {
			return size;
		}

		private int add() {
			if (size == duration.length) {
				int grown = size * 2;
				duration = Arrays.copyOf(duration, grown);
				calendarOf = Arrays.copyOf(calendarOf, grown);
				summary = Arrays.copyOf(summary, grown);
				parent = Arrays.copyOf(parent, grown);
				constraint = Arrays.copyOf(constraint, grown);
				constraintAt = Arrays.copyOf(constraintAt, grown);
				deadline = Arrays.copyOf(deadline, grown);
			}
			parent[size] = -1;
			deadline[size] = NONE;
			return size++;
		}

		private void check(int activity) {
			if (activity < 0 || activity >= size) {
				throw new IllegalArgumentException("Unknown activity " + activity);
			}
		}

		/** Compiles the network; the builder stays as it was. */
		public ExactNetwork build() {
			int[] finishNode = new int[size];
			int nodes = size;
			boolean anySummary = false;
			for (int i = 0; i < size; i++) {
				finishNode[i] = summary[i] ? nodes++ : -1;
				anySummary |= summary[i];
			}
			if (!anySummary) {
				return order(nodes, from, to, packed, links, finishNode);
			}
			// the links as given, summaries' links moved to their nodes, then the outline's links
			int outline = 0;
			for (int i = 0; i < size; i++) {
				outline += (parent[i] >= 0 ? 2 : 0) + (summary[i] ? 1 : 0);
			}
			int total = links + outline;
			int[] f = new int[total];
			int[] t = new int[total];
			int[] p = new int[total];
			for (int l = 0; l < links; l++) {
				int kind = kind(packed[l]);
				int pred = from[l];
				int next = to[l];
				if (summary[next] && (kind == LinkKind.FF.ordinal() || kind == LinkKind.SF.ordinal())) {
					throw new IllegalArgumentException("A " + LinkKind.values()[kind] + " link cannot end on summary "
							+ next + ": only its children set its finish");
				}
				// from a summary's finish (FS, FF); from its start (SS, SF) otherwise
				if (summary[pred] && (kind & 1) == 0) {
					pred = finishNode[pred];
				}
				f[l] = pred;
				t[l] = next;
				p[l] = packed[l];
			}
			int l = links;
			for (int i = 0; i < size; i++) {
				if (summary[i]) {
					f[l] = i;
					t[l] = finishNode[i];
					p[l++] = pack(LinkKind.FS.ordinal(), 0);
				}
				int up = parent[i];
				if (up >= 0) {
					f[l] = up;
					t[l] = i;
					p[l++] = pack(LinkKind.SS.ordinal(), 0);
					f[l] = summary[i] ? finishNode[i] : i;
					t[l] = finishNode[up];
					p[l++] = pack(LinkKind.FS.ordinal(), 0);
				}
			}
			return order(nodes, f, t, p, total, finishNode);
		}

		/**
		 * Successor rows by node (each filled from its end, so rows keep the links' order), then
		 * Kahn's algorithm copying each row into topological order as its node is taken, as the day
		 * engine does; while a row is copied, two links of one kind to one successor are refused.
		 */
		private ExactNetwork order(int nodes, int[] f, int[] t, int[] p, int count, int[] finishNode) {
			int[] succStart = new int[nodes + 1];
			int[] indegree = new int[nodes];
			for (int l = 0; l < count; l++) {
				succStart[f[l]]++;
				indegree[t[l]]++;
			}
			int sum = 0;
			for (int i = 0; i < nodes; i++) {
				sum += succStart[i];
				succStart[i] = sum;
			}
			int[] rowSucc = new int[count];
			int[] rowLink = new int[count];
			for (int l = count - 1; l >= 0; l--) {
				int at = --succStart[f[l]];
				rowSucc[at] = t[l];
				rowLink[at] = p[l];
			}
			succStart[nodes] = count;
			int[] order = new int[nodes];
			int[] linkStart = new int[nodes + 1];
			int[] succ = new int[count];
			int[] succLink = new int[count];
			int tail = 0;
			for (int i = 0; i < nodes; i++) {
				order[tail] = i;
				tail += indegree[i] == 0 ? 1 : 0;
			}
			int written = 0;
			for (int head = 0; head < tail; head++) {
				int current = order[head];
				linkStart[head] = written;
				int first = succStart[current];
				int stop = succStart[current + 1];
				if (stop - first > 1) {
					refuseSameKindTwice(current, rowSucc, rowLink, first, stop);
				}
				for (int r = first; r < stop; r++) {
					int s = rowSucc[r];
					succ[written] = s;
					succLink[written++] = rowLink[r];
					int left = --indegree[s];
					order[tail] = s;
					tail += left == 0 ? 1 : 0;
				}
			}
			if (tail < nodes) {
				int[] ff = Arrays.copyOf(f, count);
				int[] tt = Arrays.copyOf(t, count);
				throw new CycleFoundException(cycle(nodes, indegree, ff, tt));
			}
			linkStart[nodes] = written;
			return new ExactNetwork(this, nodes, order, linkStart, succ, succLink, finishNode);
		}

		/** Within one row: a short row is compared pair by pair, a long one sorted by successor and kind. */
		private void refuseSameKindTwice(int predecessor, int[] rowSucc, int[] rowLink, int first, int stop) {
			int length = stop - first;
			if (length <= 24) {
				for (int a = first; a < stop; a++) {
					for (int b = a + 1; b < stop; b++) {
						if (rowSucc[a] == rowSucc[b] && kind(rowLink[a]) == kind(rowLink[b])) {
							refuse(predecessor, rowSucc[a], kind(rowLink[a]));
						}
					}
				}
				return;
			}
			long[] keys = new long[length];
			for (int r = first; r < stop; r++) {
				keys[r - first] = (long) rowSucc[r] << 2 | kind(rowLink[r]);
			}
			Arrays.sort(keys);
			for (int k = 1; k < length; k++) {
				if (keys[k] == keys[k - 1]) {
					refuse(predecessor, (int) (keys[k] >> 2), (int) (keys[k] & 3));
				}
			}
		}

		private void refuse(int predecessor, int successor, int kind) {
			throw new IllegalArgumentException("Two " + LinkKind.values()[kind] + " links join " + activityOf(predecessor)
					+ " → " + activityOf(successor) + "; links between one pair must differ in kind");
		}

		/**
		 * Among the nodes Kahn left, each has a predecessor left too: walks back until one repeats,
		 * then names the activities in link order.
		 */
		private List<Integer> cycle(int nodes, int[] indegree, int[] f, int[] t) {
			int current = 0;
			while (indegree[current] == 0) {
				current++;
			}
			int[] seenAt = new int[nodes];
			Arrays.fill(seenAt, -1);
			List<Integer> walk = new ArrayList<>();
			while (seenAt[current] < 0) {
				seenAt[current] = walk.size();
				walk.add(current);
				for (int l = 0; l < f.length; l++) {
					if (t[l] == current && indegree[f[l]] > 0) {
						current = f[l];
						break;
					}
				}
			}
			List<Integer> nodesOnIt = new ArrayList<>(walk.subList(seenAt[current], walk.size()));
			Collections.reverse(nodesOnIt);
			List<Integer> cycle = new ArrayList<>();
			for (int node : nodesOnIt) {
				int activity = activityOf(node);
				if (cycle.isEmpty() || cycle.get(cycle.size() - 1) != activity) {
					cycle.add(activity);
				}
			}
			Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
			cycle.add(cycle.get(0));
			return cycle;
		}

		private int activityOf(int node) {
			if (node < size) {
				return node;
			}
			int k = node - size;
			for (int i = 0; i < size; i++) {
				if (summary[i] && k-- == 0) {
					return i;
				}
			}
			throw new IllegalStateException("no summary for node " + node);
		}

	}

}
