package dev.milepost.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkTable;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.TaskTable;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * A generated plan in two forms over the same numbering: raw arrays (durations, and links as
 * parallel from/to/kind/lag arrays with the engine's kind codes) for the bare pass and the engine,
 * and on demand a {@link ProjectPlan} with UUIDs, as the application holds it, for the mapping
 * (made from rows as the application reads them, numbering the links' ends as it does).
 * Each milestone has a target date (a deadline for the engine) some weeks after its layer's
 * expected start, so some are met and some are missed.
 */
public record GeneratedPlan(int size, int tasks, int[] duration, boolean[] milestone, int[] layer, int links,
		int[] from, int[] to, byte[] kind, int[] lag, LocalDate start, Set<DayOfWeek> workingDays,
		Set<LocalDate> holidays, long seed) {

	public static final long SEED = 20260105L;

	public WorkingCalendar calendar() {
		return new WorkingCalendar(start, workingDays, holidays);
	}

	/** The target date of milestone {@code activity}: working day (layer + 1) × 17, counted from the start. */
	public LocalDate targetDate(WorkingCalendar calendar, int activity) {
		return calendar.dateOf((layer[activity] + 1) * 17);
	}

	/** The milestones' deadlines as the engine takes them: [activity, boundary] pairs. */
	public int[][] deadlines() {
		WorkingCalendar calendar = calendar();
		int[][] deadlines = new int[size - tasks][];
		for (int i = tasks; i < size; i++) {
			deadlines[i - tasks] = new int[] { i, calendar.endOf(targetDate(calendar, i)) };
		}
		return deadlines;
	}

	/** The rows of a plan as {@code PlanQueries} reads them, before they make a {@link ProjectPlan}. */
	public record Rows(List<ProjectPlan.Task> tasks, List<ProjectPlan.Milestone> milestones,
			List<ProjectPlan.Link> links) {
	}

	/**
	 * The plan as the application holds it after reading it from the database: made from
	 * {@link #rows()} as {@code PlanQueries} makes it.
	 */
	public ProjectPlan projectPlan() {
		return projectPlan(rows());
	}

	/**
	 * A {@link ProjectPlan} of these rows, made as {@code PlanQueries} makes one: the tasks as a
	 * {@link TaskTable} (durations as an array), each link as read goes to a {@link LinkTable.Builder}, which numbers its ends through an index of the
	 * activities' ids and makes its record and array slots; the plan takes the table as it is.
	 */
	public ProjectPlan projectPlan(Rows rows) {
		List<ProjectPlan.Task> tasks = TaskTable.of(rows.tasks());
		LinkTable.Builder numbered = LinkTable.builder(tasks, rows.milestones());
		for (ProjectPlan.Link link : rows.links()) {
			numbered.add(link.id(), link.predecessor(), link.predecessorKind(), link.successor(), link.successorKind(),
					link.type(), link.lagDays());
		}
		return new ProjectPlan(new UUID(seed, size), "BENCH", "Generated plan of " + size + " activities", "sponsor",
				"manager", start, null, "ACTIVE", workingDays, holidays, List.of(), tasks, rows.milestones(),
				List.of(), numbered.build());
	}

	/**
	 * The plan's rows as read from the database: records with random (version 4) UUIDs, every
	 * link in creation order holding UUID objects of its own for its ends (as a JDBC row does)
	 * and no indices yet.
	 */
	public Rows rows() {
		Random random = new Random(seed ^ 0x5DEECE66DL);
		long[] msb = new long[size];
		long[] lsb = new long[size];
		for (int i = 0; i < size; i++) {
			msb[i] = random.nextLong() & ~0xF000L | 0x4000L;
			lsb[i] = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
		}
		WorkingCalendar calendar = calendar();
		List<ProjectPlan.Task> taskList = new ArrayList<>(tasks);
		for (int i = 0; i < tasks; i++) {
			taskList.add(new ProjectPlan.Task(new UUID(msb[i], lsb[i]), "Task " + i, duration[i], 0, null, null, null,
					null, null, null, List.of()));
		}
		List<ProjectPlan.Milestone> milestones = new ArrayList<>(size - tasks);
		for (int i = tasks; i < size; i++) {
			milestones.add(new ProjectPlan.Milestone(new UUID(msb[i], lsb[i]), "Milestone " + i,
					targetDate(calendar, i), "owner", dev.milepost.plan.CriterionKind.OWNER_CONFIRMATION, "confirmed", null, null, List.of(), null,
					null));
		}
		LinkType[] types = LinkType.values();
		List<ProjectPlan.Link> linkList = new ArrayList<>(links);
		for (int l = 0; l < links; l++) {
			int p = from[l];
			int s = to[l];
			linkList.add(new ProjectPlan.Link(new UUID(random.nextLong(), random.nextLong()), new UUID(msb[p], lsb[p]),
					kindOf(p), new UUID(msb[s], lsb[s]), kindOf(s), types[kind[l]], lag[l]));
		}
		return new Rows(taskList, milestones, linkList);
	}

	private ActivityKind kindOf(int activity) {
		return milestone[activity] ? ActivityKind.MILESTONE : ActivityKind.TASK;
	}

	public String describe() {
		int[] kinds = new int[4];
		int lags = 0;
		int leads = 0;
		for (int l = 0; l < links; l++) {
			kinds[kind[l]]++;
			lags += lag[l] > 0 ? 1 : 0;
			leads += lag[l] < 0 ? 1 : 0;
		}
		return String.format(
				"%d activities (%d tasks, %d milestones) in %d layers, %d links (%.2f per activity): "
						+ "FS %.1f %%, SS %.1f %%, FF %.1f %%, SF %.1f %%; lags %.1f %%, leads %.1f %%; %d holidays",
				size, tasks, size - tasks, java.util.Arrays.stream(layer).max().orElse(0) + 1, links,
				(double) links / size, 100.0 * kinds[0] / links,
				100.0 * kinds[1] / links, 100.0 * kinds[2] / links, 100.0 * kinds[3] / links, 100.0 * lags / links,
				100.0 * leads / links, holidays.size());
	}

}
