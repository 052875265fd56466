package dev.milepost.health;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.milepost.plan.ProjectPlan;

/**
 * One thing a plan-health check found: a stable {@code code} clients may key on, how much it
 * matters, a message that names the milestones and the numbers, how to fix it, and what it is
 * about.
 */
public record Finding(String code, Severity severity, String message, String fix, List<Subject> about) {

	public Finding {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(fix, "fix");
		about = List.copyOf(about);
	}

	/**
	 * Something a finding is about: {@code kind} is {@code project}, {@code milestone} or
	 * {@code goal}, as in the API's paths.
	 */
	public record Subject(String kind, UUID id, String name) {

		public static Subject project(ProjectPlan plan) {
			return new Subject("project", plan.projectId(), plan.name());
		}

		public static Subject milestone(ProjectPlan.Milestone milestone) {
			return new Subject("milestone", milestone.id(), milestone.name());
		}

		public static Subject goal(ProjectPlan.Goal goal) {
			return new Subject("goal", goal.id(), goal.outcome());
		}

	}

}
