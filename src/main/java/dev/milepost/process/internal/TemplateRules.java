package dev.milepost.process.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.milepost.common.RuleViolationException;
import dev.milepost.plan.ProjectRole;
import dev.milepost.process.internal.ProcessBodies.ClosingCriterion;
import dev.milepost.process.internal.ProcessBodies.Step;
import dev.milepost.process.internal.ProcessBodies.StepKind;
import dev.milepost.process.internal.ProcessBodies.Template;

/** The rules a template must meet; each refusal names the field and says why. */
final class TemplateRules {

	private TemplateRules() {
	}

	static void check(Template template) {
		Map<String, Step> byKey = new LinkedHashMap<>();
		for (int i = 0; i < template.steps().size(); i++) {
			Step step = template.steps().get(i);
			String field = "steps[" + i + "]";
			if (byKey.putIfAbsent(step.key(), step) != null) {
				throw new RuleViolationException(field + ".key", "The key '" + step.key() + "' is used twice; give each step its own key.");
			}
			if (step.kind() == StepKind.TASK) {
				if (step.durationDays() == null) {
					throw new RuleViolationException(field + ".durationDays", "A task step needs a duration in working days.");
				}
				if (step.owner() == null) {
					throw new RuleViolationException(field + ".owner", "A task step needs the project role that owns it.");
				}
				notStakeholder(step.owner(), field + ".owner");
			}
			else {
				if (step.approvers().isEmpty()) {
					throw new RuleViolationException(field + ".approvers", "An approval step names at least one approver role.");
				}
				if (step.dueDays() == null) {
					throw new RuleViolationException(field + ".dueDays",
							"An approval step is due a number of working days after the process starts.");
				}
				for (ProjectRole role : step.approvers()) {
					notStakeholder(role, field + ".approvers");
				}
				if (new HashSet<>(step.approvers()).size() != step.approvers().size()) {
					throw new RuleViolationException(field + ".approvers", "Name each approver role once.");
				}
			}
		}
		for (int i = 0; i < template.steps().size(); i++) {
			Step step = template.steps().get(i);
			for (String before : step.after()) {
				if (before.equals(step.key())) {
					throw new RuleViolationException("steps[" + i + "].after", "'" + step.key() + "' cannot wait on itself.");
				}
				if (!byKey.containsKey(before)) {
					throw new RuleViolationException("steps[" + i + "].after",
							"No step has the key '" + before + "'; name the keys of this template's steps.");
				}
			}
		}
		cycle(template.steps()).ifPresent(cycle -> {
			throw new RuleViolationException("steps", "The steps' dependencies form a cycle: "
					+ String.join(" → ", cycle) + ". Work cannot wait on itself; remove one of these dependencies.");
		});
		ProcessBodies.Closing closing = template.milestone();
		notStakeholder(closing.owner(), "milestone.owner");
		if (closing.criterion() == ClosingCriterion.APPROVAL_BY_ROLE) {
			if (closing.role() == null) {
				throw new RuleViolationException("milestone.role", "Name the role whose approval reaches the milestone.");
			}
			boolean asked = template.steps()
				.stream()
				.anyMatch(s -> s.kind() == StepKind.APPROVAL && s.approvers().contains(closing.role()));
			if (!asked) {
				throw new RuleViolationException("milestone.role", "No approval step asks the role " + closing.role()
						+ "; add one, or close on another criterion.");
			}
		}
		else if (template.steps().stream().noneMatch(s -> s.kind() == StepKind.TASK)) {
			throw new RuleViolationException("milestone.criterion",
					"A milestone reached when its feeding tasks are done needs at least one task step.");
		}
	}

	/** The keys of the first cycle found, the first key repeated at the end, or empty. */
	static Optional<List<String>> cycle(List<Step> steps) {
		Map<String, List<String>> after = new HashMap<>();
		steps.forEach(step -> after.put(step.key(), step.after()));
		Set<String> done = new HashSet<>();
		for (Step step : steps) {
			List<String> path = new ArrayList<>();
			Optional<List<String>> found = visit(step.key(), after, path, done);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static Optional<List<String>> visit(String key, Map<String, List<String>> after, List<String> path,
			Set<String> done) {
		int at = path.indexOf(key);
		if (at >= 0) {
			List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
			cycle.add(key);
			// path follows "waits on" edges; name the cycle in the order the work flows
			java.util.Collections.reverse(cycle);
			return Optional.of(cycle);
		}
		if (done.contains(key)) {
			return Optional.empty();
		}
		path.add(key);
		for (String before : after.getOrDefault(key, List.of())) {
			Optional<List<String>> found = visit(before, after, path, done);
			if (found.isPresent()) {
				return found;
			}
		}
		path.remove(path.size() - 1);
		done.add(key);
		return Optional.empty();
	}

	private static void notStakeholder(ProjectRole role, String field) {
		if (role == ProjectRole.STAKEHOLDER) {
			throw new RuleViolationException(field,
					"Stakeholders read and change nothing; name the manager, member or approver role.");
		}
	}

}
