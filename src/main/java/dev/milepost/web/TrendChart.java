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
 * Milestone trend analysis as SVG geometry: each recorded change, at its status date (x) against
 * the forecast it made (y), the target as a line, and the diagonal where a forecast would equal
 * its own status date. A forecast holds until the next change, so the line steps: flat while the
 * milestone holds its date, up where it slipped; several changes on one day stand one above the
 * other on that day, in the order they happened, the day's last one drawn solid. The line runs on
 * to today at the last forecast.
 */
record TrendChart(int width, int height, double left, double top, double right, double bottom,
		List<Point> points, String line, List<Tick> xTicks, List<Tick> yTicks, Double targetY, String diagonal) {

	/** A recorded change; {@code latest} is the last one of its day, the forecast the day ended with. */
	record Point(double x, double y, boolean latest, String tooltip) {
	}

	record Tick(double at, String label) {
	}

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(java.time.ZoneOffset.UTC);

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
		List<Forecasts.TrendPoint> known = trend.stream().filter(p -> p.forecast() != null).toList();
		List<Point> points = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < known.size(); i++) {
			Forecasts.TrendPoint point = known.get(i);
			double px = x.at(point.statusDate());
			double py = y.at(point.forecast());
			boolean latest = i == known.size() - 1 || !known.get(i + 1).statusDate().equals(point.statusDate());
			points.add(new Point(px, py, latest, tooltip(point)));
			line.append(line.isEmpty() ? "M" + px + " " + py : " H" + px + " V" + py);
		}
		if (!line.isEmpty()) {
			line.append(" H").append(x.at(today));
		}
		LocalDate lo = xMin.isAfter(yMin) ? xMin : yMin;
		LocalDate hi = xMax.isBefore(yMax) ? xMax : yMax;
		String diagonal = lo.isBefore(hi)
				? "M" + x.at(lo) + " " + y.at(lo) + " L" + x.at(hi) + " " + y.at(hi) : null;
		return new TrendChart(width, height, left, top, right, bottom, points, line.toString(), x.ticks(),
				y.ticks(), target == null ? null : y.at(target), diagonal);
	}

	private static String tooltip(Forecasts.TrendPoint point) {
		String status = point.status() == null ? ""
				: " (" + Words.status(point.status()).toLowerCase(Locale.ROOT) + ")";
		return "On " + point.statusDate() + " at " + TIME.format(point.recordedAt()) + " the forecast was "
				+ point.forecast() + status;
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
