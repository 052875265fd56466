package dev.milepost.automation.assistant;

/**
 * The grammar's work budget for one request, counted in steps: every character its phrase patterns
 * read (backtracking included) is one step. A request that would need more than the budget is
 * read no further, so no text can keep a request thread busy for long, however slow the machine:
 * the bound is on work, not on time.
 */
final class Steps {

	/** Thrown when the budget is spent; carries no stack trace, it is an ordinary outcome. */
	static final class Exhausted extends RuntimeException {

		private Exhausted() {
			super("the grammar's step budget is spent", null, false, false);
		}

	}

	private final long budget;

	private long used;

	Steps(long budget) {
		this.budget = budget;
	}

	long used() {
		return used;
	}

	/** The text as patterns read it, each character read costing a step. */
	CharSequence counted(String text) {
		return new Counted(text);
	}

	private final class Counted implements CharSequence {

		private final String text;

		Counted(String text) {
			this.text = text;
		}

		@Override
		public char charAt(int index) {
			if (++used > budget) {
				throw new Exhausted();
			}
			return text.charAt(index);
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return text.subSequence(start, end);
		}

		@Override
		public String toString() {
			return text;
		}

	}

}
