package dev.milepost.automation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import dev.milepost.common.OutboundAddresses;
import org.junit.jupiter.api.Test;

/** The parser reads every trigger and action, and locates each kind of problem. */
class BlueprintParserTests {

	static String rule(String when, String then) {
		return """
				blueprint: Test
				rules:
				  - name: Only rule
				    when: %s
				    then:
				      - %s
				""".formatted(when, then);
	}

	static Blueprint valid(String yaml) {
		ParsedBlueprint parsed = BlueprintParser.parse(yaml);
		assertThat(parsed.problems()).as(yaml).isEmpty();
		return parsed.blueprint();
	}

	static Problem onlyProblem(String yaml) {
		return onlyProblem(yaml, ProjectFacts.NONE);
	}

	static Problem onlyProblem(String yaml, ProjectFacts facts) {
		ParsedBlueprint parsed = BlueprintParser.parse(yaml, facts);
		assertThat(parsed.valid()).as(yaml).isFalse();
		assertThat(parsed.problems()).as(yaml).hasSize(1);
		return parsed.problems().get(0);
	}

	static final String NOTIFY = "{action: notify, to: [manager], message: hi}";

	@Test
	void readsTheDocumentedExample() {
		Blueprint blueprint = valid("""
				blueprint: Milestone hygiene             # the blueprint's name
				description: What this team agreed on
				rules:
				  - name: Remind feeding task owners
				    when:
				      trigger: milestone.approaching
				      days: 7
				    if: milestone.tags.exists(t, t == "development")
				    then:
				      - action: remind-feeding-task-owners
				        channels: [in-app, email]
				      - action: notify
				        to: [owner, manager]
				        message: "{{milestone.name}} is due on {{milestone.target}}"
				""");
		assertThat(blueprint.name()).isEqualTo("Milestone hygiene");
		assertThat(blueprint.description()).isEqualTo("What this team agreed on");
		Rule rule = blueprint.rules().get(0);
		assertThat(rule.when()).isEqualTo(new Trigger.MilestoneApproaching(7));
		assertThat(rule.condition()).isEqualTo("milestone.tags.exists(t, t == \"development\")");
		assertThat(rule.then()).containsExactly(
				new Action.RemindFeedingTaskOwners(List.of(NotifyChannel.IN_APP, NotifyChannel.EMAIL), null),
				new Action.Notify(List.of(new Recipient.OfRole(Role.OWNER), new Recipient.OfRole(Role.MANAGER)), List.of(),
						"{{milestone.name}} is due on {{milestone.target}}"));
	}

	@Test
	void readsEveryTrigger() {
		assertThat(trigger("{trigger: task.created}")).isEqualTo(new Trigger.TaskCreated());
		assertThat(trigger("{trigger: task.updated, fields: [status, percentComplete]}"))
			.isEqualTo(new Trigger.TaskUpdated(List.of("status", "percentComplete")));
		assertThat(trigger("{trigger: task.updated}")).isEqualTo(new Trigger.TaskUpdated(List.of()));
		assertThat(trigger("{trigger: task.completed}")).isEqualTo(new Trigger.TaskCompleted());
		assertThat(trigger("{trigger: task.overdue}")).isEqualTo(new Trigger.TaskOverdue());
		assertThat(trigger("{trigger: task.due, days: 2}")).isEqualTo(new Trigger.TaskDue(2));
		assertThat(trigger("{trigger: milestone.approaching, days: 0}")).isEqualTo(new Trigger.MilestoneApproaching(0));
		assertThat(trigger("{trigger: milestone.status-changed, from: ON_TRACK, to: AT_RISK}"))
			.isEqualTo(new Trigger.MilestoneStatusChanged("ON_TRACK", "AT_RISK"));
		assertThat(trigger("{trigger: milestone.status-changed}")).isEqualTo(new Trigger.MilestoneStatusChanged(null, null));
		assertThat(trigger("{trigger: milestone.at-risk}")).isEqualTo(new Trigger.MilestoneAtRisk());
		assertThat(trigger("{trigger: milestone.missed}")).isEqualTo(new Trigger.MilestoneMissed());
		assertThat(trigger("{trigger: milestone.achieved}")).isEqualTo(new Trigger.MilestoneAchieved());
		assertThat(trigger("{trigger: approval.requested}")).isEqualTo(new Trigger.ApprovalRequested());
		assertThat(trigger("{trigger: approval.decided, outcome: REJECTED}"))
			.isEqualTo(new Trigger.ApprovalDecided("REJECTED"));
		assertThat(trigger("{trigger: deliverable.accepted}")).isEqualTo(new Trigger.DeliverableAccepted());
		assertThat(trigger("{trigger: process.completed, template: qa-cycle}"))
			.isEqualTo(new Trigger.ProcessCompleted("qa-cycle"));
		assertThat(trigger("{trigger: schedule, cron: '0 0 9 * * MON', zone: Europe/Berlin}"))
			.isEqualTo(new Trigger.Schedule("0 0 9 * * MON", "Europe/Berlin"));
		assertThat(Triggers.VARIABLES).hasSize(15);
	}

	private static Trigger trigger(String when) {
		return valid(rule(when, NOTIFY)).rules().get(0).when();
	}

	@Test
	void readsEveryAction() {
		String milestone = "{trigger: milestone.achieved}";
		assertThat(action(milestone, "{action: notify, to: [owner, '@ann'], channels: [webhook], message: 'Hi {{project.name}}'}"))
			.isEqualTo(new Action.Notify(List.of(new Recipient.OfRole(Role.OWNER), new Recipient.Person("ann")),
					List.of(NotifyChannel.WEBHOOK), "Hi {{project.name}}"));
		assertThat(action(milestone, "{action: remind-feeding-task-owners}"))
			.isEqualTo(new Action.RemindFeedingTaskOwners(List.of(), null));
		assertThat(action(milestone, "{action: escalate, message: late, channels: email}"))
			.isEqualTo(new Action.Escalate("late", List.of(NotifyChannel.EMAIL)));
		assertThat(action(milestone, "{action: request-approval, title: 'Go?', approvers: [sponsor, approvers],"
				+ " due-days: 3, mode: ANY, about: milestone}"))
			.isEqualTo(new Action.RequestApproval("Go?", List.of(new Recipient.OfRole(Role.SPONSOR),
					new Recipient.OfRole(Role.APPROVERS)), 3, "ANY", true));
		assertThat(action(milestone, "{action: request-approval, title: 'Go?', approvers: manager}"))
			.isEqualTo(new Action.RequestApproval("Go?", List.of(new Recipient.OfRole(Role.MANAGER)), 5, "ALL", false));
		assertThat(action(milestone, "{action: start-process, template: qa-cycle, start-in-days: 2, name: QA}"))
			.isEqualTo(new Action.StartProcess("qa-cycle", 2, "QA"));
		assertThat(action(milestone, "{action: create-task, name: Retro, duration-days: 1, owner: manager,"
				+ " start-in-days: 1, feeds: milestone}"))
			.isEqualTo(new Action.CreateTask("Retro", 1, new Recipient.OfRole(Role.MANAGER), 1, true));
		assertThat(action(milestone, "{action: set-field, field: milestone.tags, value: done, mode: add}"))
			.isEqualTo(new Action.SetField("milestone.tags", "done", "add"));
		assertThat(action("{trigger: task.created}", "{action: set-field, field: task.description, value: x}"))
			.isEqualTo(new Action.SetField("task.description", "x", "set"));
		Action webhook = action(milestone,
				"{action: call-webhook, url: 'https://hooks.example.com/x', payload: {text: '{{milestone.name}}', n: 2}}");
		assertThat(webhook).isInstanceOf(Action.CallWebhook.class);
		assertThat(((Action.CallWebhook) webhook).payload()).containsEntry("text", "{{milestone.name}}")
			.containsEntry("n", 2L);
		assertThat(action(milestone, "{action: notify, to: [assignees, stakeholders, members], message: m}"))
			.isInstanceOf(Action.Notify.class);
	}

	private static Action action(String when, String then) {
		return valid(rule(when, then)).rules().get(0).then().get(0);
	}

	@Test
	void locatesBadYamlSyntax() {
		Problem problem = onlyProblem("blueprint: x\nrules:\n  - name: [unclosed\n");
		assertThat(problem.line()).isGreaterThanOrEqualTo(3);
		assertThat(problem.message()).startsWith("not valid YAML");
	}

	@Test
	void locatesAnUnknownKey() {
		Problem problem = onlyProblem("""
				blueprint: x
				rules:
				  - name: a
				    when: {trigger: task.created}
				    then:
				      - action: notify
				        to: manager
				        mesage: hi
				        message: hi
				""");
		assertThat(problem).isEqualTo(new Problem(8, 9, "rules[0].then[0].mesage",
				"unknown key 'mesage' in rules[0].then[0]; allowed: action, to, channels, message"));
	}

	@Test
	void locatesUnknownTriggerActionRoleChannelPersonAndField() {
		assertThat(onlyProblem(rule("{trigger: task.deleted}", NOTIFY)))
			.satisfies(p -> assertThat(p.path()).isEqualTo("rules[0].when.trigger"))
			.satisfies(p -> assertThat(p.line()).isEqualTo(4))
			.satisfies(p -> assertThat(p.message()).startsWith("unknown trigger 'task.deleted'"));
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: nudge}")).message())
			.startsWith("unknown action 'nudge'");
		Problem role = onlyProblem(rule("{trigger: task.created}", "{action: notify, to: [manager, boss], message: m}"));
		assertThat(role.path()).isEqualTo("rules[0].then[0].to[1]");
		assertThat(role.message()).startsWith("unknown role 'boss'");
		assertThat(role.line()).isEqualTo(6);
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: notify, to: manager, channels: sms, message: m}"))
			.message()).startsWith("unknown channel 'sms'");
		ProjectFacts onlyAnn = facts(Set.of("ann"), Set.of());
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: notify, to: ['@bob'], message: m}"), onlyAnn)
			.message()).isEqualTo("@bob is not a member of this project");
		assertThat(BlueprintParser.parse(rule("{trigger: task.created}", "{action: notify, to: ['@ann'], message: m}"),
				onlyAnn).valid()).isTrue();
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: set-field, field: task.name, value: x}"))
			.message()).startsWith("'task.name' is not one of task.description");
		assertThat(onlyProblem(rule("{trigger: task.updated, fields: [colour]}", NOTIFY)).message())
			.startsWith("unknown task field 'colour'");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: start-process, template: audit}"), onlyAnn)
			.message()).startsWith("no process template 'audit'");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: notify, to: manager, message: '{{milestone.name}}'}"))
			.message()).contains("the trigger task.created has no 'milestone'");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: notify, to: manager, message: '{{task.colour}}'}"))
			.message()).contains("'task' has no field 'colour'");
	}

	@Test
	void refusesActionsThatDoNotFitTheTrigger() {
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: remind-feeding-task-owners}")).message())
			.isEqualTo("the action remind-feeding-task-owners needs a milestone trigger, not task.created");
		assertThat(onlyProblem(rule("{trigger: schedule, cron: '0 0 9 * * *'}", "{action: notify, to: owner, message: m}"))
			.message()).startsWith("'owner' needs a task or milestone trigger");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: set-field, field: milestone.tags, value: x}"))
			.message()).startsWith("the trigger task.created has no milestone");
	}

	@Test
	void locatesWrongTypesMissingFieldsAndBadValues() {
		assertThat(onlyProblem(rule("{trigger: milestone.approaching, days: soon}", NOTIFY)))
			.satisfies(p -> assertThat(p.path()).isEqualTo("rules[0].when.days"))
			.satisfies(p -> assertThat(p.message()).isEqualTo("'days' must be a whole number from 0 to 365"));
		assertThat(onlyProblem(rule("{trigger: milestone.approaching, days: 400}", NOTIFY)).message())
			.isEqualTo("'days' must be from 0 to 365, not 400");
		assertThat(onlyProblem(rule("{trigger: milestone.approaching}", NOTIFY)).message())
			.isEqualTo("'days' is required in rules[0].when");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: notify, to: manager}")).message())
			.isEqualTo("'message' is required in rules[0].then[0]");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: notify, to: manager, message: [a, b]}"))
			.message()).isEqualTo("'message' must be text");
		assertThat(onlyProblem(rule("{trigger: schedule, cron: 'every monday'}", NOTIFY)).message())
			.startsWith("'every monday' is not a cron expression");
		assertThat(onlyProblem(rule("{trigger: schedule, cron: '0 0 9 * * MON', zone: Mars/Olympus}", NOTIFY))
			.message()).startsWith("'Mars/Olympus' is not a time zone");
		assertThat(onlyProblem(rule("{trigger: milestone.status-changed, to: LATE}", NOTIFY)).message())
			.startsWith("'LATE' is not one of ACHIEVED");
		assertThat(onlyProblem(rule("{trigger: task.created}", "{action: call-webhook, url: 'http://example.com'}"))
			.message()).isEqualTo("the webhook's url must be an https:// address");
		assertThat(onlyProblem("rules: []\nblueprint: x\n").message()).startsWith("'rules' must be a list of 1 to 50");
		assertThat(onlyProblem("- just\n- a list\n").message()).isEqualTo("the document must be a mapping of keys to values");
		assertThat(onlyProblem("").message()).isEqualTo("the blueprint is empty");
	}

	@Test
	void refusesAWebhookAddressTheRuntimeWouldRefuseAsSoonAsTheBlueprintIsSaved() {
		OutboundAddresses strict = new OutboundAddresses(false);
		ProjectFacts facts = new ProjectFacts() {
			@Override
			public boolean isMember(String username) {
				return true;
			}

			@Override
			public boolean hasTemplate(String template) {
				return true;
			}

			@Override
			public java.util.Optional<String> addressRefusal(java.net.URI address) {
				return strict.refusalAsWritten(address);
			}
		};
		for (String url : List.of("https://169.254.169.254/latest/meta-data", "https://[::127.0.0.1]/",
				"https://0177.0.0.1/", "https://localhost:8443/in")) {
			Problem problem = onlyProblem(rule("{trigger: task.created}", "{action: call-webhook, url: '" + url + "'}"),
					facts);
			assertThat(problem.path()).as(url).endsWith("url");
			assertThat(problem.message()).as(url).containsAnyOf("MILEPOST_WEBHOOKS_ALLOW_PRIVATE", "four decimal numbers");
		}
		assertThat(BlueprintParser.parse(rule("{trigger: task.created}",
				"{action: call-webhook, url: 'https://hooks.example.com/in'}"), facts).problems()).isEmpty();
	}

	@Test
	void refusesRepeatedRuleNamesAndKeys() {
		String twice = """
				blueprint: x
				rules:
				  - name: a
				    when: {trigger: task.created}
				    then: [%s]
				  - name: a
				    when: {trigger: task.created}
				    then: [%s]
				""".formatted(NOTIFY, NOTIFY);
		assertThat(onlyProblem(twice)).isEqualTo(new Problem(6, 11, "rules[1].name", "another rule is already named 'a'"));
		assertThat(onlyProblem("blueprint: x\nblueprint: y\nrules: []\n".replace("rules: []",
				"rules:\n  - {name: a, when: {trigger: task.created}, then: [" + NOTIFY + "]}")).message())
			.isEqualTo("'blueprint' is given twice");
	}

	@Test
	void refusesTooManyRulesAndActions() {
		StringBuilder many = new StringBuilder("blueprint: x\nrules:\n");
		for (int i = 0; i <= BlueprintParser.MAX_RULES; i++) {
			many.append("  - {name: r").append(i).append(", when: {trigger: task.created}, then: [").append(NOTIFY)
				.append("]}\n");
		}
		assertThat(onlyProblem(many.toString()).message()).isEqualTo("a blueprint has at most 50 rules, this one has 51");
		String actions = String.join(", ", java.util.Collections.nCopies(11, NOTIFY));
		assertThat(onlyProblem("blueprint: x\nrules:\n  - {name: a, when: {trigger: task.created}, then: [" + actions
				+ "]}\n").message()).isEqualTo("a rule has at most 10 actions, this one has 11");
	}

	@Test
	void refusesAliasesAnchorsTagsDeepNestingSeveralDocumentsAndHugeTexts() {
		assertThat(onlyProblem("blueprint: &n x\nrules: []\n").message()).isEqualTo("anchors (&name) are not allowed");
		assertThat(onlyProblem("blueprint: *n\n").message()).isEqualTo("aliases (*name) are not allowed");
		assertThat(onlyProblem("blueprint: !!python/object:os.system x\n").message())
			.isEqualTo("tags (!name) are not allowed");
		assertThat(onlyProblem("blueprint: x\n---\nblueprint: y\n").message())
			.isEqualTo("only one YAML document is allowed");
		Problem deep = onlyProblem("a: " + "[".repeat(5000) + "]".repeat(5000));
		assertThat(deep.message()).isEqualTo("nested more than 12 levels deep");
		assertThat(deep.line()).isEqualTo(1);
		assertThat(onlyProblem("blueprint: " + "x".repeat(70_000)).message()).isEqualTo("the blueprint is larger than 64 KB");
		// the billion laughs need aliases, which are refused before anything is expanded
		assertThat(onlyProblem("a: &a [x, x]\nb: &b [*a, *a]\n").message()).isEqualTo("anchors (&name) are not allowed");
	}

	@Test
	void boundsItsWorkInYamlEventsWhateverTheText() {
		// 30,000 one-character items fit in 64 KB; the parser stops counting at 20,000 events
		String many = "rules: [" + "x,".repeat(30_000) + "x]\n";
		assertThat(many.length()).isLessThan(BlueprintParser.MAX_BYTES);
		Problem problem = onlyProblem(many);
		assertThat(problem.message()).isEqualTo("the blueprint has too many elements");
		assertThat(problem.line()).isEqualTo(1);
	}

	@Test
	void locatesConditionErrorsInTheYamlText() {
		Problem plain = onlyProblem(
				rule("{trigger: task.created}", NOTIFY).replace("    then:", "    if: task.percentComplete == \"x\"\n    then:"));
		assertThat(plain.path()).isEqualTo("rules[0].if");
		assertThat(plain.line()).isEqualTo(5);
		assertThat(plain.column()).isEqualTo(30); // the == in: `    if: task.percentComplete == "x"`
		assertThat(plain.message()).contains("no matching overload for '_==_' applied to '(int, string)'");
		Problem block = onlyProblem(rule("{trigger: task.created}", NOTIFY)
			.replace("    then:", "    if: |\n      task.critical &&\n        task.colour == 'red'\n    then:"));
		assertThat(block.line()).isEqualTo(7);
		assertThat(block.column()).isEqualTo(13);
		assertThat(block.message()).isEqualTo("undefined field 'colour'");
	}

	static ProjectFacts facts(Set<String> members, Set<String> templates) {
		return new ProjectFacts() {
			@Override
			public boolean isMember(String username) {
				return members.contains(username);
			}

			@Override
			public boolean hasTemplate(String template) {
				return templates.contains(template);
			}
		};
	}

}
