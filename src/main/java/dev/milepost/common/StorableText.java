package dev.milepost.common;

/**
 * Text Milepost can store and give back exactly as sent. Two things a JSON string may hold are not
 * such text: a NUL character, which PostgreSQL cannot store in a text column, and half of a UTF-16
 * surrogate pair without its other half, which is no character at all and would be written as
 * {@code ?}. Every text a client sends is checked here.
 */
public final class StorableText {

	private StorableText() {
	}

	/** The text itself, or an {@link UnsupportedValueException} saying what it holds that text may not. */
	public static String check(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				throw new UnsupportedValueException(
						"contains a NUL character (\\u0000) at position " + (i + 1) + "; text cannot hold it");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new UnsupportedValueException("contains half of a character at position " + (i + 1) + " (\\u"
						+ Integer.toHexString(c) + ", a UTF-16 surrogate without its pair); send the whole character");
			}
		}
		return text;
	}

}
