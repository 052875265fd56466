package dev.milepost.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import dev.milepost.schedule.Forecasts;

/**
 * Milestone trend analysis as SVG geometry: each status date (x) against the forecast made on it
 * (y), the target as a line, and the diagonal where a forecast would equal its own status date.
 * A flat line is a milestone holding its date; a rising one is slipping.
 */
record TrendChart(int width, int height, double left, double top, double right, double bottom,
		List<Point> points, String line, List<Tick> xTicks, List<Tick> yTicks, Double targetY, String diagonal) {

	record Point(double x, double y, String tooltip) {
	}

	record Tick(double at, String label) {
	}

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

	static TrendChart of(List<Forecasts.TrendPoint> trend, LocalDate target, LocalDate today) {
		int width = 640;
		int height = 280;
		double left = 74;
		double top = 14;
		double right = width - 40;
		double bottom = height - 34;
		LocalDate xMin = trend.stream().map(Forecasts.TrendPoint::statusDate).min(Comparator.naturalOrder()).orElse(today);
		LocalDate xMax = Stream.concat(trend.stream().map(Forecasts.TrendPoint::statusDate), Stream.of(today))
			.max(Comparator.naturalOrder())
			.orElseThrow();
		if (!xMax.isAfter(xMin)) {
			xMin = xMin.minusDays(7);
			xMax = xMax.plusDays(7);
		}
		LocalDate yMin = Stream.concat(trend.stream().map(Forecasts.TrendPoint::forecast), Stream.of(target))
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(today)
			.minusDays(7);
		LocalDate yMax = Stream.concat(trend.stream().map(Forecasts.TrendPoint::forecast), Stream.of(target))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(today)
			.plusDays(7);
		Axis x = new Axis(xMin, xMax, left, right);
		Axis y = new Axis(yMin, yMax, bottom, top);
		List<Point> points = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (Forecasts.TrendPoint point : trend) {
			if (point.forecast() == null) {
				continue;
			}
			double px = x.at(point.statusDate());
			double py = y.at(point.forecast());
			points.add(new Point(px, py, "On " + point.statusDate() + " the forecast was " + point.forecast()));
			line.append(line.isEmpty() ? "M" : " L").append(px).append(' ').append(py);
		}
		LocalDate lo = xMin.isAfter(yMin) ? xMin : yMin;
		LocalDate hi = xMax.isBefore(yMax) ? xMax : yMax;
		String diagonal = lo.isBefore(hi)
				? "M" + x.at(lo) + " " + y.at(lo) + " L" + x.at(hi) + " " + y.at(hi) : null;
		return new TrendChart(width, height, left, top, right, bottom, points, line.toString(), x.ticks(),
				y.ticks(), target == null ? null : y.at(target), diagonal);
	}

	/** A date axis from {@code from} (at pixel {@code start}) to {@code to} (at {@code end}). */
	private record Axis(LocalDate from, LocalDate to, double start, double end) {

		double at(LocalDate date) {
			double span = ChronoUnit.DAYS.between(from, to);
			return DateScale.round(start + (end - start) * ChronoUnit.DAYS.between(from, date) / span);
		}

		List<Tick> ticks() {
			long span = ChronoUnit.DAYS.between(from, to);
			List<Tick> ticks = new ArrayList<>();
			for (int i = 0; i <= 4; i++) {
				LocalDate date = from.plusDays(Math.round(span * i / 4.0));
				ticks.add(new Tick(at(date), LABEL.format(date)));
			}
			return ticks;
		}

	}

}
