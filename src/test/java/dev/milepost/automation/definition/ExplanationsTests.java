package dev.milepost.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every trigger, action and simple condition reads back as a sentence. */
class ExplanationsTests {

	private static String explain(String when, String condition, String... then) {
		String yaml = """
				blueprint: Test
				rules:
				  - name: Only rule
				    when: %s
				%s    then:
				""".formatted(when, condition == null ? "" : "    if: '" + condition.replace("'", "''") + "'\n");
		StringBuilder text = new StringBuilder(yaml);
		for (String action : then) {
			text.append("      - ").append(action).append('\n');
		}
		return Explanations.explain(BlueprintParserTests.valid(text.toString())).get(0);
	}

	private static final String NOTIFY = "{action: notify, to: [manager], message: m}";

	@Test
	void readsTheIssueExampleAsOneSentence() {
		assertThat(explain("{trigger: milestone.approaching, days: 7}", "milestone.tags.exists(t, t == \"development\")",
				"{action: remind-feeding-task-owners, channels: [in-app, email]}",
				"{action: notify, to: [owner, manager], message: m}"))
			.isEqualTo("When a milestone is 7 days away, if the milestone is tagged “development”, remind the owners of"
					+ " its unfinished feeding tasks (in-app, e-mail) and notify its owner and the project manager.");
	}

	@Test
	void explainsEveryTrigger() {
		assertThat(explain("{trigger: task.created}", null, NOTIFY)).startsWith("When a task is created, ");
		assertThat(explain("{trigger: task.updated, fields: [status, percentComplete]}", null, NOTIFY))
			.startsWith("When a task's status or percent complete changes, ");
		assertThat(explain("{trigger: task.completed}", null, NOTIFY)).startsWith("When a task is completed, ");
		assertThat(explain("{trigger: task.overdue}", null, NOTIFY)).startsWith("When a task is overdue, ");
		assertThat(explain("{trigger: task.due, days: 1}", null, NOTIFY)).startsWith("When a task is due in 1 working day, ");
		assertThat(explain("{trigger: milestone.approaching, days: 0}", null, NOTIFY))
			.startsWith("When a milestone's target is today, ");
		assertThat(explain("{trigger: milestone.status-changed, from: ON_TRACK, to: AT_RISK}", null, NOTIFY))
			.startsWith("When a milestone's status changes from on track to at risk, ");
		assertThat(explain("{trigger: milestone.at-risk}", null, NOTIFY)).startsWith("When a milestone turns at risk, ");
		assertThat(explain("{trigger: milestone.missed}", null, NOTIFY)).startsWith("When a milestone is missed, ");
		assertThat(explain("{trigger: milestone.achieved}", null, NOTIFY)).startsWith("When a milestone is achieved, ");
		assertThat(explain("{trigger: approval.requested}", null, NOTIFY)).startsWith("When an approval is requested, ");
		assertThat(explain("{trigger: approval.decided, outcome: APPROVED}", null, NOTIFY))
			.startsWith("When an approval request is approved, ");
		assertThat(explain("{trigger: deliverable.accepted}", null, NOTIFY)).startsWith("When a deliverable is accepted, ");
		assertThat(explain("{trigger: process.completed, template: qa-cycle}", null, NOTIFY))
			.startsWith("When a process of the QA cycle completes, ");
		assertThat(explain("{trigger: schedule, cron: '0 30 9 * * MON'}", null, NOTIFY))
			.startsWith("When it is 09:30, every Monday, ");
		assertThat(explain("{trigger: schedule, cron: '0 */5 * * * *', zone: Europe/Berlin}", null, NOTIFY))
			.startsWith("When the schedule “0 */5 * * * *” (Europe/Berlin) comes round, ");
	}

	@Test
	void explainsEveryAction() {
		String milestone = "{trigger: milestone.achieved}";
		assertThat(explain(milestone, null, "{action: notify, to: [sponsor, '@ann'], channels: [webhook], message: m}"))
			.endsWith("notify the sponsor and @ann (webhook).");
		assertThat(explain(milestone, null, "{action: remind-feeding-task-owners}"))
			.endsWith("remind the owners of its unfinished feeding tasks.");
		assertThat(explain(milestone, null, "{action: escalate, message: m}"))
			.endsWith("escalate to the project's sponsor (the manager when there is none).");
		assertThat(explain(milestone, null, "{action: request-approval, title: Go, approvers: [approvers], due-days: 2,"
				+ " mode: SEQUENCE, about: milestone}"))
			.endsWith("ask the project's approvers to approve “Go” about the milestone within 2 working days"
					+ " (one after another).");
		assertThat(explain(milestone, null, "{action: start-process, template: it-operations-handover, start-in-days: 3}"))
			.endsWith("start the IT operations handover in 3 working days.");
		assertThat(explain(milestone, null, "{action: create-task, name: Retro, duration-days: 1, owner: assignees,"
				+ " feeds: milestone}"))
			.endsWith("create the task “Retro” of 1 day for the owners of its feeding tasks, feeding the milestone.");
		assertThat(explain(milestone, null, "{action: set-field, field: milestone.tags, value: done, mode: add}"))
			.endsWith("add “done” to the milestone's tags.");
		assertThat(explain("{trigger: task.created}", null, "{action: set-field, field: task.description, value: x}"))
			.endsWith("set the task's description to “x”.");
		assertThat(explain(milestone, null, "{action: call-webhook, url: 'https://hooks.example.com/in'}"))
			.endsWith("call the webhook at hooks.example.com.");
		assertThat(explain("{trigger: task.created}", null, "{action: notify, to: [owner, stakeholders, members], message: m}"))
			.endsWith("notify its assignees, the stakeholders and all members.");
	}

	@Test
	void explainsSimpleConditionsInWordsAndQuotesTheRest() {
		assertThat(explain("{trigger: task.created}", "task.percentComplete >= 50 && task.critical == true", NOTIFY))
			.contains("if the task's percent complete is at least 50 and the task's critical is true, ");
		assertThat(explain("{trigger: task.created}", "task.status in [\"NOT_STARTED\", \"IN_PROGRESS\"] || !task.critical",
				NOTIFY))
			.contains("if either the task's status is “NOT_STARTED” or “IN_PROGRESS” or not (the task's critical), ");
		assertThat(explain("{trigger: task.created}", "task.name.startsWith(\"Release\")", NOTIFY))
			.contains("if the condition “task.name.startsWith(\"Release\")” holds, ");
		assertThat(explain("{trigger: task.created}", "task.assignees.all(a, a != \"bob\")", NOTIFY))
			.contains("if every one of the task's assignees is such that it is not “bob”, ");
	}

	@Test
	void explainsTheDefaultBlueprint() {
		assertThat(Explanations.explain(BlueprintParserTests.valid(DefaultBlueprint.yaml()))).containsExactly(
				"When a milestone is 7 days away, remind the owners of its unfinished feeding tasks (in-app, e-mail).",
				"When a milestone is missed, escalate to the project's sponsor (the manager when there is none).",
				"When a milestone is achieved, if the milestone is tagged “development”, start the QA cycle as"
						+ " “QA cycle after {{milestone.name}}”.",
				"When a milestone is achieved, if the milestone is tagged “go-live”, start the IT operations"
						+ " handover as “IT operations handover for {{milestone.name}}”.");
	}

}
