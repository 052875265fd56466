package dev.milepost.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.ProjectForecast;

/**
 * The geometry of a Gantt chart: rows of bars and diamonds, dependency arrows, ghost bars of a
 * baseline and a today line, in SVG user units. Only numbers are computed here; names go into the
 * SVG as text nodes by the template, so they are escaped like any other text.
 * <p>
 * The chart draws a window of at most {@link #WINDOW} rows of the whole plan (ordered by start),
 * on the date axis of the whole plan; the page moves the window. Arrows are drawn between rows of
 * the window.
 */
record GanttChart(int width, int height, int labelWidth, int headerHeight, List<DateScale.Tick> ticks,
		List<Row> rows, List<Arrow> arrows, Double todayX, LocalDate today, Window window) {

	/** Rows drawn at once: a screenful many times over, and a page of a few hundred KB at most. */
	static final int WINDOW = 200;

	/** Rows the window opens with before the first unfinished activity, for context. */
	static final int LEAD = 5;

	/** Which rows of {@code total} are drawn: from {@code from} (0-based), {@code size} of them. */
	record Window(int from, int size, int total) {

		public int first() {
			return size == 0 ? 0 : from + 1;
		}

		public int last() {
			return from + size;
		}

		public boolean partial() {
			return total > size;
		}

		public boolean hasEarlier() {
			return from > 0;
		}

		public boolean hasLater() {
			return from + size < total;
		}

		public int earlierFrom() {
			return Math.max(0, from - WINDOW);
		}

		public int laterFrom() {
			return from + size;
		}

	}

	/** How many pixels a day gets, and how the axis is labelled. */
	enum Zoom {

		WEEK(20, DateScale.Unit.WEEK), MONTH(5, DateScale.Unit.MONTH), QUARTER(1.8, DateScale.Unit.QUARTER);

		final double pixelsPerDay;

		final DateScale.Unit unit;

		Zoom(double pixelsPerDay, DateScale.Unit unit) {
			this.pixelsPerDay = pixelsPerDay;
			this.unit = unit;
		}

	}

	static final int ROW = 28;

	static final int LABEL_WIDTH = 240;

	static final int HEADER = 30;

	static final int LABEL_CHARACTERS = 34;

	/**
	 * One activity's row. A task has a bar ({@code x}, {@code w}); a milestone a diamond path. A
	 * ghost, where the baseline has the activity, shows where it was then.
	 */
	record Row(UUID id, ActivityKind kind, String name, String label, String tooltip, double y, double textY,
			double x, double w, double barY, double barHeight, String diamond, boolean critical, boolean done,
			Double ghostX, Double ghostW, double ghostY, String ghostDiamond, boolean even) {

		public boolean milestone() {
			return kind == ActivityKind.MILESTONE;
		}

	}

	record Arrow(String path, boolean critical, String tooltip) {
	}

	public int rowHeight() {
		return ROW;
	}

	/**
	 * Where the chart opens scrolled to: a little before today, or before the first unfinished work
	 * when today is off the chart, so a long plan does not open on months already past.
	 */
	public double scrollX() {
		double at = todayX != null ? todayX
				: rows.stream().filter(r -> !r.done()).mapToDouble(Row::x).min().orElse(labelWidth);
		return Math.max(0, at - labelWidth - 80);
	}

	/**
	 * The chart of the rows from {@code firstRow} (0-based; past the end, the last window); null
	 * opens a little before the first unfinished activity.
	 */
	static GanttChart of(ProjectForecast forecast, Map<UUID, Forecasts.Span> baseline, Zoom zoom, LocalDate today,
			Integer firstRow) {
		ProjectPlan plan = forecast.plan();
		List<ProjectForecast.Activity> ordered = forecast.activities()
			.stream()
			.sorted(Comparator.comparing(ProjectForecast.Activity::start)
				.thenComparing(ProjectForecast.Activity::finish)
				.thenComparing(ProjectForecast.Activity::kind)
				.thenComparing(ProjectForecast.Activity::name))
			.toList();
		LocalDate from = Stream.concat(Stream.of(plan.start()),
				Stream.concat(ordered.stream().map(ProjectForecast.Activity::start),
						baseline.values().stream().map(Forecasts.Span::start)))
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElseThrow()
			.minusDays(3);
		LocalDate to = Stream.concat(Stream.of(plan.targetFinish(), forecast.finish()),
				Stream.concat(ordered.stream().map(ProjectForecast.Activity::finish),
						baseline.values().stream().map(Forecasts.Span::finish)))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.plusDays(10);
		DateScale scale = new DateScale(from, LABEL_WIDTH, zoom.pixelsPerDay);
		int width = (int) Math.ceil(scale.end(to)) + 10;
		int start = start(ordered, firstRow);
		int end = Math.min(ordered.size(), start + WINDOW);
		Map<UUID, Row> rows = new HashMap<>();
		List<Row> list = new ArrayList<>();
		for (int i = start; i < end; i++) {
			Row row = row(ordered.get(i), i - start, i % 2 == 0, scale, baseline.get(ordered.get(i).id()));
			rows.put(row.id(), row);
			list.add(row);
		}
		List<Arrow> arrows = new ArrayList<>();
		for (ProjectPlan.Link link : plan.links()) {
			Row a = rows.get(link.predecessor());
			Row b = rows.get(link.successor());
			if (a != null && b != null) {
				arrows.add(arrow(a, b, link));
			}
		}
		int height = HEADER + Math.max(1, list.size()) * ROW + 8;
		Double todayX = today.isBefore(from) || today.isAfter(to) ? null : scale.x(today);
		return new GanttChart(width, height, LABEL_WIDTH, HEADER, scale.ticks(to, zoom.unit), list, arrows, todayX,
				today, new Window(start, end - start, ordered.size()));
	}

	private static int start(List<ProjectForecast.Activity> ordered, Integer from) {
		if (from != null) {
			return Math.max(0, Math.min(from, ordered.size() - WINDOW));
		}
		for (int i = 0; i < ordered.size(); i++) {
			if (!ordered.get(i).done()) {
				return Math.max(0, Math.min(i - LEAD, ordered.size() - WINDOW));
			}
		}
		return Math.max(0, ordered.size() - WINDOW);
	}

	private static Row row(ProjectForecast.Activity a, int index, boolean even, DateScale scale,
			Forecasts.Span then) {
		double top = HEADER + index * ROW;
		double barY = top + 6;
		double barHeight = 12;
		double ghostY = top + 20;
		String tooltip = a.name() + ": " + (a.kind() == ActivityKind.MILESTONE ? a.finish()
				: a.start() + " to " + a.finish()) + ", float " + a.totalFloat() + " working days"
				+ (a.critical() ? ", critical" : "") + (a.done() ? ", done" : "")
				+ (then == null ? "" : "; baseline " + (a.kind() == ActivityKind.MILESTONE ? then.finish()
						: then.start() + " to " + then.finish()));
		String label = Words.fit(a.name(), LABEL_CHARACTERS);
		if (a.kind() == ActivityKind.MILESTONE) {
			double x = scale.end(a.finish());
			Double ghostX = then == null || then.finish() == null ? null : scale.end(then.finish());
			return new Row(a.id(), a.kind(), a.name(), label, tooltip, top, top + 18, x, 0, barY, barHeight,
					Overview.diamond(x, top + 12, 7), a.critical(), a.done(), ghostX, null, ghostY,
					ghostX == null ? null : Overview.diamond(ghostX, top + 12, 7), even);
		}
		double x = scale.x(a.start());
		double w = Math.max(2, scale.end(a.finish()) - x);
		Double ghostX = then == null || then.start() == null ? null : scale.x(then.start());
		Double ghostW = ghostX == null ? null : Math.max(2, scale.end(then.finish()) - ghostX);
		return new Row(a.id(), a.kind(), a.name(), label, tooltip, top, top + 18, x, w, barY, barHeight, null,
				a.critical(), a.done(), ghostX, ghostW, ghostY, null, even);
	}

	/**
	 * An elbow from the predecessor's end (finish or start, as the link type says) to the
	 * successor's; the SVG marker draws the head in the direction of the last segment.
	 */
	private static Arrow arrow(Row from, Row to, ProjectPlan.Link link) {
		boolean fromStart = link.type() == LinkType.SS || link.type() == LinkType.SF;
		boolean toFinish = link.type() == LinkType.FF || link.type() == LinkType.SF;
		double x1 = from.milestone() ? from.x() : fromStart ? from.x() : from.x() + from.w();
		double x2 = to.milestone() ? to.x() + (toFinish ? 7 : -7) : toFinish ? to.x() + to.w() : to.x();
		double y1 = from.y() + 12;
		double y2 = to.y() + 12;
		double out = fromStart ? x1 - 6 : x1 + 6;
		double in = toFinish ? x2 + 8 : x2 - 8;
		double midY = to.y() > from.y() ? to.y() + 1 : to.y() + ROW - 1;
		String path;
		if ((!fromStart && !toFinish && in >= out) || (fromStart && toFinish && in <= out)) {
			path = "M" + r(x1) + " " + r(y1) + " H" + r(in) + " V" + r(y2) + " H" + r(x2);
		}
		else {
			path = "M" + r(x1) + " " + r(y1) + " H" + r(out) + " V" + r(midY) + " H" + r(in) + " V" + r(y2) + " H"
					+ r(x2);
		}
		String lag = link.lagDays() == 0 ? "" : (link.lagDays() > 0 ? " +" : " ") + link.lagDays() + " days";
		return new Arrow(path, from.critical() && to.critical(), from.name() + " → " + to.name() + " ("
				+ link.type() + lag + ")");
	}

	private static double r(double value) {
		return DateScale.round(value);
	}

}
