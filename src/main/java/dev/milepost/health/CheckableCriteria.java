package dev.milepost.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.milepost.common.Sentences;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.Feedability;

/**
 * “Every milestone should have an unambiguous completion criterion. 'Phase one complete' is not a
 * milestone with a clear definition. 'Phase one acceptance signed by IT director and business
 * sponsor' is.” Fuzzy criteria lead to “debate about whether the milestone has actually been
 * achieved, while the project continues under the assumption that it has”.
 */
final class CheckableCriteria implements PlanCheck {

	static final String FUZZY = "FUZZY_CRITERION";

	static final String NO_DELIVERABLE = "ACCEPTANCE_WITHOUT_DELIVERABLE";

	@Override
	public List<Finding> check(ProjectPlan plan, LocalDate today) {
		List<String> deliverableNames = plan.deliverables().stream().map(ProjectPlan.Deliverable::name).toList();
		List<Finding> findings = new ArrayList<>();
		var feedabilities = Feedability.all(plan);
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			if (milestone.achieved() || milestone.criterionKind() == null) {
				continue;
			}
			String name = "'" + milestone.name() + "'";
			switch (milestone.criterionKind()) {
				// the owner alone decides what the words mean: exactly the debate the brief warns of
				case OWNER_CONFIRMATION -> {
					if (CriterionText.isFuzzy(milestone.criterionText(), deliverableNames)) {
						findings.add(fuzzy(milestone, Severity.WARNING, name + " is achieved when its owner confirms '"
								+ Sentences.bare(milestone.criterionText())
								+ "': that names no acceptor and no evidence, so whether it is reached is open to debate."));
					}
				}
				// the finished feeding tasks keep it binary; the text still leaves readers guessing
				case ALL_FEEDING_TASKS_DONE -> {
					if (CriterionText.isFuzzy(milestone.criterionText(), deliverableNames)) {
						findings.add(fuzzy(milestone, Severity.INFO, name + " is achieved when its feeding tasks are done, "
								+ "described as '" + Sentences.bare(milestone.criterionText())
								+ "': that does not say which work or what result counts, so stakeholders cannot tell "
								+ "whether the linked tasks cover it."));
					}
				}
				// whether a deliverable is linked is the schedule's feedability rule, which the status asks too
				case DELIVERABLE_ACCEPTED -> {
					Feedability feedability = feedabilities.get(milestone.id());
					if (feedability.blocker() == Feedability.Blocker.NO_DELIVERABLE) {
						findings.add(new Finding(NO_DELIVERABLE, Severity.PROBLEM,
								feedability.problem(milestone).orElseThrow(), feedability.fix(milestone).orElseThrow(),
								List.of(Finding.Subject.milestone(milestone))));
					}
				}
				// a named person or a project role decides: checkable as written
				default -> {
				}
			}
		}
		return findings;
	}

	private static Finding fuzzy(ProjectPlan.Milestone milestone, Severity severity, String message) {
		return new Finding(FUZZY, severity, message,
				"Say who accepts it and what shows it, so the answer is yes or no: e.g. 'Phase one acceptance signed by "
						+ "the IT director and the business sponsor', or make it an approval by a named person or a "
						+ "deliverable's acceptance.",
				List.of(Finding.Subject.milestone(milestone)));
	}

}
