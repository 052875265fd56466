package dev.milepost.schedule.realdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.exact.ExactNetwork;
import dev.milepost.schedule.engine.exact.ExactSchedule;
import dev.milepost.schedule.engine.exact.ExactScheduler;
import dev.milepost.schedule.engine.exact.Progress;
import dev.milepost.schedule.engine.exact.WorkCalendar;

/**
 * An {@link ExactPlan} through the exact engine, with its results by the file's ids, and the
 * list of every value where the engine and the file's tool disagree.
 * <p>
 * Dates are compared as instants of the activity's working time: a finish the tool writes as
 * 08:00 of the next working day is the same instant as 17:00 of the day before (both have the same
 * working time before them), which is the file's own rounding; floats are compared in minutes.
 */
final class ExactScheduledPlan {

	private final ExactPlan plan;

	private final ExactSchedule schedule;

	private final Map<String, Integer> index;

	private ExactScheduledPlan(ExactPlan plan, ExactSchedule schedule, Map<String, Integer> index) {
		this.plan = plan;
		this.schedule = schedule;
		this.index = index;
	}

	static ExactScheduledPlan of(ExactPlan plan) {
		List<WorkCalendar> calendars = plan.calendars();
		ExactNetwork.Builder builder = ExactNetwork.builder(calendars.get(0),
				calendars.subList(1, calendars.size()).toArray(WorkCalendar[]::new));
		builder.lagCalendar(plan.lagCalendar());
		Map<String, Integer> index = new HashMap<>();
		for (ExactPlan.Activity a : plan.activities()) {
			int i = a.summary() ? builder.summary() : builder.task(a.minutes(), a.calendar());
			index.put(a.id(), i);
			if (a.constraintAt() != null) {
				builder.constraint(i, a.constraint(), a.constraintAt());
			}
			else if (a.constraint() != dev.milepost.schedule.engine.exact.Constraint.AS_SOON_AS_POSSIBLE) {
				builder.constraint(i, a.constraint(), 0);
			}
			if (a.deadline() != null) {
				builder.deadline(i, a.deadline());
			}
		}
		for (ExactPlan.Activity a : plan.activities()) {
			if (a.parent() != null) {
				builder.parent(index.get(a.id()), index.get(a.parent()));
			}
		}
		for (ExactPlan.Link link : plan.links()) {
			builder.link(index.get(link.predecessor()), index.get(link.successor()), link.kind(), link.lagMinutes());
		}
		ExactNetwork network = builder.build();
		Progress progress = null;
		if (plan.dataDate() != null) {
			progress = Progress.asOf(network, plan.dataDate());
			if (plan.progressOverride()) {
				progress.progressOverride();
			}
			for (ExactPlan.Activity a : plan.activities()) {
				if (a.actualFinish() != null) {
					progress.finished(index.get(a.id()), a.actualStart(), a.actualFinish());
				}
				else if (a.actualStart() != null) {
					progress.started(index.get(a.id()), a.actualStart(), a.remaining());
				}
			}
		}
		return new ExactScheduledPlan(plan, ExactScheduler.schedule(network, plan.projectStart(), progress), index);
	}

	ExactSchedule schedule() {
		return schedule;
	}

	int finish() {
		return schedule.finish();
	}

	int earlyStart(String id) {
		return schedule.earlyStart(index.get(id));
	}

	int earlyFinish(String id) {
		return schedule.earlyFinish(index.get(id));
	}

	int totalFloat(String id) {
		return schedule.totalFloat(index.get(id));
	}

	int freeFloat(String id) {
		return schedule.freeFloat(index.get(id));
	}

	private WorkCalendar calendar(String id) {
		return schedule.network().calendar(index.get(id));
	}

	/** The project finish as the tool computed it, as an instant of the project calendar. */
	boolean finishAgrees() {
		WorkCalendar project = plan.calendars().get(0);
		return plan.reportedFinish() != null
				&& project.workBefore(plan.reportedFinish()) == project.workBefore(schedule.finish());
	}

	/**
	 * Every value where the engine and the file's tool disagree (early start and finish, total
	 * float; free float too when {@code withFreeFloat}), one line each; empty when all agree.
	 */
	List<String> disagreements(boolean withFreeFloat) {
		List<String> found = new ArrayList<>();
		if (plan.reportedFinish() != null && !finishAgrees()) {
			found.add("project finish " + shown(schedule.finish()) + " ≠ file's "
					+ (plan.reportedFinish() == null ? "none" : shown(plan.reportedFinish())));
		}
		for (ExactPlan.Activity a : plan.activities()) {
			ExactPlan.Reported r = a.reported();
			String id = a.id();
			WorkCalendar calendar = calendar(id);
			String name = a.name() + " (" + id + ")";
			if (r.start() != null && calendar.workBefore(r.start()) != calendar.workBefore(earlyStart(id))) {
				found.add(name + ": start " + shown(earlyStart(id)) + " ≠ file's " + shown(r.start()));
			}
			if (r.finish() != null && calendar.workBefore(r.finish()) != calendar.workBefore(earlyFinish(id))) {
				found.add(name + ": finish " + shown(earlyFinish(id)) + " ≠ file's " + shown(r.finish()));
			}
			if (r.totalFloat() != null && r.totalFloat() != totalFloat(id)) {
				found.add(name + ": total float " + totalFloat(id) + " min ≠ file's " + r.totalFloat() + " min");
			}
			if (withFreeFloat && r.freeFloat() != null && r.freeFloat() != freeFloat(id)) {
				found.add(name + ": free float " + freeFloat(id) + " min ≠ file's " + r.freeFloat() + " min");
			}
		}
		return found;
	}

	/** How many values the file reports and {@link #disagreements} compares, so a test can tell it compared them. */
	int compared(boolean withFreeFloat) {
		int count = plan.reportedFinish() == null ? 0 : 1;
		for (ExactPlan.Activity a : plan.activities()) {
			ExactPlan.Reported r = a.reported();
			count += (r.start() == null ? 0 : 1) + (r.finish() == null ? 0 : 1) + (r.totalFloat() == null ? 0 : 1)
					+ (withFreeFloat && r.freeFloat() != null ? 1 : 0);
		}
		return count;
	}

	private static String shown(int moment) {
		return WorkCalendar.dateTime(moment).toString();
	}

}
