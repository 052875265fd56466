package dev.milepost.automation.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.automation.definition.Recipient;
import dev.milepost.automation.definition.Role;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.ProjectRole;

/**
 * Turns the roles and {@code @username}s of an action into people, for one run: {@code owner} is
 * the milestone's owner (or the task's assignees), {@code assignees} the task's (or those of the
 * tasks feeding the milestone), {@code manager} and {@code sponsor} the project's, and
 * {@code stakeholders}, {@code approvers}, {@code members} the holders of those project roles.
 */
final class Recipients {

	/** The people found, in order without repeats, and who could not be found. */
	record Resolved(List<String> usernames, List<String> problems) {
	}

	private Recipients() {
	}

	static Resolved resolve(List<Recipient> recipients, Map<String, Object> variables, PlanFacts facts) {
		Set<String> people = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		for (Recipient recipient : recipients) {
			if (recipient instanceof Recipient.Person person) {
				if (facts.isMember(person.username())) {
					people.add(person.username());
				}
				else {
					problems.add("@" + person.username() + " is not a member of the project.");
				}
			}
			else if (recipient instanceof Recipient.OfRole ofRole) {
				people.addAll(ofRole(ofRole.role(), variables, facts));
			}
		}
		people.remove("");
		people.remove(null);
		return new Resolved(List.copyOf(people), problems);
	}

	static List<String> ofRole(Role role, Map<String, Object> variables, PlanFacts facts) {
		return switch (role) {
			case OWNER -> {
				if (variables.get("milestone") instanceof Map<?, ?> milestone) {
					yield List.of(String.valueOf(milestone.get("owner")));
				}
				yield taskAssignees(variables);
			}
			case MANAGER -> single(facts.manager());
			case SPONSOR -> single(facts.sponsor());
			case ASSIGNEES -> {
				if (variables.get("task") instanceof Map<?, ?>) {
					yield taskAssignees(variables);
				}
				if (variables.get("milestone") instanceof Map<?, ?> milestone) {
					yield feedingAssignees(UUID.fromString(String.valueOf(milestone.get("id"))), facts, false);
				}
				yield List.of();
			}
			case STAKEHOLDERS -> facts.holders(ProjectRole.STAKEHOLDER);
			case APPROVERS -> facts.holders(ProjectRole.APPROVER);
			case MEMBERS -> facts.members();
		};
	}

	/** The assignees of the tasks feeding a milestone; only of unfinished ones when asked. */
	static List<String> feedingAssignees(UUID milestoneId, PlanFacts facts, boolean unfinishedOnly) {
		Set<String> people = new LinkedHashSet<>();
		for (ProjectPlan.Task task : facts.feedingTasks(milestoneId)) {
			if (!unfinishedOnly || !task.done()) {
				task.assignees().stream().filter(java.util.Objects::nonNull).forEach(people::add);
			}
		}
		return List.copyOf(people);
	}

	private static List<String> taskAssignees(Map<String, Object> variables) {
		if (variables.get("task") instanceof Map<?, ?> task && task.get("assignees") instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	private static List<String> single(String username) {
		return username == null || username.isBlank() ? List.of() : List.of(username);
	}

}
