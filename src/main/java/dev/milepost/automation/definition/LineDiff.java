package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based unified diff from a longest common subsequence of lines (blueprints are small: at
 * most 64 KB). Lines are compared exactly.
 */
final class LineDiff {

	/** Lines of unchanged context around each change. */
	static final int CONTEXT = 3;

	/** Above this many cells the LCS table is not built; the texts are shown as wholly replaced. */
	private static final long MAX_CELLS = 4_000_000;

	/** One line of the edit script: {@code ' '} kept, {@code '-'} removed, {@code '+'} added. */
	record Line(char op, String text, int oldNumber, int newNumber) {
	}

	private LineDiff() {
	}

	static List<Line> script(String before, String after) {
		String[] a = lines(before);
		String[] b = lines(after);
		List<Line> script = new ArrayList<>();
		if ((long) a.length * b.length > MAX_CELLS) {
			for (int i = 0; i < a.length; i++) {
				script.add(new Line('-', a[i], i + 1, 0));
			}
			for (int j = 0; j < b.length; j++) {
				script.add(new Line('+', b[j], 0, j + 1));
			}
			return script;
		}
		int[][] lcs = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				script.add(new Line(' ', a[i], ++i, ++j));
			}
			else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
				script.add(new Line('-', a[i], ++i, 0));
			}
			else {
				script.add(new Line('+', b[j], 0, ++j));
			}
		}
		return script;
	}

	/** The unified diff text, with {@link #CONTEXT} lines of context; empty when nothing changed. */
	static String unified(String before, String after, String beforeName, String afterName) {
		List<Line> script = script(before, after);
		StringBuilder out = new StringBuilder();
		int k = 0;
		while (k < script.size()) {
			if (script.get(k).op() == ' ') {
				k++;
				continue;
			}
			int start = Math.max(0, k - CONTEXT);
			int end = k;
			int lastChange = k;
			while (end < script.size() && end - lastChange <= 2 * CONTEXT) {
				if (script.get(end).op() != ' ') {
					lastChange = end;
				}
				end++;
			}
			end = Math.min(script.size(), lastChange + CONTEXT + 1);
			if (out.isEmpty()) {
				out.append("--- ").append(beforeName).append('\n').append("+++ ").append(afterName).append('\n');
			}
			hunk(out, script.subList(start, end), script, start);
			k = end;
		}
		return out.toString();
	}

	private static void hunk(StringBuilder out, List<Line> hunk, List<Line> script, int start) {
		int oldStart = 1;
		int newStart = 1;
		for (int i = 0; i < start; i++) {
			if (script.get(i).op() != '+') {
				oldStart++;
			}
			if (script.get(i).op() != '-') {
				newStart++;
			}
		}
		int oldCount = (int) hunk.stream().filter(l -> l.op() != '+').count();
		int newCount = (int) hunk.stream().filter(l -> l.op() != '-').count();
		out.append("@@ -").append(oldCount == 0 ? oldStart - 1 : oldStart).append(',').append(oldCount)
			.append(" +").append(newCount == 0 ? newStart - 1 : newStart).append(',').append(newCount).append(" @@\n");
		for (Line line : hunk) {
			out.append(line.op()).append(line.text()).append('\n');
		}
	}

	private static String[] lines(String text) {
		if (text.isEmpty()) {
			return new String[0];
		}
		String normalized = text.replace("\r\n", "\n");
		if (normalized.endsWith("\n")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		return normalized.split("\n", -1);
	}

}
