package dev.milepost.automation.assistant;

/**
 * Words or a clause the assistant did not understand: the text, where it starts (a character
 * offset, from 0) and why nothing was made of it.
 */
public record NotUnderstood(String text, int position, String reason) {
}
