package dev.milepost.schedule.realdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * A plan read from a real project file, already in the engine's units: durations and lags in
 * working days, constraints as day indices, dates the file's tool computed as boundaries of
 * {@link #calendar()} (see {@link DayBoundaries}). Every reader produces one, so the tests do
 * not care which format a plan came from.
 *
 * @param source the file name, for messages
 * @param calendar the project calendar, day 0 at the project start
 * @param activities in file order; summaries included, marked as such
 * @param links between activities, by id
 * @param statusDate the data date as a day index (work not started waits for it), or null
 * @param reportedFinish the project finish the file's tool computed (a boundary), or null
 */
record RealPlan(String source, WorkingCalendar calendar, List<Activity> activities, List<Link> links,
		Integer statusDate, Integer reportedFinish) {

	RealPlan {
		activities = List.copyOf(activities);
		links = List.copyOf(links);
	}

	Activity activity(String id) {
		return activities.stream()
			.filter(activity -> activity.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(source + " has no activity " + id));
	}

	List<Activity> leaves() {
		return activities.stream().filter(activity -> !activity.summary()).toList();
	}

	List<Activity> summaries() {
		return activities.stream().filter(Activity::summary).toList();
	}

	/** Links counted by kind, for checking a reader against the counts in SOURCES.md. */
	Map<LinkKind, Long> linkKinds() {
		Map<LinkKind, Long> counts = new LinkedHashMap<>();
		links.forEach(link -> counts.merge(link.kind(), 1L, Long::sum));
		return counts;
	}

	/**
	 * One activity. {@code days} is the engine's duration (0 for milestones); a summary's own
	 * duration is ignored, the engine spans its children instead.
	 *
	 * @param parent the id of the enclosing summary, or null at the top level
	 * @param startNoEarlierThan a day index, or null
	 * @param reported what the file's tool computed, field by field null where the file is silent
	 */
	record Activity(String id, String name, String parent, int days, boolean milestone, boolean summary,
			Integer startNoEarlierThan, Reported reported) {

		Activity {
			Objects.requireNonNull(id);
			Objects.requireNonNull(reported);
			if (milestone && days != 0) {
				throw new IllegalArgumentException("Milestone " + id + " has a duration of " + days + " days");
			}
		}

	}

	/**
	 * What the file's own scheduler computed for an activity: early start (a day index) and early
	 * finish (a boundary), total and free float in days, and whether it marked the activity
	 * critical or on the driving path.
	 */
	record Reported(Integer start, Integer finish, Integer totalFloat, Integer freeFloat, Boolean critical) {

		static final Reported NOTHING = new Reported(null, null, null, null, null);

	}

	record Link(String predecessor, String successor, LinkKind kind, int lagDays) {
	}

	/** Collects a plan while a reader walks its file. */
	static final class Builder {

		private final String source;

		private final List<Activity> activities = new ArrayList<>();

		private final List<Link> links = new ArrayList<>();

		Builder(String source) {
			this.source = source;
		}

		Builder activity(Activity activity) {
			activities.add(activity);
			return this;
		}

		Builder link(String predecessor, String successor, LinkKind kind, int lagDays) {
			links.add(new Link(predecessor, successor, kind, lagDays));
			return this;
		}

		RealPlan build(WorkingCalendar calendar, Integer statusDate, Integer reportedFinish) {
			return new RealPlan(source, calendar, activities, links, statusDate, reportedFinish);
		}

	}

}
