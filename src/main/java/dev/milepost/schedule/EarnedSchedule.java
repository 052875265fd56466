package dev.milepost.schedule;

import java.util.List;

/**
 * Earned schedule (Lipke): the time at which the plan expected to have earned what has been
 * earned so far, against the time actually spent. Each task's planned value is its duration in
 * working days, spread evenly over its planned days; its earned value is that times its percent
 * complete. ES is where the planned-value curve reaches the earned value (interpolated between
 * days); AT is the working days from the project start to the status date;
 * SPI(t) = ES / AT and SV(t) = ES − AT (negative: behind).
 */
public record EarnedSchedule(double plannedValue, double earnedValue, double earnedScheduleDays,
		int actualTimeDays, Double spiT, double svTDays) {

	/** One task as earned schedule needs it: planned start and finish (day, boundary), value, progress. */
	public record Work(int plannedStart, int plannedFinish, double value, double fractionDone) {
	}

	public static EarnedSchedule of(List<Work> work, int statusDay) {
		double earned = 0;
		int horizon = 0;
		for (Work w : work) {
			earned += w.value() * w.fractionDone();
			horizon = Math.max(horizon, w.plannedFinish());
		}
		double plannedNow = plannedValue(work, statusDay);
		double es;
		if (earned <= 0) {
			es = 0;
		}
		else if (earned >= plannedValue(work, horizon)) {
			es = horizon;
		}
		else {
			// the largest whole day whose planned value does not exceed what is earned, then interpolate
			int low = 0;
			int high = horizon;
			while (low < high) {
				int mid = (low + high + 1) >>> 1;
				if (plannedValue(work, mid) <= earned) {
					low = mid;
				}
				else {
					high = mid - 1;
				}
			}
			double atLow = plannedValue(work, low);
			double atNext = plannedValue(work, low + 1);
			es = low + (atNext > atLow ? (earned - atLow) / (atNext - atLow) : 0);
		}
		int actual = Math.max(0, statusDay);
		Double spi = actual == 0 ? null : es / actual;
		return new EarnedSchedule(plannedNow, earned, es, actual, spi, es - actual);
	}

	/** Planned value earned by the boundary {@code day}: each task pro rata over its planned days. */
	static double plannedValue(List<Work> work, int day) {
		double value = 0;
		for (Work w : work) {
			if (day >= w.plannedFinish()) {
				value += w.value();
			}
			else if (day > w.plannedStart() && w.plannedFinish() > w.plannedStart()) {
				value += w.value() * (day - w.plannedStart()) / (double) (w.plannedFinish() - w.plannedStart());
			}
		}
		return value;
	}

}
