package dev.milepost.schedule.engine.exact;

import java.util.Arrays;

/**
 * Work done as of a data date: actual starts and finishes, and the remaining working minutes of
 * work in progress. Work not started waits for the data date; finished work keeps its actual
 * dates; work in progress keeps its actual start and does its remaining minutes from the data date
 * on. How work in progress treats predecessors that are not finished is the project's choice:
 * <ul>
 * <li><b>retained logic</b> (the default, as P6 and MS Project default): the remaining work still
 * waits for its predecessors, as if it had not started;</li>
 * <li><b>progress override</b>: started work no longer waits for anything but the data date.</li>
 * </ul>
 */
public final class Progress {

	final int dataDate;

	final int[] actualStart;

	final int[] actualFinish;

	// remaining working minutes of started work; -1 where not given (the duration less the work
	// between the actual start and the data date, at least 0)
	final int[] remaining;

	boolean retainedLogic = true;

	private Progress(int size, int dataDate) {
		this.dataDate = dataDate;
		actualStart = new int[size];
		actualFinish = new int[size];
		remaining = new int[size];
		Arrays.fill(actualStart, ExactNetwork.NONE);
		Arrays.fill(actualFinish, ExactNetwork.NONE);
		Arrays.fill(remaining, -1);
	}

	/** No work done yet, the data date a moment (see {@link WorkCalendar#moment}). */
	public static Progress asOf(ExactNetwork network, int dataDate) {
		return new Progress(network.size, dataDate);
	}

	/** Work in progress: started at {@code start}, {@code remainingMinutes} of work left. */
	public Progress started(int activity, int start, int remainingMinutes) {
		check(activity, start);
		if (remainingMinutes < 0) {
			throw new IllegalArgumentException("Remaining work cannot be negative: " + remainingMinutes);
		}
		actualStart[activity] = start;
		actualFinish[activity] = ExactNetwork.NONE;
		remaining[activity] = remainingMinutes;
		return this;
	}

	/** Finished work: both actual dates, neither after the data date. */
	public Progress finished(int activity, int start, int finish) {
		check(activity, start);
		if (finish < start || finish > dataDate) {
			throw new IllegalArgumentException("Activity " + activity + " cannot finish at " + finish
					+ ": before its start or after the data date");
		}
		actualStart[activity] = start;
		actualFinish[activity] = finish;
		remaining[activity] = 0;
		return this;
	}

	/** Started work stops waiting for its predecessors (P6's progress override). */
	public Progress progressOverride() {
		retainedLogic = false;
		return this;
	}

	public Progress retainedLogic() {
		retainedLogic = true;
		return this;
	}

	public boolean isRetainedLogic() {
		return retainedLogic;
	}

	public int dataDate() {
		return dataDate;
	}

	private void check(int activity, int start) {
		if (activity < 0 || activity >= actualStart.length) {
			throw new IllegalArgumentException("Unknown activity " + activity);
		}
		if (start > dataDate) {
			throw new IllegalArgumentException("Activity " + activity + " cannot have started after the data date");
		}
	}

}
