package dev.milepost.automation.definition;

/**
 * Something wrong with a CEL condition, located within the expression's own text.
 *
 * @param line 1-based line within the expression
 * @param column 0-based column within that line
 * @param message what is wrong
 */
public record ConditionIssue(int line, int column, String message) {
}
