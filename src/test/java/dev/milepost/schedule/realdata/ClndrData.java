package dev.milepost.schedule.realdata;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * P6's clndr_data: nested nodes {@code (0||label(attributes)(children))}. Under DaysOfWeek,
 * days 1 (Sunday) to 7 hold their working periods {@code s|08:00|f|12:00}, none on a day off;
 * under Exceptions, each date {@code d|44557} (days since 1899-12-30) holds its periods, none
 * on a holiday.
 */
record ClndrData(Set<DayOfWeek> workingDays, List<LocalDate> holidays, LocalTime dayStart, LocalTime dayFinish) {

	private static final LocalDate SERIAL_DAY_ZERO = LocalDate.of(1899, 12, 30);

	/** The nodes as written, for readers that need the work periods themselves (see {@link ExactXerReader}). */
	static Node tree(String data) {
		return new Parser(data).node();
	}

	static ClndrData parse(String data) {
		Node root = new Parser(data).node();
		Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
		LocalTime start = LocalTime.MAX;
		LocalTime finish = LocalTime.MIN;
		for (Node day : root.child("DaysOfWeek").children()) {
			for (Node period : day.children()) {
				working.add(DayOfWeek.SUNDAY.plus(Integer.parseInt(day.label()) - 1));
				LocalTime from = LocalTime.parse(period.attribute("s"));
				LocalTime to = LocalTime.parse(period.attribute("f"));
				start = from.isBefore(start) ? from : start;
				finish = to.isAfter(finish) ? to : finish;
			}
		}
		List<LocalDate> holidays = new ArrayList<>();
		Node exceptions = root.child("Exceptions");
		for (Node exception : exceptions == null ? List.<Node>of() : exceptions.children()) {
			LocalDate date = SERIAL_DAY_ZERO.plusDays(Long.parseLong(exception.attribute("d")));
			if (!exception.children().isEmpty()) {
				throw new UnsupportedOperationException("Working hours on " + date + " differ; not read");
			}
			holidays.add(date);
		}
		return new ClndrData(working, holidays, start, finish);
	}

	record Node(String label, String attributes, List<Node> children) {

		Node child(String label) {
			return children.stream().filter(child -> child.label().equals(label)).findFirst().orElse(null);
		}

		String attribute(String key) {
			String[] parts = attributes.split("\\|");
			for (int p = 0; p + 1 < parts.length; p += 2) {
				if (parts[p].equals(key)) {
					return parts[p + 1];
				}
			}
			throw new IllegalArgumentException("No " + key + " in (" + attributes + ")");
		}

	}

	private static final class Parser {

		private final String text;

		private int at;

		Parser(String text) {
			this.text = text;
		}

		Node node() {
			expect('(');
			String header = upTo('(');
			String label = header.substring(header.indexOf("||") + 2);
			expect('(');
			String attributes = upTo(')');
			expect(')');
			expect('(');
			List<Node> children = new ArrayList<>();
			while (peek() != ')') {
				children.add(node());
			}
			expect(')');
			expect(')');
			return new Node(label.trim(), attributes, children);
		}

		private String upTo(char end) {
			int from = at;
			at = text.indexOf(end, at);
			if (at < 0) {
				throw new IllegalArgumentException("clndr_data ends early, expecting '" + end + "'");
			}
			return text.substring(from, at);
		}

		private char peek() {
			// P6 lays the nodes out with spaces and DEL characters (0x7F) where a text would break lines
			while (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '\u007f') {
				at++;
			}
			return text.charAt(at);
		}

		private void expect(char c) {
			if (peek() != c) {
				throw new IllegalArgumentException("clndr_data: expected '" + c + "' at " + at + " of " + text);
			}
			at++;
		}

	}

}
