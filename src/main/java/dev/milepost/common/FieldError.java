package dev.milepost.common;

/** One offending field of a refused request and what is wrong with it. */
public record FieldError(String field, String message) {
}
