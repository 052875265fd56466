package dev.milepost.automation.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.automation.assistant.Words.Word;

/**
 * One sentence being read: phrases are matched against the words not yet understood, and a
 * matched phrase's words are marked understood. What is left over at the end, apart from filler
 * words, is what the grammar did not understand.
 */
final class Sentence {

	/** Words that carry no meaning of their own in a request. */
	private static final Set<String> FILLER = Set.of(",", "the", "a", "an", "and", "then", "please", "its", "their",
			"it", "is", "are", "be", "to", "of", "also", "do", "should", "we", "i", "want", "you", "that", "this",
			"any", "each", "so", "them", "by", "when", "whenever", "if", "once", "as", "soon", "automatically",
			"in", "for", "with", "on", "has", "have", "been", "gets", "get", "one", "someone", "from", "about",
			"always", "just", "kindly", "can", "could", "would", "like", "let", "me", "us", "our", "all", "every",
			"there", "which", "who", "what", "at", "or");

	/** A matched phrase: its groups read back as written (quoted text without its quotes). */
	final class Match {

		private final Matcher matcher;

		private final int[] owner;

		private Match(Matcher matcher, int[] owner) {
			this.matcher = matcher;
			this.owner = owner;
		}

		/** The group's words, normalised, or null when the group did not take part. */
		String norm(String group) {
			try {
				return matcher.group(group);
			}
			catch (IllegalArgumentException noSuchGroup) {
				return null;
			}
		}

		boolean has(String group) {
			return norm(group) != null;
		}

		/** The group's text as written: a quoted word without its quotes, otherwise the original words. */
		String text(String group) {
			if (!has(group)) {
				return null;
			}
			int s = matcher.start(group);
			if (s < 0) {
				return null;
			}
			List<Word> covered = covered(s, matcher.end(group));
			if (covered.size() == 1 && covered.get(0).quoted()) {
				return covered.get(0).text();
			}
			StringBuilder text = new StringBuilder();
			for (Word w : covered) {
				text.append(text.isEmpty() ? "" : " ").append(w.original());
			}
			return text.toString();
		}

		/** The original words the whole phrase covers. */
		String phrase() {
			StringBuilder text = new StringBuilder();
			for (Word w : covered(matcher.start(), matcher.end())) {
				text.append(text.isEmpty() ? "" : " ").append(w.original());
			}
			return text.toString();
		}

		int position() {
			return covered(matcher.start(), matcher.end()).get(0).start();
		}

		private List<Word> covered(int from, int to) {
			List<Word> covered = new ArrayList<>();
			int last = -1;
			for (int c = from; c < to; c++) {
				int w = owner[c];
				if (w >= 0 && w != last) {
					covered.add(words.get(w));
					last = w;
				}
			}
			return covered;
		}

	}

	private final List<Word> words;

	private final boolean[] understood;

	private final Steps steps;

	Sentence(List<Word> raw, Steps steps) {
		this.steps = steps;
		this.words = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) {
			Word w = raw.get(i);
			words.add(w.quoted() ? new Word(w.start(), w.end(), w.original(), "q#" + i, true) : w);
		}
		this.understood = new boolean[words.size()];
	}

	/** Compiles a phrase pattern: it must cover whole words. */
	static Pattern phrase(String regex, Map<String, String> macros) {
		String expanded = regex;
		for (int round = 0; round < 3; round++) {
			for (Map.Entry<String, String> macro : macros.entrySet()) {
				expanded = expanded.replace("{" + macro.getKey() + "}", macro.getValue());
			}
		}
		return Pattern.compile("(?<![^ ])(?:" + expanded + ")(?![^ ])");
	}

	/**
	 * Finds the phrase among the words not yet understood and marks its words understood. Every
	 * character the pattern reads is a step of the request's budget.
	 *
	 * @throws Steps.Exhausted when the budget is spent
	 */
	Match take(Pattern pattern) {
		int[][] owner = new int[1][];
		String text = remaining(owner);
		Matcher matcher = pattern.matcher(steps.counted(text));
		if (!matcher.find() || matcher.end() == matcher.start()) {
			return null;
		}
		for (int c = matcher.start(); c < matcher.end(); c++) {
			if (owner[0][c] >= 0) {
				understood[owner[0][c]] = true;
			}
		}
		return new Match(matcher, owner[0]);
	}

	/** Puts a taken phrase's words back, so that they are reported as not understood. */
	void forget(Match match) {
		for (int c = match.matcher.start(); c < match.matcher.end(); c++) {
			if (match.owner[c] >= 0) {
				understood[match.owner[c]] = false;
			}
		}
	}

	/** Takes every occurrence of the phrase, in order. */
	List<Match> takeAll(Pattern pattern) {
		List<Match> all = new ArrayList<>();
		for (Match m = take(pattern); m != null; m = take(pattern)) {
			all.add(m);
		}
		return all;
	}

	/** Applies {@code read} to every match of each pattern, in the order the phrases appear. */
	<T> List<T> takeEach(List<Pattern> patterns, Function<Match, T> read) {
		List<T> found = new ArrayList<>();
		for (Pattern p : patterns) {
			for (Match m : takeAll(p)) {
				found.add(read.apply(m));
			}
		}
		return found;
	}

	/**
	 * The runs of words left over that mean something (filler words alone are not reported), each
	 * run as the words that stand next to each other in the sentence.
	 */
	List<List<Word>> leftOver() {
		List<List<Word>> runs = new ArrayList<>();
		List<Word> run = new ArrayList<>();
		for (int i = 0; i <= words.size(); i++) {
			if (i < words.size() && !understood[i]) {
				run.add(words.get(i));
				continue;
			}
			while (!run.isEmpty() && FILLER.contains(run.get(run.size() - 1).norm())) {
				run.remove(run.size() - 1);
			}
			while (!run.isEmpty() && FILLER.contains(run.get(0).norm())) {
				run.remove(0);
			}
			if (!run.isEmpty()) {
				runs.add(run);
			}
			run = new ArrayList<>();
		}
		return runs;
	}

	/** Whether anything but filler words is left. */
	boolean anythingLeft() {
		return !leftOver().isEmpty();
	}

	/** The whole sentence as written. */
	String text(String original) {
		return original.substring(words.get(0).start(), words.get(words.size() - 1).end());
	}

	int position() {
		return words.get(0).start();
	}

	/** The quoted text a {@code q#N} placeholder stands for. */
	String quoted(String placeholder) {
		return words.get(Integer.parseInt(placeholder.substring(2))).text();
	}

	private String remaining(int[][] ownerOut) {
		StringBuilder text = new StringBuilder();
		List<Integer> owner = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			if (understood[i]) {
				continue;
			}
			if (!text.isEmpty()) {
				text.append(' ');
				owner.add(-1);
			}
			String norm = words.get(i).norm();
			text.append(norm);
			for (int c = 0; c < norm.length(); c++) {
				owner.add(i);
			}
		}
		int[] o = new int[owner.size()];
		for (int c = 0; c < o.length; c++) {
			o[c] = owner.get(c);
		}
		ownerOut[0] = o;
		return text.toString();
	}

}
