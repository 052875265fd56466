package dev.milepost.automation.definition;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Maps a place within a condition's CEL text to a line and column of the YAML text. */
final class ConditionPlaces {

	private ConditionPlaces() {
	}

	/** @return {line, column}, both 1-based, in the YAML text */
	static int[] locate(ScalarNode node, ConditionIssue issue, String source) {
		Mark start = node.getStartMark();
		int line = start.getLine();
		int column = start.getColumn();
		DumperOptions.ScalarStyle style = node.getScalarStyle();
		if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
			// the block's indentation is that of its first line; deeper lines keep their extra spaces
			int contentLine = line + issue.line();
			return new int[] { contentLine + 1, indentation(source, line + 1) + issue.column() + 1 };
		}
		int quote = style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
				? 1 : 0;
		if (issue.line() <= 1) {
			return new int[] { line + 1, column + quote + issue.column() + 1 };
		}
		int contentLine = line + issue.line() - 1;
		return new int[] { contentLine + 1, indentation(source, contentLine) + issue.column() + 1 };
	}

	private static int indentation(String source, int lineIndex) {
		String[] lines = source.split("\n", -1);
		if (lineIndex < 0 || lineIndex >= lines.length) {
			return 0;
		}
		String text = lines[lineIndex];
		int i = 0;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		return i;
	}

}
