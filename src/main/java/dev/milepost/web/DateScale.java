package dev.milepost.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps calendar days onto a chart's x axis and says where its ticks go. */
record DateScale(LocalDate from, double x0, double pixelsPerDay) {

	/** A labelled tick (or, with an empty label, only a grid line) at {@code x}. */
	record Tick(double x, String label) {
	}

	/** How finely a chart's axis is divided. */
	enum Unit {
		WEEK, MONTH, QUARTER
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	/** The left edge of a day. */
	double x(LocalDate date) {
		return round(x0 + ChronoUnit.DAYS.between(from, date) * pixelsPerDay);
	}

	/** The right edge of a day, where work finishing that day ends and a milestone on it stands. */
	double end(LocalDate date) {
		return x(date.plusDays(1));
	}

	List<Tick> ticks(LocalDate to, Unit unit) {
		List<Tick> ticks = new ArrayList<>();
		LocalDate at = switch (unit) {
			case WEEK -> from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
			case MONTH -> from.withDayOfMonth(1);
			case QUARTER -> from.withDayOfMonth(1).withMonth(((from.getMonthValue() - 1) / 3) * 3 + 1);
		};
		for (; !at.isAfter(to); at = next(at, unit)) {
			if (!at.isBefore(from)) {
				ticks.add(new Tick(x(at), label(at, unit)));
			}
		}
		return ticks;
	}

	private static LocalDate next(LocalDate date, Unit unit) {
		return switch (unit) {
			case WEEK -> date.plusWeeks(1);
			case MONTH -> date.plusMonths(1);
			case QUARTER -> date.plusMonths(3);
		};
	}

	private static String label(LocalDate date, Unit unit) {
		return switch (unit) {
			case WEEK -> DAY.format(date);
			case MONTH -> MONTH.format(date);
			case QUARTER -> "Q" + ((date.getMonthValue() - 1) / 3 + 1) + " " + date.getYear();
		};
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
