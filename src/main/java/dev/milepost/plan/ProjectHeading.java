package dev.milepost.plan;

/** A project's key and name: what the heading and navigation of another module's project pages show. */
public record ProjectHeading(String key, String name) {
}
