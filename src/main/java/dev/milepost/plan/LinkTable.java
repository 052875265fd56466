package dev.milepost.plan;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.UUID;

/**
 * A plan's links, read-only: the {@link ProjectPlan.Link} records in order, and beside them the
 * same links as parallel arrays over the plan's activity numbering (tasks first, then milestones),
 * so that scheduling a large plan reads four arrays front to back instead of millions of records
 * and ids. Built once, when a {@link ProjectPlan} is made.
 *
 * <p>
 * A link whose ends are not yet numbered (index -1) is numbered here by id, through an
 * {@link ActivityIndex} of the plan's activities; a link that arrives numbered must name at its indices the activities its
 * ids name, or the plan is refused. A link naming an id that is no activity of the plan keeps -1
 * at that end: the plan can still be read, but it cannot be scheduled ({@link #unresolved()}).
 */
public final class LinkTable extends AbstractList<ProjectPlan.Link> implements RandomAccess {

	private static final LinkType[] TYPES = LinkType.values();

	private final ProjectPlan.Link[] links;

	private final int[] predecessors;

	private final int[] successors;

	private final byte[] types;

	private final int[] lags;

	private final int unresolved;

	// what the table was numbered against, so that a copy of the plan over the same lists reuses it
	private final List<ProjectPlan.Task> tasks;

	private final List<ProjectPlan.Milestone> milestones;

	private LinkTable(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones,
			List<ProjectPlan.Link> given) {
		this.tasks = tasks;
		this.milestones = milestones;
		int count = given.size();
		this.links = new ProjectPlan.Link[count];
		this.predecessors = new int[count];
		this.successors = new int[count];
		this.types = new byte[count];
		this.lags = new int[count];
		Numbering numbering = new Numbering(tasks, milestones);
		int firstUnresolved = -1;
		for (int l = 0; l < count; l++) {
			ProjectPlan.Link link = given.get(l);
			int predecessor = numbering.end(link, link.predecessor(), link.predecessorIndex());
			int successor = numbering.end(link, link.successor(), link.successorIndex());
			if (predecessor != link.predecessorIndex() || successor != link.successorIndex()) {
				link = new ProjectPlan.Link(link.id(), link.predecessor(), link.predecessorKind(), link.successor(),
						link.successorKind(), link.type(), link.lagDays(), predecessor, successor);
			}
			if ((predecessor < 0 || successor < 0) && firstUnresolved < 0) {
				firstUnresolved = l;
			}
			links[l] = link;
			predecessors[l] = predecessor;
			successors[l] = successor;
			types[l] = (byte) link.type().ordinal();
			lags[l] = link.lagDays();
		}
		this.unresolved = firstUnresolved;
	}

	private LinkTable(Builder builder) {
		this.tasks = builder.tasks;
		this.milestones = builder.milestones;
		int count = builder.count;
		this.links = Arrays.copyOf(builder.links, count);
		this.predecessors = Arrays.copyOf(builder.predecessors, count);
		this.successors = Arrays.copyOf(builder.successors, count);
		this.types = Arrays.copyOf(builder.types, count);
		this.lags = Arrays.copyOf(builder.lags, count);
		this.unresolved = builder.unresolved;
	}

	/**
	 * The links of a plan of these activities, numbered and checked; the same table if it was
	 * made for the same activities in the same order (a copy of a plan with progress changed,
	 * say), which costs one walk over the ids instead of checking every link again.
	 */
	static LinkTable of(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones,
			List<ProjectPlan.Link> links) {
		if (links instanceof LinkTable table && table.madeFor(tasks, milestones)) {
			return table;
		}
		return new LinkTable(tasks, milestones, links);
	}

	/**
	 * Collects the links of a plan of these activities as they are read (by ids, as stored),
	 * numbering each link's ends through an {@link ActivityIndex} as it comes: one record and one
	 * array slot per link, and no check afterwards, since the numbers come from the ids. A plan
	 * made of these activities and the table {@link Builder#build()} gives takes the table as it is.
	 */
	public static Builder builder(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones) {
		return new Builder(tasks, milestones);
	}

	private boolean madeFor(List<ProjectPlan.Task> otherTasks, List<ProjectPlan.Milestone> otherMilestones) {
		if (otherTasks == tasks && otherMilestones == milestones) {
			return true;
		}
		if (otherTasks.size() != tasks.size() || otherMilestones.size() != milestones.size()) {
			return false;
		}
		for (int i = 0, count = tasks.size(); i < count; i++) {
			if (!otherTasks.get(i).id().equals(tasks.get(i).id())) {
				return false;
			}
		}
		for (int m = 0, count = milestones.size(); m < count; m++) {
			if (!otherMilestones.get(m).id().equals(milestones.get(m).id())) {
				return false;
			}
		}
		return true;
	}

	@Override
	public ProjectPlan.Link get(int index) {
		return links[index];
	}

	@Override
	public int size() {
		return links.length;
	}

	/*
	 * The arrays below are the table's own, shared for speed (a 1M-activity plan has about 3M
	 * links): callers read them and never write to them.
	 */

	/** Each link's predecessor as an activity index (tasks first, then milestones), or -1. Shared: do not modify. */
	public int[] predecessors() {
		return predecessors;
	}

	/** Each link's successor as an activity index, or -1. Shared: do not modify. */
	public int[] successors() {
		return successors;
	}

	/** Each link's {@link LinkType} ordinal. Shared: do not modify. */
	public byte[] types() {
		return types;
	}

	/** Each link's lag in working days (negative: a lead). Shared: do not modify. */
	public int[] lags() {
		return lags;
	}

	/** The position of the first link with an end that is no activity of the plan, or -1 when every end is one. */
	public int unresolved() {
		return unresolved;
	}

	/** The type of link {@code l}, from the array. */
	public LinkType type(int l) {
		return TYPES[types[l]];
	}

	/** See {@link LinkTable#builder}. */
	public static final class Builder {

		private final List<ProjectPlan.Task> tasks;

		private final List<ProjectPlan.Milestone> milestones;

		private final ActivityIndex index;

		private ProjectPlan.Link[] links = new ProjectPlan.Link[16];

		private int[] predecessors = new int[16];

		private int[] successors = new int[16];

		private byte[] types = new byte[16];

		private int[] lags = new int[16];

		private int count;

		private int unresolved = -1;

		private UUID lastSuccessor;

		private int lastTo;

		private Builder(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones) {
			this.tasks = tasks;
			this.milestones = milestones;
			this.index = ActivityIndex.of(tasks, milestones);
		}

		/** Adds a link as stored; returns it with its ends numbered (-1 for an end that is no activity of the plan). */
		public ProjectPlan.Link add(UUID id, UUID predecessor, ActivityKind predecessorKind, UUID successor,
				ActivityKind successorKind, LinkType type, int lagDays) {
			int from = index.indexOf(predecessor);
			// links come grouped by successor (an activity's links are made with it), so the last
			// successor is usually the one again
			int to = successor.equals(lastSuccessor) ? lastTo : index.indexOf(successor);
			lastSuccessor = successor;
			lastTo = to;
			ProjectPlan.Link link = new ProjectPlan.Link(id, predecessor, predecessorKind, successor, successorKind,
					type, lagDays, from, to);
			if (count == links.length) {
				int grown = count * 2;
				links = Arrays.copyOf(links, grown);
				predecessors = Arrays.copyOf(predecessors, grown);
				successors = Arrays.copyOf(successors, grown);
				types = Arrays.copyOf(types, grown);
				lags = Arrays.copyOf(lags, grown);
			}
			if ((from < 0 || to < 0) && unresolved < 0) {
				unresolved = count;
			}
			links[count] = link;
			predecessors[count] = from;
			successors[count] = to;
			types[count] = (byte) type.ordinal();
			lags[count] = lagDays;
			count++;
			return link;
		}

		public LinkTable build() {
			return new LinkTable(this);
		}

	}

	/** Activity indices by id, built only if some link comes without its indices. */
	private static final class Numbering {

		private final List<ProjectPlan.Task> tasks;

		private final List<ProjectPlan.Milestone> milestones;

		private ActivityIndex byId;

		Numbering(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones) {
			this.tasks = tasks;
			this.milestones = milestones;
		}

		/** The index of one end: checked against the id when given, looked up when not (-1 if none). */
		int end(ProjectPlan.Link link, UUID id, int index) {
			if (index < 0) {
				return byId().indexOf(id);
			}
			if (index >= tasks.size() + milestones.size() || !idOf(index).equals(id)) {
				throw new IllegalArgumentException("Dependency " + link.id() + " gives index " + index + " for "
						+ id + ", which is not the activity numbered so in this plan");
			}
			return index;
		}

		private UUID idOf(int index) {
			int taskCount = tasks.size();
			return index < taskCount ? tasks.get(index).id() : milestones.get(index - taskCount).id();
		}

		private ActivityIndex byId() {
			if (byId == null) {
				byId = ActivityIndex.of(tasks, milestones);
			}
			return byId;
		}

	}

}
