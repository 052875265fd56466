package dev.milepost.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.milepost.schedule.Forecasts;

/**
 * One finish distribution drawn twice, on the same date axis: a histogram of the iterations per
 * finish day, and the S-curve of the share finished by each day. P50 / P80 / P95 and the target
 * are vertical lines on both. Only numbers and short labels are computed here; the template writes
 * them into SVG attributes and text nodes.
 */
record SimulationChart(int width, int height, double left, double right, double top, double bottom,
		List<Bar> bars, String curve, List<Line> lines, List<Tick> ticks, List<Tick> counts, List<Tick> shares) {

	/** A histogram bar; {@code tooltip} says the day and how many iterations finished on it. */
	record Bar(double x, double y, double w, double h, String tooltip) {
	}

	/** A vertical line with its label ({@code kind}: p50, p80, p95 or target). */
	record Line(String kind, double x, String label, double labelY, String anchor, String tooltip) {
	}

	/** An axis label at {@code at} (x for dates, y for counts and shares). */
	record Tick(double at, String label) {
	}

	static final int WIDTH = 640;

	static final int HEIGHT = 230;

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

	static SimulationChart of(Forecasts.Outcome outcome, LocalDate target) {
		double left = 50;
		double right = WIDTH - 16;
		double top = 46;
		double bottom = HEIGHT - 28;
		LocalDate from = Stream.of(outcome.earliest(), target)
			.filter(java.util.Objects::nonNull)
			.min(LocalDate::compareTo)
			.orElseThrow()
			.minusDays(1);
		LocalDate to = Stream.of(outcome.latest(), target)
			.filter(java.util.Objects::nonNull)
			.max(LocalDate::compareTo)
			.orElseThrow()
			.plusDays(2);
		double perDay = (right - left) / Math.max(1, ChronoUnit.DAYS.between(from, to));
		DateScale scale = new DateScale(from, left, perDay);
		int most = outcome.bins().stream().mapToInt(Forecasts.Bin::count).max().orElse(1);
		most = Math.max(1, most);
		List<Bar> bars = new ArrayList<>();
		StringBuilder curve = new StringBuilder();
		double barWidth = Math.max(1, DateScale.round(perDay * 0.8));
		for (Forecasts.Bin bin : outcome.bins()) {
			double x = scale.x(bin.date());
			double h = DateScale.round((bottom - top) * bin.count() / most);
			if (bin.count() > 0) {
				bars.add(new Bar(x, DateScale.round(bottom - h), barWidth, h,
						bin.date() + ": " + bin.count() + " iterations finish that day, "
								+ percent(bin.cumulative()) + " by then"));
			}
			double y = DateScale.round(bottom - (bottom - top) * bin.cumulative());
			double end = scale.end(bin.date());
			curve.append(curve.isEmpty() ? "M" + x + " " + bottom + " L" : " L").append(x).append(' ').append(y)
				.append(" L").append(end).append(' ').append(y);
		}
		if (!curve.isEmpty()) {
			curve.append(" L").append(right).append(' ').append(top); // everything has finished by then
		}
		List<Line> lines = new ArrayList<>();
		line(lines, "target", target, "target", 12, scale, right);
		line(lines, "p50", outcome.p50(), "P50", 23, scale, right);
		line(lines, "p80", outcome.p80(), "P80", 34, scale, right);
		line(lines, "p95", outcome.p95(), "P95", 45 - 1, scale, right);
		List<Tick> ticks = new ArrayList<>();
		long span = ChronoUnit.DAYS.between(from, to);
		for (int i = 0; i <= 4; i++) {
			LocalDate date = from.plusDays(Math.round(span * i / 4.0));
			ticks.add(new Tick(scale.x(date), LABEL.format(date)));
		}
		List<Tick> counts = List.of(new Tick(bottom, "0"), new Tick(top, String.valueOf(most)));
		List<Tick> shares = new ArrayList<>();
		for (int share : new int[] { 0, 50, 80, 100 }) {
			shares.add(new Tick(DateScale.round(bottom - (bottom - top) * share / 100.0), share + " %"));
		}
		return new SimulationChart(WIDTH, HEIGHT, left, right, top, bottom, bars, curve.toString(), lines, ticks,
				counts, shares);
	}

	/** Lines stand at the end of their day, where work finishing that day is done. */
	private static void line(List<Line> lines, String kind, LocalDate date, String label, double labelY,
			DateScale scale, double right) {
		if (date == null) {
			return;
		}
		double x = scale.end(date) - 0.5;
		boolean nearRight = x > right - 60;
		lines.add(new Line(kind, DateScale.round(x), label + " " + date, labelY, nearRight ? "end" : "start",
				label + ": " + date));
	}

	static String percent(double share) {
		return Math.round(share * 100) + " %";
	}

}
