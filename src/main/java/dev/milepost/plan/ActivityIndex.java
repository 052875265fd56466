package dev.milepost.plan;

import java.util.List;
import java.util.UUID;

/**
 * A plan's activity numbers by id, as {@link ProjectPlan} numbers them: tasks first (0..tasks-1),
 * then milestones. Made for the many look-ups of reading a large plan's links (a 1M-activity plan
 * has about 3M): open addressing over an int table whose slots hold number + 1, the ids kept by
 * number as pairs of longs. A HashMap of boxed numbers took several times as long.
 */
public final class ActivityIndex {

	private final int[] slots;

	private final int mask;

	private final int shift;

	// the id of activity i: keys[2i] (most significant bits), keys[2i + 1]
	private final long[] keys;

	private ActivityIndex(int size) {
		int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1;
		this.slots = new int[capacity];
		this.mask = capacity - 1;
		this.shift = Long.numberOfLeadingZeros(capacity) + 1;
		this.keys = new long[2 * size];
	}

	/** The numbers of these activities; an id given twice names the later activity. */
	public static ActivityIndex of(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones) {
		int taskCount = tasks.size();
		ActivityIndex index = new ActivityIndex(taskCount + milestones.size());
		for (int i = 0; i < taskCount; i++) {
			index.put(tasks.get(i).id(), i);
		}
		for (int m = 0, count = milestones.size(); m < count; m++) {
			index.put(milestones.get(m).id(), taskCount + m);
		}
		return index;
	}

	private void put(UUID id, int number) {
		long msb = id.getMostSignificantBits();
		long lsb = id.getLeastSignificantBits();
		keys[2 * number] = msb;
		keys[2 * number + 1] = lsb;
		for (int slot = slot(msb, lsb);; slot = slot + 1 & mask) {
			int held = slots[slot] - 1;
			if (held < 0 || keys[2 * held] == msb && keys[2 * held + 1] == lsb) {
				slots[slot] = number + 1;
				return;
			}
		}
	}

	/** The activity's number, or -1 when the id is no activity of the plan. */
	public int indexOf(UUID id) {
		long msb = id.getMostSignificantBits();
		long lsb = id.getLeastSignificantBits();
		for (int slot = slot(msb, lsb);; slot = slot + 1 & mask) {
			int held = slots[slot] - 1;
			if (held < 0 || keys[2 * held] == msb && keys[2 * held + 1] == lsb) {
				return held;
			}
		}
	}

	private int slot(long msb, long lsb) {
		// ids need not be random in every bit (time-ordered ones are not), so mix them first
		long mixed = (msb ^ Long.rotateLeft(lsb, 32)) * 0x9E37_79B9_7F4A_7C15L;
		return (int) (mixed >>> shift);
	}

}
