package dev.milepost.health;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a bare completion statement (“Phase one complete”, “Done”, “Design approved”) from a
 * criterion someone can check (“Phase one acceptance signed by IT director and business sponsor”).
 * A heuristic that errs on the side of silence: only short texts are judged, and any sign of an
 * acceptor or of evidence makes a text checkable.
 */
final class CriterionText {

	/** Longer texts say enough to be argued with; only short ones are judged. */
	static final int SHORT_WORDS = 6;

	/** One or two words (“Go-live”, “OK”) say nothing checkable whatever they are. */
	static final int BARE_WORDS = 2;

	/** Words that claim completion without saying who decides it or what shows it. */
	static final Set<String> VAGUE = Set.of("complete", "completed", "completion", "done", "finish", "finished",
			"ready", "closed", "over", "achieved", "delivered", "approved", "accepted", "signed", "agreed", "ok",
			"okay", "tbd", "yes");

	/** Words that point at evidence someone can look at. */
	static final Set<String> EVIDENCE = Set.of("report", "certificate", "minutes", "log", "register", "evidence",
			"attached", "test", "tests", "tested", "passed", "passes", "pass", "reconciled", "reconciles", "measured",
			"percent");

	private CriterionText() {
	}

	static boolean isFuzzy(String text, Collection<String> deliverableNames) {
		String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
		List<String> words = Arrays.stream(lower.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
		if (words.isEmpty()) {
			return true;
		}
		if (words.size() > SHORT_WORDS) {
			return false;
		}
		boolean evidence = lower.contains("%") || words.stream().anyMatch(EVIDENCE::contains);
		boolean acceptor = words.indexOf("by") >= 0 && words.indexOf("by") < words.size() - 1;
		boolean deliverable = deliverableNames.stream()
			.anyMatch(name -> name != null && !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT)));
		if (evidence || acceptor || deliverable) {
			return false;
		}
		return words.size() <= BARE_WORDS || words.stream().anyMatch(VAGUE::contains);
	}

}
