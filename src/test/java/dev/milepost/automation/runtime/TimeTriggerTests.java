package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.plan.PlanQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.milepost.automation.runtime.RuntimeFixture.automationInbox;
import static dev.milepost.automation.runtime.RuntimeFixture.task;
import static dev.milepost.automation.runtime.RuntimeFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time triggers: which tasks and milestones match today, once each however often the sweep runs
 * (the background sweep may run too: the dedupe keys keep them apart).
 */
@MilepostTest
class TimeTriggerTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Autowired
	TestBlueprints blueprints;

	@Autowired
	PlanQueries plans;

	@Autowired
	TimeTriggers triggers;

	@Test
	void dueOverdueApproachingAndScheduledRulesFireOnceForWhatMatchesToday() {
		Teams.Team team = teams.team(Api.at(port));
		UUID project = plans.projectId(team.key()).orElseThrow();
		blueprints.install(project, """
				blueprint: Daily
				rules:
				  - name: Finishing today
				    when:
				      trigger: task.due
				      days: 0
				    then:
				      - action: notify
				        to: [assignees]
				        channels: [in-app]
				        message: "{{task.name}} is due today ({{task.plannedFinish}})"
				  - name: Late work
				    when:
				      trigger: task.overdue
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "{{task.name}} is late"
				  - name: Ten days out
				    when:
				      trigger: milestone.approaching
				      days: 10
				    then:
				      - action: remind-feeding-task-owners
				        channels: [in-app]
				  - name: Every day
				    when:
				      trigger: schedule
				      cron: "0 0 0 * * *"
				    if: project.timeZone == "UTC"
				    then:
				      - action: notify
				        to: [stakeholders]
				        channels: [in-app]
				        message: "Status check for {{project.key}}"
				""");
		// a one-day task starting today finishes today (moved to the next working day on a weekend)
		String dueToday = task(team, "Sign the contract", today(), 1, team.member());
		task(team, "Order licences", today().minusDays(30), 2, team.member());
		String feeding = task(team, "Prepare cut-over", today().plusDays(1), 3, team.approver());
		String milestone = RuntimeFixture.milestone(team, "Cut-over", team.stakeholder(), today().plusDays(10));
		RuntimeFixture.feeds(team, feeding, milestone);

		Instant now = Instant.now();
		triggers.sweep(project, team.key(), now);
		triggers.sweep(project, team.key(), now);

		// the second sweep finds each occurrence already taken: after every due event is handled, each rule ran once
		background.drain();
		List<JsonNode> runs = RuntimeFixture.runs(team);
		assertThat(runs).extracting(run -> run.get("rule").asString())
			.containsOnlyOnce("Late work", "Ten days out", "Every day");
		boolean workingDay = runs.stream().anyMatch(run -> run.get("rule").asString().equals("Finishing today"));
		if (workingDay) {
			JsonNode due = runs.stream().filter(run -> run.get("rule").asString().equals("Finishing today")).findFirst()
				.orElseThrow();
			assertThat(due.get("event").get("taskId").asString()).isEqualTo(dueToday);
		}
		assertThat(runs).allSatisfy(run -> assertThat(run.get("status").asString()).isIn("SUCCEEDED", "RUNNING"));
		assertThat(automationInbox(team, team.manager(), 1).get(0).get("title").asString()).isEqualTo("Order licences is late");
		assertThat(automationInbox(team, team.approver(), 1).get(0).get("title").asString())
			.startsWith("Reminder: Cut-over is due on");
		assertThat(automationInbox(team, team.stakeholder(), 1).get(0).get("title").asString())
			.isEqualTo("Status check for " + team.key());
	}

}
