package dev.milepost.common;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Puts texts that may or may not end a sentence (reasons, criteria, people's own words) into
 * generated messages without doubled or clashing punctuation: no "..", ".;" or ".)".
 */
public final class Sentences {

	private Sentences() {
	}

	/** The text ending with exactly one full stop, unless it ends with other closing punctuation already. */
	public static String end(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty() || trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?")
				|| trimmed.endsWith("…")) {
			return trimmed;
		}
		return trimmed + ".";
	}

	/** The text without its closing full stop, to go inside a sentence (before ";", ")" or ":"). */
	public static String bare(String text) {
		String trimmed = text.strip();
		return trimmed.endsWith(".") && !trimmed.endsWith("...") ? trimmed.substring(0, trimmed.length() - 1)
				: trimmed;
	}

	/** Sentences one after another, each ended once, separated by a space. */
	public static String join(Collection<String> sentences) {
		return sentences.stream().filter(s -> !s.isBlank()).map(Sentences::end).collect(Collectors.joining(" "));
	}

}
