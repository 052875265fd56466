package dev.milepost.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the grammar treats what it does not understand, several sentences, and odd text. */
class AssistantGrammarTests {

	@Test
	void aRequestWithNoUnderstoodRuleDraftsNothingAndSaysWhy() {
		Draft draft = Grammar.read("Please make coffee for the team");
		assertThat(draft.rules()).isEmpty();
		assertThat(draft.notUnderstood()).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("Please make coffee for the team");
			assertThat(n.position()).isZero();
			assertThat(n.reason()).startsWith("No trigger understood");
		});
	}

	@Test
	void aTriggerWithoutAnActionMakesNoRule() {
		Draft draft = Grammar.read("When a task is overdue, dance wildly.");
		assertThat(draft.rules()).isEmpty();
		assertThat(draft.notUnderstood()).singleElement()
			.satisfies(n -> assertThat(n.reason()).startsWith("No action understood"));
	}

	@Test
	void anActionWithoutATriggerMakesNoRule() {
		Draft draft = Grammar.read("Notify the manager.");
		assertThat(draft.rules()).isEmpty();
		assertThat(draft.notUnderstood()).singleElement()
			.satisfies(n -> assertThat(n.reason()).startsWith("No trigger understood"));
	}

	@Test
	void wordsItCannotPlaceAreReportedWithTheirPositionAndLeftOut() {
		String text = "When a task is overdue, notify the manager immediately with fireworks";
		Draft draft = Grammar.read(text);
		assertThat(draft.rules()).hasSize(1);
		assertThat(draft.notUnderstood()).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("immediately with fireworks");
			assertThat(n.position()).isEqualTo(text.indexOf("immediately"));
		});
	}

	@Test
	void readingIsBoundedByStepsNotTimeAndStopsWhereTheBudgetRunsOut() {
		String first = "When a task is overdue notify the manager. ";
		String text = first + "When a milestone is missed escalate to the sponsor.";
		Draft whole = Grammar.read(text);
		assertThat(whole.rules()).hasSize(2);
		assertThat(whole.steps()).isPositive().isLessThan(Grammar.MAX_STEPS / 100);

		// a budget that covers the first sentence only: its rule stays, the rest is reported, not guessed
		long firstSentence = Grammar.read(first).steps();
		Draft cut = Grammar.read(text, firstSentence + 10);
		assertThat(cut.rules()).extracting(Draft.DraftRule::trigger).containsExactly("task.overdue");
		assertThat(cut.notUnderstood()).singleElement().satisfies(n -> {
			assertThat(n.position()).isEqualTo(first.length());
			assertThat(n.text()).isEqualTo("When a milestone is missed escalate to the sponsor.");
			assertThat(n.reason()).contains("too involved").contains("Split it");
		});
		assertThat(cut.steps()).isEqualTo(firstSentence + 11);
	}

	@Test
	void theLongestRequestOfDocumentedPhrasingsNeedsAFractionOfTheBudget() {
		StringBuilder text = new StringBuilder();
		while (text.length() < BlueprintAssistant.MAX_TEXT) {
			text.append("when a task tagged urgent assigned to @bob is overdue or a milestone turns at risk, notify "
					+ "its owner and the manager and escalate to the sponsor saying \"late\" and ");
		}
		Draft draft = Grammar.read(text.substring(0, BlueprintAssistant.MAX_TEXT));
		assertThat(draft.notUnderstood()).noneMatch(n -> n.reason().contains("too involved"));
		assertThat(draft.steps()).isLessThan(Grammar.MAX_STEPS / 4);
	}

	@Test
	void severalSentencesMakeSeveralRulesEachUnderstoodWhereItStands() {
		String text = "When a task is overdue notify the manager. When a milestone is missed escalate to the sponsor.\n"
				+ "Every Friday at 4 pm tell the stakeholders";
		Draft draft = Grammar.read(text);
		assertThat(draft.rules()).extracting(Draft.DraftRule::trigger)
			.containsExactly("task.overdue", "milestone.missed", "schedule");
		assertThat(draft.understood()).extracting(Understood::position)
			.containsExactly(0, text.indexOf("When a milestone"), text.indexOf("Every Friday"));
		assertThat(draft.rules().get(2).parameters()).containsEntry("cron", "0 0 16 * * FRI");
		assertThat(draft.notUnderstood()).isEmpty();
	}

	@Test
	void twoTriggersInOneSentenceMakeOneRuleEach() {
		Draft draft = Grammar.read("When a task is overdue or a milestone is missed, notify the manager.");
		assertThat(draft.rules()).extracting(Draft.DraftRule::trigger).containsExactly("task.overdue", "milestone.missed");
		assertThat(draft.rules()).extracting(Draft.DraftRule::name).doesNotHaveDuplicates();
	}

	@Test
	void aWeeklyScheduleCannotReachMilestonesSoTheMilestoneTriggerIsUsedAndTheScheduleReported() {
		Draft draft = Grammar.read("every Monday at 9 remind the owners of tasks feeding milestones due in 14 days");
		assertThat(draft.rules()).singleElement().satisfies(rule -> {
			assertThat(rule.trigger()).isEqualTo("milestone.approaching");
			assertThat(rule.parameters()).containsEntry("days", 14);
			assertThat(rule.actions()).extracting(Draft.DraftAction::action).containsExactly("remind-feeding-task-owners");
		});
		assertThat(draft.notUnderstood()).singleElement().satisfies(n -> {
			assertThat(n.text()).isEqualTo("every Monday at 09:00");
			assertThat(n.position()).isZero();
			assertThat(n.reason()).contains("schedule cannot be combined");
		});
	}

	@Test
	void rolesThatTheTriggerHasNoneOfAreReportedNotGuessed() {
		Draft draft = Grammar.read("When an approval is approved, tell its owner and the manager.");
		assertThat(draft.rules()).singleElement()
			.satisfies(rule -> assertThat(rule.actions().get(0).parameters()).containsEntry("to", java.util.List.of("manager")));
		assertThat(draft.notUnderstood()).singleElement().satisfies(n -> assertThat(n.text()).isEqualTo("owner"));
	}

	@Test
	void conditionsThatDoNotFitTheTriggerAreReported() {
		Draft draft = Grammar.read("When a task tagged urgent is overdue, notify the manager.");
		assertThat(draft.rules()).singleElement().satisfies(rule -> assertThat(rule.condition()).isNull());
		assertThat(draft.notUnderstood()).singleElement()
			.satisfies(n -> assertThat(n.reason()).contains("only milestones have tags"));
	}

	@Test
	void anUnlessWithNothingUnderstoodAfterItIsReportedNotDropped() {
		Draft draft = Grammar.read("When a task is overdue notify the manager unless the sky is blue");
		assertThat(draft.rules()).singleElement().satisfies(rule -> assertThat(rule.condition()).isNull());
		assertThat(draft.notUnderstood()).extracting(NotUnderstood::text).containsExactly("unless the sky is blue");
	}

	@Test
	void numbersOutOfRangeMakeNoTrigger() {
		Draft draft = Grammar.read("When a task is 900 days from its due date, notify the manager.");
		assertThat(draft.rules()).isEmpty();
	}

	@Test
	void quotedTextIsWrittenSafelyIntoYaml() {
		Draft draft = Grammar.read("When a milestone is missed, notify the sponsor saying \"it's late: {{milestone.name}} # no\"");
		String yaml = Yaml.write("Assistant draft", null, draft.rules());
		assertThat(yaml).contains("message: 'it''s late: {{milestone.name}} # no'");
	}

	@Test
	void usernamesAreQuotedInYamlLists() {
		Draft draft = Grammar.read("When a task assigned to @bob is overdue, notify @bob and the manager.");
		assertThat(draft.rules().get(0).condition()).isEqualTo("\"bob\" in task.assignees");
		assertThat(Yaml.write("Assistant draft", null, draft.rules())).contains("to: ['@bob', manager]");
	}

	@Test
	void controlCharactersAreEscapedInYaml() {
		assertThat(Yaml.scalar("a\u0007b\nc")).isEqualTo("\"a\\u0007b\\nc\"");
		assertThat(Yaml.celString("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
	}

}
