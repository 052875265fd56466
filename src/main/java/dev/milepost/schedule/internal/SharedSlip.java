package dev.milepost.schedule.internal;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.engine.Estimates;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * The slip the status's Monte Carlo run shares among all the work of an iteration (see
 * {@link Estimates.Builder#shared}): its spread is a setting, its centre is fitted from the
 * project's own history, the finished tasks' actual working days against what their estimates
 * expected (the PERT mean), shrunk towards no slip while few tasks are finished. Plain Java.
 *
 * @param shift the log of the median factor all remaining work is drawn with
 * @param spread the spread of the factor's log
 * @param finished how many finished tasks the shift was fitted from
 */
record SharedSlip(double shift, double spread, int finished) {

	static final SharedSlip NONE = new SharedSlip(0, 0, 0);

	/** How many finished tasks' worth of "no slip" the fit starts from. */
	static final int PRIOR_TASKS = 5;

	static SharedSlip fit(ProjectPlan plan, WorkingCalendar calendar, double spread) {
		if (spread <= 0) {
			return NONE;
		}
		double sum = 0;
		int n = 0;
		for (ProjectPlan.Task task : plan.tasks()) {
			if (task.actualStart() == null || task.actualFinish() == null || task.durationDays() <= 0) {
				continue;
			}
			int took = calendar.endOf(task.actualFinish()) - calendar.dayIndex(task.actualStart());
			if (took <= 0) {
				continue;
			}
			sum += Math.log(took / expected(task));
			n++;
		}
		return new SharedSlip(sum / (n + PRIOR_TASKS), spread, n);
	}

	/** The days the estimate expects: its PERT mean, or the default spread's around the duration. */
	private static double expected(ProjectPlan.Task task) {
		if (task.optimistic() != null && task.mostLikely() != null && task.pessimistic() != null) {
			return Math.max(0.5, (task.optimistic() + 4.0 * task.mostLikely() + task.pessimistic()) / 6);
		}
		double d = task.durationDays();
		return (d * (1 - Estimates.DEFAULT_UNDER) + 4 * d + d * (1 + Estimates.DEFAULT_OVER)) / 6;
	}

}
