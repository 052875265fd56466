package dev.milepost.schedule.realdata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.exact.Constraint;
import dev.milepost.schedule.engine.exact.LagCalendar;
import dev.milepost.schedule.engine.exact.WorkCalendar;

/**
 * A plan read from a real project file in the exact engine's units: durations, lags and floats
 * in working minutes, dates as moments ({@link WorkCalendar#moment}), calendars with their work
 * periods and exceptions (index 0 the project's), per-activity calendars, constraints, the
 * outline, progress. What the file's tool computed is kept beside, as read.
 *
 * @param lagCalendar where the file's tool counts lags (MS Project: successor; P6: its setting)
 * @param dataDate the data date (a moment) or null
 * @param reportedFinish the project finish the tool computed (a moment), or null
 * @param progressOverride the project schedules started work by progress override, not retained logic
 */
record ExactPlan(String source, List<WorkCalendar> calendars, LagCalendar lagCalendar, int projectStart,
		Integer dataDate, Integer reportedFinish, boolean progressOverride, List<Activity> activities,
		List<Link> links) {

	ExactPlan {
		calendars = List.copyOf(calendars);
		activities = List.copyOf(activities);
		links = List.copyOf(links);
	}

	Activity activity(String id) {
		return activities.stream()
			.filter(activity -> activity.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(source + " has no activity " + id));
	}

	/** A plan with some activities' durations replaced, by id (minutes). */
	ExactPlan withDurations(java.util.Map<String, Integer> minutes) {
		List<Activity> changed = activities.stream()
			.map(a -> minutes.containsKey(a.id()) ? a.withMinutes(minutes.get(a.id())) : a)
			.toList();
		return new ExactPlan(source, calendars, lagCalendar, projectStart, dataDate, reportedFinish, progressOverride,
				changed, links);
	}

	/**
	 * One activity; a summary's minutes are ignored.
	 *
	 * @param constraintAt a moment, null with {@link Constraint#AS_SOON_AS_POSSIBLE}
	 * @param actualStart a moment, or null if not started
	 * @param actualFinish a moment, or null if not finished
	 * @param remaining working minutes left of started work
	 */
	record Activity(String id, String name, String parent, boolean summary, int minutes, int calendar,
			Constraint constraint, Integer constraintAt, Integer deadline, Integer actualStart, Integer actualFinish,
			int remaining, Reported reported) {

		Activity {
			Objects.requireNonNull(id);
			Objects.requireNonNull(constraint);
			Objects.requireNonNull(reported);
		}

		Activity withMinutes(int changed) {
			return new Activity(id, name, parent, summary, changed, calendar, constraint, constraintAt, deadline,
					actualStart, actualFinish, remaining, reported);
		}

	}

	/** The tool's early start and finish (moments), total and free float (working minutes), each null if absent. */
	record Reported(Integer start, Integer finish, Integer totalFloat, Integer freeFloat) {
	}

	record Link(String predecessor, String successor, LinkKind kind, int lagMinutes) {
	}

	/**
	 * A day-based plan (GanttProject, PSPLIB) in minutes: each working day of its calendar is
	 * 08:00–12:00 and 13:00–17:00, so a day is 480 minutes, and dates are day indices from its start.
	 */
	static ExactPlan ofDays(RealPlan plan) {
		var days = plan.calendar();
		LocalDate first = days.start();
		WorkCalendar.Builder builder = WorkCalendar.builder(plan.source());
		boolean[] weekday = new boolean[7];
		for (DayOfWeek day : DayOfWeek.values()) {
			LocalDate sample = first.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
			// a weekday works if most of its next 60 dates do (holidays are single dates)
			int working = 0;
			for (int w = 0; w < 60; w++) {
				working += days.isWorkingDay(sample.plusWeeks(w)) ? 1 : 0;
			}
			weekday[day.ordinal()] = working > 30;
			if (weekday[day.ordinal()]) {
				builder.week(day, LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0));
			}
		}
		for (LocalDate date = first.minusYears(1); date.isBefore(first.plusYears(3)); date = date.plusDays(1)) {
			if (weekday[date.getDayOfWeek().ordinal()] && !days.isWorkingDay(date)) {
				builder.exception(date, date);
			}
		}
		WorkCalendar calendar = builder.build();
		int start = WorkCalendar.moment(days.dateOf(0).atTime(8, 0));
		long origin = calendar.workBefore(start);
		List<Activity> activities = new ArrayList<>();
		for (RealPlan.Activity a : plan.activities()) {
			RealPlan.Reported r = a.reported();
			Integer snet = a.startNoEarlierThan();
			activities.add(new Activity(a.id(), a.name(), a.parent(), a.summary(), a.days() * 480, 0,
					snet == null ? Constraint.AS_SOON_AS_POSSIBLE : Constraint.START_NO_EARLIER_THAN,
					snet == null ? null : calendar.startAt(origin + snet * 480L), null, null, null, 0,
					new Reported(r.start() == null ? null : calendar.startAt(origin + r.start() * 480L),
							r.finish() == null ? null : calendar.finishAt(origin + r.finish() * 480L),
							r.totalFloat() == null ? null : r.totalFloat() * 480,
							r.freeFloat() == null ? null : r.freeFloat() * 480)));
		}
		List<Link> links = plan.links()
			.stream()
			.map(l -> new Link(l.predecessor(), l.successor(), l.kind(), l.lagDays() * 480))
			.toList();
		Integer finish = plan.reportedFinish() == null ? null : calendar.finishAt(origin + plan.reportedFinish() * 480L);
		Integer dataDate = plan.statusDate() == null ? null : calendar.startAt(origin + plan.statusDate() * 480L);
		return new ExactPlan(plan.source(), List.of(calendar), LagCalendar.SUCCESSOR, start, dataDate, finish, false,
				activities, links);
	}

}
