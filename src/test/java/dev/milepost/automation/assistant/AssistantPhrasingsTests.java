package dev.milepost.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import dev.milepost.automation.definition.BlueprintParser;
import dev.milepost.automation.definition.Explanations;
import dev.milepost.automation.definition.ParsedBlueprint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every phrasing the assistant's grammar documents (docs/blueprints.md, "The assistant"): the
 * draft it makes, that the draft passes the blueprint parser and CEL checks, and that the
 * explanation of the draft reads back the intent.
 */
class AssistantPhrasingsTests {

	/** A phrasing, what its YAML must contain, and words its explanation must contain. */
	record Phrasing(String text, List<String> yaml, List<String> explained) {

		@Override
		public String toString() {
			return text;
		}

	}

	static Phrasing phrasing(String text, List<String> yaml, String... explained) {
		return new Phrasing(text, yaml, List.of(explained));
	}

	static Stream<Phrasing> phrasings() {
		return Stream.of(
				phrasing("when a task is 3 days from its due date and not done, notify its owner and the project manager",
						List.of("trigger: task.due", "days: 3", "if: 'task.status != \"DONE\"'", "action: notify",
								"to: [owner, manager]"),
						"3 working days", "assignees", "project manager"),
				phrasing("if a milestone turns at risk, tell the owner and the sponsor by email",
						List.of("trigger: milestone.at-risk", "to: [owner, sponsor]", "channels: [email]"),
						"at risk", "owner", "sponsor", "e-mail"),
				phrasing("when the go-live approval is approved start the IT operations handover",
						List.of("trigger: approval.decided", "outcome: APPROVED", "approval.title.matches(\"(?i)go-live\")",
								"action: start-process", "template: it-operations-handover"),
						"approved", "go-live", "handover"),
				phrasing("when a milestone tagged development is achieved start the QA cycle",
						List.of("trigger: milestone.achieved", "milestone.tags.exists(t, t == \"development\")",
								"template: qa-cycle"),
						"achieved", "development", "qa"),
				phrasing("escalate missed milestones to the sponsor",
						List.of("trigger: milestone.missed", "action: escalate"), "missed", "sponsor"),
				phrasing("when a task is overdue notify its assignees and the manager",
						List.of("trigger: task.overdue", "to: [assignees, manager]"), "overdue", "assignees", "manager"),
				phrasing("when an approval is rejected notify the project manager",
						List.of("trigger: approval.decided", "outcome: REJECTED", "to: [manager]"), "rejected", "manager"),
				phrasing("create a task 'Write release notes' when a milestone is 5 days away",
						List.of("trigger: milestone.approaching", "days: 5", "action: create-task",
								"name: 'Write release notes'", "feeds: milestone"),
						"5", "Write release notes"),
				phrasing("every Monday at 9 notify the manager and the sponsor",
						List.of("trigger: schedule", "cron: '0 0 9 * * MON'", "to: [manager, sponsor]"),
						"Monday", "09:00", "manager", "sponsor"),
				phrasing("When a task is due tomorrow, remind its assignees in the app.",
						List.of("trigger: task.due", "days: 1", "to: [assignees]", "channels: [in-app]"),
						"1", "assignees"),
				phrasing("When a critical task becomes overdue, escalate it to the sponsor.",
						List.of("trigger: task.overdue", "if: 'task.critical'", "action: escalate"), "overdue",
						"critical", "sponsor"),
				phrasing("Whenever a task is completed, notify the manager.",
						List.of("trigger: task.completed", "to: [manager]"), "completed", "manager"),
				phrasing("When a new task is created, tell the stakeholders.",
						List.of("trigger: task.created", "to: [stakeholders]"), "created", "stakeholders"),
				phrasing("When a task's finish date changes, notify the project manager and the sponsor by email and in-app.",
						List.of("trigger: task.updated", "fields: [plannedFinish]", "to: [manager, sponsor]",
								"channels: [email, in-app]"),
						"planned finish", "manager", "sponsor"),
				phrasing("When a milestone is seven days away, remind the owners of tasks feeding it.",
						List.of("trigger: milestone.approaching", "days: 7", "action: remind-feeding-task-owners"), "7 days",
						"feeding tasks"),
				phrasing("Two weeks before a milestone's target, notify its owner.",
						List.of("trigger: milestone.approaching", "days: 14", "to: [owner]"), "14", "owner"),
				phrasing("When a milestone goes from on track to at risk, alert the manager.",
						List.of("trigger: milestone.status-changed", "from: ON_TRACK", "to: AT_RISK", "to: [manager]"),
						"from on track to at risk", "manager"),
				phrasing("If a milestone is approaching, remind feeding task owners by email.",
						List.of("trigger: milestone.status-changed", "to: APPROACHING",
								"action: remind-feeding-task-owners", "channels: [email]"),
						"approaching", "feeding tasks", "e-mail"),
				phrasing("When a milestone is achieved, notify all stakeholders saying 'We did it: {{milestone.name}}'.",
						List.of("trigger: milestone.achieved", "to: [stakeholders]", "message: 'We did it: {{milestone.name}}'"),
						"achieved", "stakeholders"),
				phrasing("When an approval is requested, notify the approvers.",
						List.of("trigger: approval.requested", "to: [approvers]"), "requested", "approvers"),
				phrasing("When the 'Budget sign-off' approval is rejected, escalate to the sponsor.",
						List.of("trigger: approval.decided", "outcome: REJECTED", "(?i)Budget sign-off", "action: escalate"),
						"rejected", "sponsor"),
				phrasing("When a deliverable is accepted, notify the manager and the stakeholders.",
						List.of("trigger: deliverable.accepted", "to: [manager, stakeholders]"), "accepted", "manager"),
				phrasing("When the QA cycle completes, start the IT operations handover in 2 days.",
						List.of("trigger: process.completed", "template: qa-cycle", "template: it-operations-handover",
								"start-in-days: 2"),
						"QA cycle", "IT operations handover", "2 working days"),
				phrasing("Every weekday at 8:30 am notify the manager.",
						List.of("trigger: schedule", "cron: '0 30 8 * * MON-FRI'", "to: [manager]"), "08:30", "weekday",
						"manager"),
				phrasing("Every day at 5pm send a notification to the team.",
						List.of("trigger: schedule", "cron: '0 0 17 * * *'", "to: [members]"), "17:00", "all members"),
				phrasing("When a milestone tagged release or launch is ten days away, request approval from the sponsor due in 3 days.",
						List.of("trigger: milestone.approaching", "days: 10",
								"milestone.tags.exists(t, t == \"release\" || t == \"launch\")", "action: request-approval",
								"approvers: [sponsor]", "due-days: 3", "about: milestone"),
						"10", "release", "sponsor"),
				phrasing("When a milestone is at risk, notify the manager and call the webhook https://hooks.example.com/Milepost.",
						List.of("trigger: milestone.at-risk", "action: call-webhook", "url: 'https://hooks.example.com/Milepost'"),
						"at risk", "webhook", "hooks.example.com"),
				phrasing("When a milestone with slack below 2 days turns at risk, escalate.",
						List.of("trigger: milestone.at-risk", "if: 'milestone.slackDays < 2'", "action: escalate"),
						"at risk", "sponsor"),
				phrasing("When a task is late and less than 50% complete, email the manager.",
						List.of("trigger: task.overdue", "if: 'task.percentComplete < 50'", "channels: [email]"),
						"overdue", "50", "e-mail"),
				phrasing("If a milestone is missed, add the tag slipped and notify the sponsor.",
						List.of("trigger: milestone.missed", "action: set-field", "field: milestone.tags", "value: slipped",
								"mode: add", "to: [sponsor]"),
						"slipped", "sponsor"),
				phrasing("When a task is twenty-one days from its due date, ping its owner.",
						List.of("trigger: task.due", "days: 21", "to: [owner]"), "21", "assignees"),
				phrasing("Notify the sponsor when a milestone named 'Go live' is achieved.",
						List.of("trigger: milestone.achieved", "milestone.name.contains(\"Go live\")", "to: [sponsor]"),
						"Go live", "sponsor"),
				phrasing("when a task is overdue notify the manager unless it is critical",
						List.of("trigger: task.overdue", "if: '!(task.critical)'", "to: [manager]"), "overdue", "manager"),
				phrasing("When a milestone is 3 days away and not achieved, ask the approvers to approve it.",
						List.of("trigger: milestone.approaching", "days: 3", "if: '!milestone.achieved'",
								"action: request-approval", "approvers: [approvers]"),
						"3", "approvers"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("phrasings")
	void draftsAValidBlueprintThatReadsBackTheIntent(Phrasing phrasing) {
		Draft draft = Grammar.read(phrasing.text());
		assertThat(draft.rules()).as("rules drafted").isNotEmpty();
		assertThat(draft.notUnderstood()).as("not understood").isEmpty();
		assertThat(draft.understood()).hasSize(1);
		String yaml = Yaml.write("Assistant draft", null, draft.rules());
		assertThat(yaml).contains(phrasing.yaml());

		ParsedBlueprint parsed = BlueprintParser.parse(yaml);
		assertThat(parsed.problems()).as(yaml).isEmpty();
		String explanation = String.join(" ", Explanations.explain(parsed.blueprint()));
		assertThat(explanation).as(explanation).containsIgnoringCase(phrasing.explained().get(0));
		for (String word : phrasing.explained()) {
			assertThat(explanation).as(explanation).containsIgnoringCase(word);
		}
	}

}
