package dev.milepost.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates realistic plans for the benchmarks: a layered DAG in which each activity (outside the
 * first layer) has 1 to 5 predecessors, 3 on average, drawn from the previous three layers; about
 * 80 % finish-to-start, 10 % start-to-start, 5 % finish-to-finish and 5 % start-to-finish links;
 * lags mostly 0, some positive, a few negative; about 5 % milestones, tasks of 1 to 20 days; a
 * Monday-to-Friday calendar with ten holidays a year. The same seed gives the same plan.
 *
 * <p>
 * Activities are created layer by layer, as a planner would, and numbered as
 * {@code PlanMapping} numbers them: tasks first in creation order, then milestones. Links come
 * in creation order too (each activity's links right after it), which is the order in which the
 * application reads them back ({@code order by created_at}).
 */
public final class PlanGenerator {

	static final LocalDate START = LocalDate.of(2026, 1, 5);

	static final Set<DayOfWeek> WORKING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	// month and day of ten yearly holidays; one on a weekend is observed on the nearest weekday
	private static final int[][] HOLIDAYS = { { 1, 1 }, { 4, 10 }, { 5, 1 }, { 5, 25 }, { 7, 4 }, { 9, 7 },
			{ 11, 26 }, { 12, 24 }, { 12, 25 }, { 12, 31 } };

	private PlanGenerator() {
	}

	public static GeneratedPlan generate(int activities, long seed) {
		Random random = new Random(seed);
		int layers = Math.max(4, (int) Math.round(Math.sqrt(activities) / 4));
		// the creation order c = 0..activities-1 runs layer by layer; layer l holds [layerStart[l], layerStart[l+1])
		int[] layerStart = new int[layers + 1];
		for (int l = 0; l <= layers; l++) {
			layerStart[l] = (int) ((long) l * activities / layers);
		}
		boolean[] milestoneAt = new boolean[activities];
		int milestones = 0;
		for (int c = 0; c < activities; c++) {
			milestoneAt[c] = random.nextInt(20) == 0;
			if (milestoneAt[c]) {
				milestones++;
			}
		}
		int tasks = activities - milestones;
		// index of each created activity as PlanMapping numbers it
		int[] indexOf = new int[activities];
		int[] duration = new int[activities];
		boolean[] milestone = new boolean[activities];
		int[] layerOf = new int[activities];
		for (int c = 0, task = 0, mark = tasks, l = 0; c < activities; c++) {
			while (c >= layerStart[l + 1]) {
				l++;
			}
			int at = milestoneAt[c] ? mark++ : task++;
			indexOf[c] = at;
			layerOf[at] = l;
			milestone[at] = milestoneAt[c];
			duration[at] = milestoneAt[c] ? 0 : 1 + random.nextInt(20);
		}
		LinkArrays links = links(random, activities, layers, layerStart, indexOf);
		int years = layers * 20 / 250 + 2;
		return new GeneratedPlan(activities, tasks, duration, milestone, layerOf, links.count, links.from, links.to,
				links.kind, links.lag, START, WORKING_DAYS, holidays(START.getYear(), years), seed);
	}

	private record LinkArrays(int count, int[] from, int[] to, byte[] kind, int[] lag) {
	}

	private static LinkArrays links(Random random, int activities, int layers, int[] layerStart, int[] indexOf) {
		int capacity = activities * 3 + 16;
		int[] from = new int[capacity];
		int[] to = new int[capacity];
		byte[] kind = new byte[capacity];
		int[] lag = new int[capacity];
		int count = 0;
		int[] chosen = new int[5];
		for (int l = 1; l < layers; l++) {
			for (int c = layerStart[l]; c < layerStart[l + 1]; c++) {
				int wanted = 1 + random.nextInt(5);
				int picked = 0;
				for (int attempt = 0; picked < wanted && attempt < 2 * wanted; attempt++) {
					int draw = random.nextInt(100);
					int back = Math.min(l, draw < 60 ? 1 : draw < 85 ? 2 : 3);
					int width = layerStart[l - back + 1] - layerStart[l - back];
					int predecessor = layerStart[l - back] + random.nextInt(width);
					if (contains(chosen, picked, predecessor)) {
						continue;
					}
					chosen[picked++] = predecessor;
					if (count == from.length) {
						int grown = count + count / 2;
						from = Arrays.copyOf(from, grown);
						to = Arrays.copyOf(to, grown);
						kind = Arrays.copyOf(kind, grown);
						lag = Arrays.copyOf(lag, grown);
					}
					from[count] = indexOf[predecessor];
					to[count] = indexOf[c];
					kind[count] = kind(random.nextInt(100));
					lag[count] = lag(random);
					count++;
				}
			}
		}
		return new LinkArrays(count, Arrays.copyOf(from, count), Arrays.copyOf(to, count),
				Arrays.copyOf(kind, count), Arrays.copyOf(lag, count));
	}

	private static boolean contains(int[] values, int count, int value) {
		for (int i = 0; i < count; i++) {
			if (values[i] == value) {
				return true;
			}
		}
		return false;
	}

	/** The engine's code (LinkKind ordinal): 80 % FS, 10 % SS, 5 % FF, 5 % SF. */
	private static byte kind(int percent) {
		if (percent < 80) {
			return 0;
		}
		if (percent < 90) {
			return 1;
		}
		return (byte) (percent < 95 ? 2 : 3);
	}

	/** 85 % no lag, 12 % a lag of 1 to 5 days, 3 % a lead of 1 to 3 days. */
	private static int lag(Random random) {
		int draw = random.nextInt(100);
		if (draw < 85) {
			return 0;
		}
		return draw < 97 ? 1 + random.nextInt(5) : -1 - random.nextInt(3);
	}

	static Set<LocalDate> holidays(int firstYear, int years) {
		Set<LocalDate> days = new TreeSet<>();
		for (int year = firstYear; year < firstYear + years; year++) {
			for (int[] monthDay : HOLIDAYS) {
				LocalDate day = LocalDate.of(year, monthDay[0], monthDay[1]);
				if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
					day = day.minusDays(1);
				}
				else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
					day = day.plusDays(1);
				}
				days.add(day);
			}
		}
		return days;
	}

	/** Quick look at what a seed gives: {@code java -cp benchmarks.jar dev.milepost.bench.PlanGenerator 100000}. */
	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		System.out.println(generate(size, GeneratedPlan.SEED).describe());
	}

}
