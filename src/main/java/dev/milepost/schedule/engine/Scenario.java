package dev.milepost.schedule.engine;

import java.util.Arrays;

/**
 * What a schedule is computed under, beyond the network itself: durations that differ from the
 * network's (what-ifs, simulation draws), start-no-earlier-than constraints, deadlines, progress
 * and the status date. All days are working-day indices of the project calendar; a finish or a
 * deadline is a boundary (the end of the day before it). Arrays are allocated only when used.
 */
public final class Scenario {

	static final int NONE = Integer.MIN_VALUE;

	final int size;

	int[] duration;

	int[] startNoEarlierThan;

	int[] deadline;

	int[] actualStart;

	int[] actualFinish;

	int[] remaining;

	int statusDate = NONE;

	private Scenario(int size) {
		this.size = size;
	}

	public static Scenario of(Network network) {
		return new Scenario(network.size);
	}

	/** A copy whose arrays can be changed without touching this one. */
	public Scenario copy() {
		Scenario copy = new Scenario(size);
		copy.duration = duration == null ? null : duration.clone();
		copy.startNoEarlierThan = startNoEarlierThan == null ? null : startNoEarlierThan.clone();
		copy.deadline = deadline == null ? null : deadline.clone();
		copy.actualStart = actualStart == null ? null : actualStart.clone();
		copy.actualFinish = actualFinish == null ? null : actualFinish.clone();
		copy.remaining = remaining == null ? null : remaining.clone();
		copy.statusDate = statusDate;
		return copy;
	}

	public Scenario duration(int activity, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("A duration cannot be negative: " + days);
		}
		duration = filled(duration, -1);
		duration[activity] = days;
		return this;
	}

	/** Replaces every duration at once (simulation draws); the array is used as it is. */
	public Scenario durations(int[] days) {
		if (days.length != size) {
			throw new IllegalArgumentException("Expected " + size + " durations, got " + days.length);
		}
		duration = days;
		return this;
	}

	public Scenario startNoEarlierThan(int activity, int day) {
		startNoEarlierThan = filled(startNoEarlierThan, NONE);
		startNoEarlierThan[activity] = day;
		return this;
	}

	/** The boundary by which the activity must finish (for a milestone: its target). */
	public Scenario deadline(int activity, int boundary) {
		deadline = filled(deadline, Integer.MAX_VALUE);
		deadline[activity] = boundary;
		return this;
	}

	/** Work done: started on day {@code start}, finished at boundary {@code finish}. */
	public Scenario done(int activity, int start, int finish) {
		if (finish < start) {
			throw new IllegalArgumentException("Activity " + activity + " cannot finish before it starts");
		}
		actualStart = filled(actualStart, NONE);
		actualFinish = filled(actualFinish, NONE);
		actualStart[activity] = start;
		actualFinish[activity] = finish;
		return this;
	}

	/** Work under way: started on day {@code start}, with {@code remainingDays} left from the status date. */
	public Scenario inProgress(int activity, int start, int remainingDays) {
		if (remainingDays < 0) {
			throw new IllegalArgumentException("Remaining work cannot be negative: " + remainingDays);
		}
		actualStart = filled(actualStart, NONE);
		remaining = filled(remaining, -1);
		actualStart[activity] = start;
		remaining[activity] = remainingDays;
		return this;
	}

	/** Work not yet started cannot start before the status date; work under way resumes there. */
	public Scenario statusDate(int day) {
		statusDate = day;
		return this;
	}

	/** The remaining working days of work under way, or -1 when none was given. */
	public int remaining(int activity) {
		return remaining == null ? -1 : remaining[activity];
	}

	/** The actual start of the activity, or null when it has not started. */
	public Integer actualStart(int activity) {
		return actualStart == null || actualStart[activity] == NONE ? null : actualStart[activity];
	}

	int duration(Network network, int activity) {
		if (duration != null) {
			int days = duration[activity];
			if (days >= 0) {
				return days;
			}
		}
		return network.duration[activity];
	}

	private int[] filled(int[] array, int empty) {
		if (array != null) {
			return array;
		}
		int[] created = new int[size];
		Arrays.fill(created, empty);
		return created;
	}

}
