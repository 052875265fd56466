package dev.milepost.schedule.engine;

import java.util.Arrays;

/**
 * Counts of int values over a window that widens when a value falls outside it. A worker keeps
 * one per tracked activity; after the first iterations the window covers what the simulation
 * produces and adding a value is an index and an increment.
 */
final class Histogram {

	private static final int INITIAL = 64;

	private int offset;

	private int[] counts;

	Histogram(int around) {
		this.offset = around - INITIAL / 4;
		this.counts = new int[INITIAL];
	}

	void add(int value) {
		int index = value - offset;
		if (index < 0 || index >= counts.length) {
			widen(value);
			index = value - offset;
		}
		counts[index]++;
	}

	void addAll(Histogram other) {
		for (int i = 0; i < other.counts.length; i++) {
			int count = other.counts[i];
			if (count != 0) {
				int value = other.offset + i;
				if (value < offset || value >= offset + counts.length) {
					widen(value);
				}
				counts[value - offset] += count;
			}
		}
	}

	/** At least doubles the window, with room to spare on the side the value fell. */
	private void widen(int value) {
		int low = Math.min(offset, value);
		int high = Math.max(offset + counts.length, value + 1);
		int length = Math.max(counts.length * 2, (high - low) * 3 / 2);
		int newOffset = value < offset ? high - length : low;
		int[] widened = new int[length];
		System.arraycopy(counts, 0, widened, offset - newOffset, counts.length);
		counts = widened;
		offset = newOffset;
	}

	FinishDistribution toDistribution(int iterations, int target) {
		int first = 0;
		while (first < counts.length && counts[first] == 0) {
			first++;
		}
		int last = counts.length - 1;
		while (last > first && counts[last] == 0) {
			last--;
		}
		return new FinishDistribution(offset + first, Arrays.copyOfRange(counts, first, last + 1), iterations, target);
	}

}
