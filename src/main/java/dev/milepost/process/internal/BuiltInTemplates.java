package dev.milepost.process.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.milepost.plan.ProjectRole;
import dev.milepost.process.internal.ProcessBodies.ClosingCriterion;
import dev.milepost.process.internal.ProcessBodies.Step;
import dev.milepost.process.internal.ProcessBodies.StepKind;
import dev.milepost.process.internal.ProcessBodies.Template;

/** The workspace's built-in templates, read-only, by key. */
final class BuiltInTemplates {

	static final Map<String, Template> ALL;

	static {
		Map<String, Template> all = new LinkedHashMap<>();
		all.put("qa-cycle", new Template("QA cycle",
				"Plan the tests, run them, triage the defects found, and get the QA sign-off.",
				List.of(task("test-plan", "Test plan", 3, ProjectRole.MEMBER, 0),
						task("test-execution", "Test execution", 5, ProjectRole.MEMBER, 3, "test-plan"),
						task("defect-triage", "Defect triage", 2, ProjectRole.MANAGER, 8, "test-execution"),
						approval("qa-sign-off", "QA sign-off", 12, 10, "defect-triage")),
				new ProcessBodies.Closing("QA cycle complete", ProjectRole.MANAGER, ClosingCriterion.APPROVAL_BY_ROLE,
						ProjectRole.APPROVER)));
		all.put("it-operations-handover", new Template("IT operations handover",
				"Write the runbook, set up monitoring, train support, and have operations accept the service.",
				List.of(task("runbook", "Runbook", 5, ProjectRole.MEMBER, 0),
						task("monitoring-setup", "Monitoring set-up", 3, ProjectRole.MEMBER, 0),
						task("support-training", "Support training", 2, ProjectRole.MANAGER, 5, "runbook"),
						approval("operations-acceptance", "Operations acceptance", 10, 7, "runbook",
								"monitoring-setup", "support-training")),
				new ProcessBodies.Closing("Handed over to IT operations", ProjectRole.MANAGER,
						ClosingCriterion.APPROVAL_BY_ROLE, ProjectRole.APPROVER)));
		ALL = Map.copyOf(all);
	}

	private BuiltInTemplates() {
	}

	static Optional<Template> byKey(String key) {
		return Optional.ofNullable(ALL.get(key));
	}

	static List<String> keys() {
		return List.of("qa-cycle", "it-operations-handover");
	}

	private static Step task(String key, String name, int days, ProjectRole owner, int offset, String... after) {
		return new Step(key, name, StepKind.TASK, days, owner, null, null, offset, List.of(after));
	}

	private static Step approval(String key, String name, int dueDays, int offset, String... after) {
		return new Step(key, name, StepKind.APPROVAL, null, null, List.of(ProjectRole.APPROVER), dueDays, offset,
				List.of(after));
	}

}
