package dev.milepost.automation.assistant;

/**
 * A sentence the assistant understood: the text, where it starts (a character offset, from 0)
 * and what it took it to mean.
 */
public record Understood(String text, int position, String meaning) {
}
