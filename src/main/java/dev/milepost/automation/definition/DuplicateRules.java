package dev.milepost.automation.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a draft's rules repeat rules already in force in the project (in its other active
 * blueprints, or the workspace blueprints it applies): the same trigger, condition and actions, or
 * the same trigger with an effect in common (telling the same people, escalating, reminding the
 * same owners, starting the same process, the same change). A warning naming the other blueprint
 * and rule, never a refusal: people are told once per event whichever rule tells them, but other
 * effects would happen twice.
 */
final class DuplicateRules {

	private DuplicateRules() {
	}

	/**
	 * The warnings for a draft ({@code editing}: the blueprint it is a version of, whose own rules in
	 * force are not compared with it; null for a new one).
	 */
	static List<BlueprintViews.RuleWarning> of(Blueprint draft, UUID editing, List<ActiveRule> inForce) {
		List<BlueprintViews.RuleWarning> warnings = new ArrayList<>();
		for (int i = 0; i < draft.rules().size(); i++) {
			Rule rule = draft.rules().get(i);
			for (ActiveRule active : inForce) {
				Rule other = active.rule();
				if (active.blueprintId().equals(editing) || !rule.when().name().equals(other.when().name())) {
					continue;
				}
				boolean sameCondition = Objects.equals(normal(rule.condition()), normal(other.condition()));
				if (rule.when().equals(other.when()) && sameCondition && rule.then().equals(other.then())) {
					warnings.add(new BlueprintViews.RuleWarning(i, rule.name(), active.blueprintName(), other.name(),
							"DUPLICATE", "Rule '" + rule.name() + "' does the same as rule '" + other.name()
									+ "' of the active blueprint '" + active.blueprintName() + "' (same trigger, condition"
									+ " and actions): people are told once per event, but anything else would be done twice."));
					continue;
				}
				List<String> shared = shared(rule.then(), other.then());
				if (!shared.isEmpty() && (sameCondition || rule.condition() == null || other.condition() == null)) {
					warnings.add(new BlueprintViews.RuleWarning(i, rule.name(), active.blueprintName(), other.name(),
							"OVERLAP", "Rule '" + rule.name() + "' overlaps rule '" + other.name() + "' of the active blueprint '"
									+ active.blueprintName() + "': both " + String.join(" and ", shared) + " on "
									+ rule.when().name() + ". People are told once per event; check that both are meant."));
				}
			}
		}
		return warnings;
	}

	/** What two rules' actions both do, in words; empty when nothing. */
	private static List<String> shared(List<Action> mine, List<Action> theirs) {
		Set<String> found = new java.util.LinkedHashSet<>();
		for (Action a : mine) {
			for (Action b : theirs) {
				if (a instanceof Action.Notify n && b instanceof Action.Notify m) {
					Set<Recipient> common = new HashSet<>(n.to());
					common.retainAll(m.to());
					common.forEach(recipient -> found.add("notify " + words(recipient)));
				}
				else if (a instanceof Action.StartProcess p && b instanceof Action.StartProcess q) {
					if (p.template().equals(q.template())) {
						found.add("start the process '" + p.template() + "'");
					}
				}
				else if (a.getClass() == b.getClass() && (a instanceof Action.Escalate
						|| a instanceof Action.RemindFeedingTaskOwners || a.equals(b))) {
					found.add(a.name());
				}
			}
		}
		return List.copyOf(found);
	}

	private static String words(Recipient recipient) {
		return recipient instanceof Recipient.OfRole role ? "the " + role.role().yaml() : "@" + ((Recipient.Person) recipient).username();
	}

	private static String normal(String condition) {
		return condition == null ? null : condition.strip().replaceAll("\\s+", " ");
	}

}
