package dev.milepost.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusPolicy;
import dev.milepost.schedule.ProjectForecast;
import dev.milepost.schedule.Reason;

/** What the project overview shows, worked out from a forecast: nothing here decides a status. */
final class Overview {

	private Overview() {
	}

	/**
	 * A milestone's status with every figure it was decided on, as one story: the forecast and its
	 * slack, the chance of meeting the target and the P80 of the same seeded run, the reason that
	 * decided the status ({@code decidedBy}) and the others beside it ({@code notes}).
	 */
	/** Steps of a driving path the overview names. */
	static final int PATH_STEPS = 5;

	record MilestoneRow(UUID id, String name, LocalDate target, LocalDate forecast, Integer slackDays,
			MilestoneStatus status, String label, String tooltip, Reason decidedBy, List<String> notes,
			List<String> drivingPath, Forecasts.Risk risk) {

		static MilestoneRow of(ProjectForecast.MilestoneForecast m) {
			return new MilestoneRow(m.id(), m.name(), m.target(), m.forecast(), m.slackDays(), m.status(),
					Words.status(m.status()), Words.tooltip(m.name(), m.status(), m.reasons()), m.decidedBy(),
					m.reasons().stream().skip(1).map(Reason::message).toList(), m.drivingPath(), m.risk());
		}

		/** The slack in words: to spare, or late; none once achieved. */
		public String slackWords() {
			return slackDays == null || status == MilestoneStatus.ACHIEVED ? null : Words.slack(slackDays);
		}

		/**
		 * The driving path in words, its first {@link #PATH_STEPS} steps and the rest counted: a
		 * milestone of a large plan may be driven by a chain of thousands (its page shows them all).
		 */
		public String drivingPathWords() {
			String named = String.join(" → ", drivingPath.stream().limit(PATH_STEPS).toList());
			int more = drivingPath.size() - PATH_STEPS;
			return more > 0 ? named + " and " + more + " more" : named;
		}

		/** How far the chance can be trusted, shown as its help text (fragments/chance.html). */
		public String chanceHelp() {
			return Words.CHANCE_CALIBRATION;
		}

		/** The chance of meeting the target in whole percent, as the reasons say it; null when not known. */
		public String chanceWords() {
			return risk == null || risk.chanceOfMeetingTarget() == null ? null
					: MilestoneStatusPolicy.percent(risk.chanceOfMeetingTarget());
		}

	}

	/** Something happening on {@code date}: a task starting or finishing, a milestone due. */
	record Upcoming(LocalDate date, String event, ActivityKind kind, UUID id, String name) {
	}

	record Marker(UUID id, double x, String path, MilestoneStatus status, String tooltip) {
	}

	/** The timeline strip: the project's span as an axis, a diamond per milestone at its target. */
	record Strip(int width, int height, double axisY, List<DateScale.Tick> ticks, List<Marker> markers,
			Double todayX) {
	}

	/**
	 * The most milestones, upcoming events and plan-health findings the overview lists; a larger
	 * plan's are counted, and its milestones page and the API list them all.
	 */
	static final int MAX_ROWS = 50;

	/** The milestones the overview lists, of how many, and how many there are of each status. */
	record MilestoneList(List<MilestoneRow> rows, int total, Map<MilestoneStatus, Long> byStatus) {

		public boolean cut() {
			return rows.size() < total;
		}

		/** The counts in the order of the legend: {@code 1000 milestones: 12 missed, 300 at risk, …}. */
		public String countWords() {
			return total + " milestones: " + byStatus.entrySet()
				.stream()
				.map(entry -> entry.getValue() + " " + Words.status(entry.getKey()).toLowerCase(java.util.Locale.ROOT))
				.collect(java.util.stream.Collectors.joining(", "));
		}

	}

	/**
	 * Every milestone, in the forecast's order; on a plan of more than {@value #MAX_ROWS}, the
	 * {@value #MAX_ROWS} that most need a look: missed, at risk and approaching first, then the
	 * next open ones by target, achieved ones last.
	 */
	static MilestoneList milestones(ProjectForecast forecast) {
		List<ProjectForecast.MilestoneForecast> all = forecast.milestones();
		Map<MilestoneStatus, Long> byStatus = new EnumMap<>(MilestoneStatus.class);
		all.forEach(m -> byStatus.merge(m.status(), 1L, Long::sum));
		java.util.Set<UUID> shown = all.stream()
			.sorted(Comparator.comparingInt((ProjectForecast.MilestoneForecast m) -> attention(m.status()))
				.thenComparing(ProjectForecast.MilestoneForecast::target, Comparator.nullsLast(Comparator.naturalOrder())))
			.limit(MAX_ROWS)
			.map(ProjectForecast.MilestoneForecast::id)
			.collect(java.util.stream.Collectors.toSet());
		return new MilestoneList(all.stream().filter(m -> shown.contains(m.id())).map(MilestoneRow::of).toList(),
				all.size(), byStatus);
	}

	private static int attention(MilestoneStatus status) {
		return switch (status) {
			case MISSED -> 0;
			case AT_RISK -> 1;
			case APPROACHING -> 2;
			case ON_TRACK -> 3;
			case ACHIEVED -> 4;
		};
	}

	/** What starts, finishes or falls due from today through {@code days} days ahead, by date. */
	static List<Upcoming> upcoming(ProjectForecast forecast, LocalDate today, int days) {
		LocalDate last = today.plusDays(days);
		List<Upcoming> events = new ArrayList<>();
		for (ProjectForecast.Activity a : forecast.activities()) {
			if (a.done()) {
				continue;
			}
			if (a.kind() == ActivityKind.TASK) {
				if (within(a.start(), today, last)) {
					events.add(new Upcoming(a.start(), "starts", a.kind(), a.id(), a.name()));
				}
				if (within(a.finish(), today, last)) {
					events.add(new Upcoming(a.finish(), "finishes", a.kind(), a.id(), a.name()));
				}
			}
		}
		for (ProjectPlan.Milestone m : forecast.plan().milestones()) {
			if (!m.achieved() && within(m.targetDate(), today, last)) {
				events.add(new Upcoming(m.targetDate(), "due", ActivityKind.MILESTONE, m.id(), m.name()));
			}
		}
		events.sort(Comparator.comparing(Upcoming::date).thenComparing(Upcoming::kind).thenComparing(Upcoming::name));
		return events;
	}

	private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
		return date != null && !date.isBefore(first) && !date.isAfter(last);
	}

	/** The strip over the whole project, with a diamond for each milestone listed ({@code rows}). */
	static Strip strip(ProjectForecast forecast, LocalDate today, List<MilestoneRow> rows) {
		java.util.Set<UUID> listed = rows.stream().map(MilestoneRow::id).collect(java.util.stream.Collectors.toSet());
		int width = 1000;
		int height = 62;
		double axisY = 24;
		ProjectPlan plan = forecast.plan();
		LocalDate from = plan.start();
		LocalDate to = Stream.concat(Stream.of(plan.targetFinish(), forecast.finish(), from.plusDays(28)),
				forecast.milestones().stream().flatMap(m -> Stream.of(m.target(), m.forecast())))
			.filter(java.util.Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		long span = Math.max(1, ChronoUnit.DAYS.between(from, to) + 1);
		double pad = 16;
		DateScale scale = new DateScale(from, pad, (width - 2 * pad) / span);
		DateScale.Unit unit = span > 550 ? DateScale.Unit.QUARTER : span > 70 ? DateScale.Unit.MONTH
				: DateScale.Unit.WEEK;
		List<Marker> markers = new ArrayList<>();
		for (ProjectForecast.MilestoneForecast m : forecast.milestones()) {
			if (m.target() == null || !listed.contains(m.id())) {
				continue;
			}
			double x = scale.end(m.target()) - scale.pixelsPerDay() / 2;
			MilestoneRow row = MilestoneRow.of(m);
			markers.add(new Marker(m.id(), x, diamond(x, axisY, 8), m.status(), row.chanceWords() == null
					? row.tooltip() : row.tooltip() + " (" + row.chanceWords() + " chance of meeting the target)"));
		}
		Double todayX = today.isBefore(from) || today.isAfter(to) ? null : scale.x(today);
		return new Strip(width, height, axisY, scale.ticks(to, unit), markers, todayX);
	}

	static String diamond(double x, double y, double r) {
		return "M" + DateScale.round(x) + " " + DateScale.round(y - r) + " L" + DateScale.round(x + r) + " "
				+ DateScale.round(y) + " L" + DateScale.round(x) + " " + DateScale.round(y + r) + " L"
				+ DateScale.round(x - r) + " " + DateScale.round(y) + " Z";
	}

}
