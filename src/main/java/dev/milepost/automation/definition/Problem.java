package dev.milepost.automation.definition;

/**
 * Something wrong with a blueprint's text, located.
 *
 * @param line 1-based line in the YAML text
 * @param column 1-based column
 * @param path where in the document, e.g. {@code rules[2].then[0].to}; empty for the whole text
 * @param message what is wrong and, where it helps, what is allowed
 */
public record Problem(int line, int column, String path, String message) {
}
