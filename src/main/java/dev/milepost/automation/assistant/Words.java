package dev.milepost.automation.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a request into sentences of words, keeping each word's place in the original text so
 * that whatever is not understood can be pointed at. Quoted text ('…', "…", ‘…’, “…”) is one
 * word; number words become digits; a possessive 's is dropped; "at-risk" reads "at risk".
 */
final class Words {

	/** One word: where it is in the original text, how it reads there, and its normalised form. */
	record Word(int start, int end, String original, String norm, boolean quoted) {

		/** The quoted text without its quotes, or the word as written. */
		String text() {
			return quoted ? original.substring(1, original.length() - 1) : original;
		}

	}

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
			Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
			Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
			Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
			Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
			Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
			Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
			Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

	private Words() {
	}

	/** The sentences of a text: split at . ; ! ? and line breaks outside quotes. */
	static List<List<Word>> sentences(String text) {
		List<List<Word>> sentences = new ArrayList<>();
		List<Word> current = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || ((c == '.' || c == ';' || c == '!' || c == '?') && !insideWord(text, i))) {
				flush(sentences, current);
				current = new ArrayList<>();
				i++;
			}
			else if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == ',') {
				current.add(new Word(i, i + 1, ",", ",", false));
				i++;
			}
			else if (opensQuote(text, i)) {
				int close = closingQuote(text, i);
				if (close < 0) {
					i = word(text, i, current);
				}
				else {
					current.add(new Word(i, close + 1, text.substring(i, close + 1), "", true));
					i = close + 1;
				}
			}
			else {
				i = word(text, i, current);
			}
		}
		flush(sentences, current);
		return sentences;
	}

	private static void flush(List<List<Word>> sentences, List<Word> current) {
		if (!current.isEmpty()) {
			sentences.add(mergeCompoundNumbers(current));
		}
	}

	/** A full stop inside a word (an address, a version, "e.g") does not end the sentence. */
	private static boolean insideWord(String text, int i) {
		return i > 0 && i + 1 < text.length() && isWordChar(text.charAt(i - 1)) && isWordChar(text.charAt(i + 1));
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '@' || c == '-' || c == '_' || c == '/' || c == ':' || c == '%'
				|| c == '#' || c == '+' || c == '&' || c == '=' || c == '?';
	}

	private static boolean opensQuote(String text, int i) {
		char c = text.charAt(i);
		if (c == '"' || c == '\u201C' || c == '\u2018') {
			return true;
		}
		return c == '\'' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
	}

	private static int closingQuote(String text, int open) {
		char c = text.charAt(open);
		for (int j = open + 1; j < text.length(); j++) {
			char d = text.charAt(j);
			if (d == '\n') {
				return -1;
			}
			boolean closes = switch (c) {
				case '"' -> d == '"';
				case '\u201C' -> d == '\u201D' || d == '"';
				case '\u2018' -> d == '\u2019' || d == '\'';
				default -> d == '\'' && (j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)));
			};
			if (closes) {
				return j > open + 1 ? j : -1;
			}
		}
		return -1;
	}

	private static int word(String text, int i, List<Word> into) {
		int start = i;
		int j = i;
		while (j < text.length()) {
			char c = text.charAt(j);
			if (isWordChar(c) || (c == '\'' || c == '\u2019') && j + 1 < text.length()
					&& Character.isLetter(text.charAt(j + 1)) && j > start || c == '.' && insideWord(text, j)) {
				j++;
			}
			else {
				break;
			}
		}
		if (j == start) {
			j = start + 1; // a lone symbol is a word of its own
		}
		String original = text.substring(start, j);
		into.add(new Word(start, j, original, normalise(original), false));
		return j;
	}

	static String normalise(String word) {
		String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
		if (w.endsWith("'s")) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.endsWith("'")) {
			w = w.substring(0, w.length() - 1);
		}
		Integer number = NUMBERS.get(w);
		if (number != null) {
			return number.toString();
		}
		int dash = w.indexOf('-');
		if (dash > 0 && NUMBERS.containsKey(w.substring(0, dash)) && NUMBERS.containsKey(w.substring(dash + 1))) {
			return Integer.toString(NUMBERS.get(w.substring(0, dash)) + NUMBERS.get(w.substring(dash + 1)));
		}
		if (w.equals("at-risk")) {
			return "at risk";
		}
		if (w.equals("in-app")) {
			return "in app";
		}
		if (w.equals("e-mail") || w.equals("mail")) {
			return "email";
		}
		if (w.matches("\\d{1,2}(:\\d{2})?(am|pm|h)")) {
			return w.substring(0, w.length() - (w.endsWith("h") ? 1 : 2)) + (w.endsWith("h") ? "" : " " + w.substring(w.length() - 2));
		}
		return w;
	}

	/** "twenty one" reads 21. */
	private static List<Word> mergeCompoundNumbers(List<Word> words) {
		List<Word> merged = new ArrayList<>();
		for (int k = 0; k < words.size(); k++) {
			Word w = words.get(k);
			if (k + 1 < words.size() && isTens(w.norm()) && isUnit(words.get(k + 1).norm())) {
				Word next = words.get(k + 1);
				merged.add(new Word(w.start(), next.end(), w.original() + " " + next.original(),
						Integer.toString(Integer.parseInt(w.norm()) + Integer.parseInt(next.norm())), false));
				k++;
			}
			else {
				merged.add(w);
			}
		}
		return merged;
	}

	private static boolean isTens(String norm) {
		return norm.matches("[2-9]0") && NUMBERS.containsValue(Integer.parseInt(norm));
	}

	private static boolean isUnit(String norm) {
		return norm.matches("[1-9]");
	}

}
