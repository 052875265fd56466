package dev.milepost.plan;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A plan's tasks, read-only: the {@link ProjectPlan.Task} records in order, and beside them what
 * scheduling reads of every task as arrays: the durations, and which tasks have a planned or an
 * actual start (the only ones a schedule's constraints and progress concern). Built once, when a
 * {@link ProjectPlan} is made, so that scheduling a large plan does not walk a million records.
 */
public final class TaskTable extends AbstractList<ProjectPlan.Task> implements RandomAccess {

	private final ProjectPlan.Task[] tasks;

	private final int[] durations;

	private final int[] held;

	private TaskTable(List<ProjectPlan.Task> given) {
		int count = given.size();
		this.tasks = new ProjectPlan.Task[count];
		this.durations = new int[count];
		int[] starts = new int[8];
		int heldCount = 0;
		for (int i = 0; i < count; i++) {
			ProjectPlan.Task task = given.get(i);
			tasks[i] = task;
			durations[i] = task.durationDays();
			if (task.plannedStart() != null || task.actualStart() != null) {
				if (heldCount == starts.length) {
					starts = Arrays.copyOf(starts, heldCount * 2);
				}
				starts[heldCount++] = i;
			}
		}
		this.held = Arrays.copyOf(starts, heldCount);
	}

	/** These tasks as a table; the same table if they are one already. */
	public static TaskTable of(List<ProjectPlan.Task> tasks) {
		return tasks instanceof TaskTable table ? table : new TaskTable(tasks);
	}

	@Override
	public ProjectPlan.Task get(int index) {
		return tasks[index];
	}

	@Override
	public int size() {
		return tasks.length;
	}

	/** Each task's duration in working days. Shared: do not modify. */
	public int[] durations() {
		return durations;
	}

	/** The indices of the tasks with a planned start or an actual start, in order. Shared: do not modify. */
	public int[] held() {
		return held;
	}

}
