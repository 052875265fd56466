package dev.milepost.feed.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.ProjectForecast;
import dev.milepost.schedule.Reason;

/**
 * A project's milestones as an iCalendar (RFC 5545) text: one all-day event per milestone on its
 * target date, the status in the summary and categories, the forecast and reasons in the
 * description, a UID that stays the same for the milestone's life (so calendars update events in
 * place), and a link to the milestone's page. Lines end in CRLF and are folded at 75 octets.
 */
final class MilestoneCalendar {

	static final String PRODUCT = "-//Milepost//Milestone feed//EN";

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private MilestoneCalendar() {
	}

	static String write(ProjectForecast forecast, String baseUrl, Instant now) {
		ProjectPlan plan = forecast.plan();
		Map<UUID, ProjectPlan.Milestone> milestones = plan.milestones()
			.stream()
			.collect(Collectors.toMap(ProjectPlan.Milestone::id, Function.identity()));
		List<String> lines = new ArrayList<>();
		lines.add("BEGIN:VCALENDAR");
		lines.add("VERSION:2.0");
		lines.add("PRODID:" + PRODUCT);
		lines.add("CALSCALE:GREGORIAN");
		lines.add("METHOD:PUBLISH");
		lines.add("X-WR-CALNAME:" + text(plan.key() + " milestones"));
		lines.add("X-WR-CALDESC:" + text("Milestones of " + plan.name() + " from Milepost"));
		lines.add("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
		lines.add("X-PUBLISHED-TTL:PT1H");
		for (ProjectForecast.MilestoneForecast m : forecast.milestones()) {
			if (m.target() == null) {
				continue;
			}
			ProjectPlan.Milestone planned = milestones.get(m.id());
			String status = words(m.status());
			lines.add("BEGIN:VEVENT");
			lines.add("UID:" + m.id() + "@milepost");
			lines.add("DTSTAMP:" + STAMP.format(now));
			lines.add("DTSTART;VALUE=DATE:" + DATE.format(m.target()));
			lines.add("DTEND;VALUE=DATE:" + DATE.format(m.target().plusDays(1)));
			lines.add("SUMMARY:" + text(m.name() + " [" + status + "]"));
			lines.add("DESCRIPTION:" + text(description(m, planned, status)));
			lines.add("CATEGORIES:" + text("Milestone") + "," + text(status));
			lines.add("STATUS:CONFIRMED");
			lines.add("TRANSP:TRANSPARENT");
			lines.add("URL:" + baseUrl + "/projects/" + plan.key() + "/milestones/" + m.id());
			lines.add("END:VEVENT");
		}
		lines.add("END:VCALENDAR");
		StringBuilder out = new StringBuilder();
		for (String line : lines) {
			fold(line, out);
		}
		return out.toString();
	}

	private static String description(ProjectForecast.MilestoneForecast m, ProjectPlan.Milestone planned,
			String status) {
		StringBuilder text = new StringBuilder();
		text.append("Status: ").append(status).append('\n');
		text.append("Target: ").append(m.target()).append('\n');
		if (m.status() == MilestoneStatus.ACHIEVED && planned != null && planned.achievedAt() != null) {
			text.append("Achieved: ").append(planned.achievedAt().atZone(ZoneOffset.UTC).toLocalDate());
		}
		else {
			text.append("Forecast: ").append(m.forecast() == null ? "none" : m.forecast());
			LocalDate forecast = m.forecast();
			if (forecast != null && !forecast.equals(m.target())) {
				long days = java.time.temporal.ChronoUnit.DAYS.between(m.target(), forecast);
				text.append(" (").append(Math.abs(days)).append(Math.abs(days) == 1 ? " day " : " days ")
					.append(days > 0 ? "after" : "before").append(" the target)");
			}
		}
		if (planned != null && planned.owner() != null) {
			text.append('\n').append("Owner: ").append(planned.owner());
		}
		for (Reason reason : m.reasons()) {
			text.append('\n').append("- ").append(reason.message());
		}
		return text.toString();
	}

	static String words(MilestoneStatus status) {
		return switch (status) {
			case ACHIEVED -> "Achieved";
			case ON_TRACK -> "On track";
			case APPROACHING -> "Approaching";
			case AT_RISK -> "At risk";
			case MISSED -> "Missed";
		};
	}

	/** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as {@code \n}. */
	static String text(String value) {
		StringBuilder out = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\n' -> out.append("\\n");
				case '\r' -> {
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						continue;
					}
					out.append("\\n");
				}
				default -> out.append(c < 0x20 && c != '\t' ? ' ' : c);
			}
		}
		return out.toString();
	}

	/**
	 * RFC 5545 §3.1: a content line longer than 75 octets continues on lines starting with one
	 * space; a break never falls inside a UTF-8 character (nor between a surrogate pair).
	 */
	static void fold(String line, StringBuilder out) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
