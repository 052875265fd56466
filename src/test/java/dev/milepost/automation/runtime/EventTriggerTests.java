package dev.milepost.automation.runtime;

import java.util.List;
import java.util.Map;
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

import static dev.milepost.Teams.check;
import static dev.milepost.automation.runtime.RuntimeFixture.automationInbox;
import static dev.milepost.automation.runtime.RuntimeFixture.finishedRun;
import static dev.milepost.automation.runtime.RuntimeFixture.inboxAbout;
import static dev.milepost.automation.runtime.RuntimeFixture.patchTask;
import static dev.milepost.automation.runtime.RuntimeFixture.task;
import static dev.milepost.automation.runtime.RuntimeFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event triggers end to end: a rule in force, a change through the API, the effect, the run log and
 * "why did this happen?".
 */
@MilepostTest
class EventTriggerTests {

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
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Teams.Team team(String yaml) {
		Teams.Team team = teams.team(Api.at(port));
		blueprints.install(plans.projectId(team.key()).orElseThrow(), yaml);
		return team;
	}

	@Test
	void aCreatedTaskTellsTheManagerAndTheNoticeLeadsBackToTheRunTheVersionAndTheCondition() {
		Teams.Team team = team("""
				blueprint: Intake
				rules:
				  - name: Tell the manager about long tasks
				    when:
				      trigger: task.created
				    if: task.durationDays > 3
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "New task {{task.name}} ({{task.durationDays}} days)"
				""");
		String task = task(team, "Migrate payroll", today(), 5, team.member());
		task(team, "Short chore", today(), 2, team.member());

		JsonNode notice = automationInbox(team, team.manager(), 1).get(0);
		assertThat(notice.get("title").asString()).isEqualTo("New task Migrate payroll (5 days)");
		JsonNode why = check(team.as(team.manager()).get(notice.get("causedBy").asString()), 200).json();
		assertThat(why.get("run").get("blueprintName").asString()).isEqualTo("Intake");
		assertThat(why.get("run").get("versionNumber").asInt()).isEqualTo(1);
		assertThat(why.get("run").get("trigger").asString()).isEqualTo("task.created");
		assertThat(why.get("run").get("event").get("taskId").asString()).isEqualTo(task);
		assertThat(why.get("run").get("condition").asString()).isEqualTo("task.durationDays > 3");
		assertThat(why.get("run").get("conditionValue").asBoolean()).isTrue();
		assertThat(why.get("action").get("action").asString()).isEqualTo("notify");
		assertThat(why.get("explanation").asString()).contains("Tell the manager about long tasks");

		background.drain();
		assertThat(RuntimeFixture.runs(team)).extracting(run -> run.get("status").asString())
			.containsExactlyInAnyOrder("SUCCEEDED", "SKIPPED");
		assertThat(RuntimeFixture.inbox(team, team.manager(), "AUTOMATION")).hasSize(1);
		check(team.as(team.outsider()).get(notice.get("causedBy").asString()), 404);
	}

	@Test
	void aWatchedFieldChangeSetsTheDescriptionAsTheAutomationActor() {
		Teams.Team team = team("""
				blueprint: Progress notes
				rules:
				  - name: Note half way
				    when:
				      trigger: task.updated
				      fields: [percentComplete]
				    if: '"percentComplete" in changes && task.percentComplete == 50'
				    then:
				      - action: set-field
				        field: task.description
				        value: "Half way at {{task.percentComplete}}% on {{event.today}}"
				""");
		String task = task(team, "Load test", today(), 5, team.member());
		patchTask(team, task, Map.of("name", "Load test of the cluster"));
		patchTask(team, task, Map.of("percentComplete", 50));

		await().until(() -> task(team, task).get("description").asString(""), text -> text.startsWith("Half way at 50%"));
		JsonNode run = finishedRun(team, "Note half way");
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		// the description it set is a change too, of a field the rule does not watch: no second run, ever
		background.drain();
		assertThat(RuntimeFixture.runs(team)).hasSize(1);
		JsonNode audit = check(team.as(team.manager()).get(team.path("/audit?size=500")), 200).json();
		assertThat(audit.get("items").findValuesAsString("actor")).contains("automation:Progress notes");
	}

	@Test
	void aConditionOnAFieldsChangeFiresOnlyForThatChangeAndNamesBeforeAndAfter() {
		Teams.Team team = team("""
				blueprint: Status watch
				rules:
				  - name: Tell the manager of finished work
				    when:
				      trigger: task.updated
				    if: '"status" in changes && changes.status.after == "DONE"'
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "{{task.name}}: {{changes.status.before}} to {{changes.status.after}}"
				  - name: Tell the manager of moved starts
				    when:
				      trigger: task.updated
				      fields: [plannedStart]
				    if: changes["plannedStart"].before != changes["plannedStart"].after
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "{{task.name}} now starts {{changes.plannedStart.after}}"
				""");
		String task = task(team, "Write runbook", today().minusDays(10), 3, team.member());
		patchTask(team, task, Map.of("name", "Write the runbook"));
		patchTask(team, task, Map.of("actualStart", today().minusDays(10).toString()));
		patchTask(team, task, Map.of("actualFinish", today().toString(), "percentComplete", 100));

		JsonNode done = automationInbox(team, team.manager(), 1).get(0);
		assertThat(done.get("title").asString()).isEqualTo("Write the runbook: IN_PROGRESS to DONE");
		// three updates, one finish: the rename and the start ran the rule and its condition said no
		background.drain();
		assertThat(RuntimeFixture.runs(team)).extracting(run -> run.get("status").asString())
			.containsExactlyInAnyOrder("SUCCEEDED", "SKIPPED", "SKIPPED");

		String later = task(team, "Cut over", today().plusDays(3), 1);
		patchTask(team, later, Map.of("plannedStart", today().plusDays(5).toString()));
		await().until(() -> RuntimeFixture.inbox(team, team.manager(), "AUTOMATION"), items -> items.size() == 2);
		assertThat(RuntimeFixture.inbox(team, team.manager(), "AUTOMATION"))
			.extracting(notice -> notice.get("title").asString())
			.contains("Cut over now starts " + today().plusDays(5));
		JsonNode moved = finishedRun(team, "Tell the manager of moved starts");
		assertThat(moved.get("status").asString()).as(moved.toString()).isEqualTo("SUCCEEDED");
		assertThat(moved.get("conditionValue").asBoolean()).isTrue();
	}

	@Test
	void aCompletedTaskCreatesAFollowUpForItsAssigneesAndWhyFindsTheRun() {
		Teams.Team team = team("""
				blueprint: Reviews
				rules:
				  - name: Review finished work
				    when:
				      trigger: task.completed
				    then:
				      - action: create-task
				        name: "Review {{task.name}}"
				        duration-days: 2
				        owner: owner
				""");
		String task = task(team, "Write runbook", today().minusDays(10), 3, team.member());
		patchTask(team, task, Map.of("actualStart", today().minusDays(10).toString(), "actualFinish",
				today().toString(), "percentComplete", 100));

		JsonNode run = finishedRun(team, "Review finished work");
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		String created = run.get("actions").get(0).get("entityId").asString();
		JsonNode review = task(team, created);
		assertThat(review.get("name").asString()).isEqualTo("Review Write runbook");
		assertThat(review.get("assignees").toString()).contains(team.member().username());
		JsonNode why = check(team.as(team.member()).get(team.path("/automation/why?type=task&id=" + created)), 200)
			.json();
		assertThat(why.get("run").get("id").asString()).isEqualTo(run.get("id").asString());
		check(team.as(team.member()).get(team.path("/automation/why?type=task&id=" + task)), 404);
	}

	@Test
	void aMissedMilestoneIsEscalatedToTheSponsorAndItsStatusChangeTellsTheOwner() {
		Teams.Team team = team("""
				blueprint: Escalation
				rules:
				  - name: Escalate misses
				    when:
				      trigger: milestone.missed
				    then:
				      - action: escalate
				        message: "{{milestone.name}} missed its target {{milestone.target}}"
				  - name: Owner hears of it
				    when:
				      trigger: milestone.status-changed
				      to: MISSED
				    then:
				      - action: notify
				        to: [owner]
				        channels: [in-app]
				        message: "{{milestone.name}} is now {{change.to}}"
				""");
		RuntimeFixture.milestone(team, "Data centre exit", team.member(), today().minusDays(3));

		JsonNode sponsor = automationInbox(team, team.approver(), 1).get(0);
		assertThat(sponsor.get("title").asString()).startsWith("Data centre exit missed its target");
		assertThat(finishedRun(team, "Escalate misses").get("event").get("to").asString()).isEqualTo("MISSED");
		// the owner hears of the miss once: the rule's notice and the built-in one tell of one event
		assertThat(finishedRun(team, "Owner hears of it").get("event").get("to").asString()).isEqualTo("MISSED");
		assertThat(inboxAbout(team, team.member(), "Data centre exit")).hasSize(1);
	}

	@Test
	void anAchievedMilestoneStartsAProcessAndWhyFindsItsRun() {
		Teams.Team team = team("""
				blueprint: Quality
				rules:
				  - name: QA after design
				    when:
				      trigger: milestone.achieved
				    if: milestone.name.startsWith("Design")
				    then:
				      - action: start-process
				        template: qa-cycle
				        start-in-days: 1
				        name: "QA after {{milestone.name}}"
				""");
		String milestone = RuntimeFixture.milestone(team, "Design signed off", team.member(), today().plusDays(20));
		check(team.as(team.member()).post(team.path("/milestones/" + milestone + "/achievement"),
				Map.of("evidence", "Design review minutes")), 200);

		JsonNode run = finishedRun(team, "QA after design");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		String process = run.get("actions").get(0).get("entityId").asString();
		JsonNode started = check(team.as(team.member()).get(team.path("/processes/" + process)), 200).json();
		assertThat(started.get("name").asString()).isEqualTo("QA after Design signed off");
		assertThat(started.get("startedBy").asString()).isEqualTo("automation:Quality");
		check(team.as(team.member()).get(team.path("/automation/why?type=process&id=" + process)), 200);
	}

	@Test
	void anAcceptedDeliverableAsksTheManagerForAnApproval() {
		Teams.Team team = team("""
				blueprint: Acceptance
				rules:
				  - name: Confirm acceptance
				    when:
				      trigger: deliverable.accepted
				    then:
				      - action: request-approval
				        title: "Hand over {{deliverable.name}}?"
				        approvers: [manager]
				        due-days: 3
				""");
		String deliverable = check(team.as(team.manager()).post(team.path("/deliverables"),
				Map.of("name", "Runbook", "acceptor", team.approver().username())), 201).json().get("id").asString();
		check(team.as(team.approver()).post(team.path("/deliverables/" + deliverable + "/acceptance"),
				Map.of("note", "Looks right")), 200);

		JsonNode run = finishedRun(team, "Confirm acceptance");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		String approval = run.get("actions").get(0).get("entityId").asString();
		JsonNode request = check(team.as(team.manager()).get(team.path("/approvals/" + approval)), 200).json();
		assertThat(request.get("title").asString()).isEqualTo("Hand over Runbook?");
		JsonNode why = check(team.as(team.manager()).get(team.path("/automation/why?type=approval&id=" + approval)), 200)
			.json();
		assertThat(why.get("run").get("event").get("deliverableId").asString()).isEqualTo(deliverable);
	}

	@Test
	void approvalsRequestedAndDecidedTellTheApproversAndTheManager() {
		Teams.Team team = team("""
				blueprint: Approvals
				rules:
				  - name: Approvers hear of it
				    when:
				      trigger: approval.requested
				    then:
				      - action: notify
				        to: [approvers]
				        channels: [in-app]
				        message: "Please decide #{{approval.number}}: {{approval.title}}"
				  - name: Manager hears the outcome
				    when:
				      trigger: approval.decided
				      outcome: APPROVED
				    if: approval.decidedBy != "" && approval.title.startsWith("Go-live")
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "#{{approval.number}} {{approval.title}} approved by {{approval.decidedBy}}"
				""");
		String approval = check(team.as(team.manager()).post(team.path("/approvals"), Map.of("title",
				"Go-live approved?", "approvers", List.of(Map.of("username", team.approver().username())), "dueDate",
				today().plusDays(7).toString())), 201).json().get("id").asString();

		// the approver is told of the request once, by the rule or by the built-in notice, whichever came first
		finishedRun(team, "Approvers hear of it");
		assertThat(inboxAbout(team, team.approver(), "Go-live approved?")).hasSize(1);
		check(team.as(team.approver()).post(team.path("/approvals/" + approval + "/decisions"),
				Map.of("decision", "APPROVE")), 200);

		assertThat(finishedRun(team, "Manager hears the outcome").get("event").get("status").asString())
			.isEqualTo("APPROVED");
		// the manager hears the outcome once, in the rule's words or the built-in notice's
		// ("Approval #n of KEY: approve by …"), whichever came first
		assertThat(inboxAbout(team, team.manager(), " by " + team.approver().username())).hasSize(1);
	}

	@Test
	void aCompletedProcessTellsTheManager() {
		Teams.Team team = team("""
				blueprint: Processes
				rules:
				  - name: Process done
				    when:
				      trigger: process.completed
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "{{process.name}} is complete"
				""");
		Api manager = team.as(team.manager());
		String template = check(manager.post(team.path("/process-templates"), Map.of("name", "Review", "steps",
				List.of(Map.of("key", "review", "name", "Review", "kind", "TASK", "durationDays", 1, "owner", "MEMBER",
						"startOffset", 0)),
				"milestone", Map.of("name", "Reviewed", "owner", "MANAGER", "criterion", "ALL_FEEDING_TASKS_DONE"))), 201)
			.json()
			.get("id")
			.asString();
		JsonNode process = check(manager.post(team.path("/processes"), Map.of("template", template, "start",
				today().minusDays(5).toString(), "name", "Review of release 2")), 201).json();
		String step = process.get("steps").get(0).get("id").asString();
		patchTask(team, step, Map.of("actualStart", today().minusDays(5).toString(), "actualFinish",
				today().minusDays(1).toString(), "percentComplete", 100));
		String milestone = process.get("milestone").get("id").asString();
		check(manager.post(team.path("/milestones/" + milestone + "/achievement"), Map.of("evidence", "Reviewed")), 200);

		JsonNode notice = automationInbox(team, team.manager(), 1).get(0);
		assertThat(notice.get("title").asString()).isEqualTo("Review of release 2 is complete");
	}

	@Test
	void aPausedProjectRunsNothing() {
		Teams.Team team = team("""
				blueprint: Paused
				rules:
				  - name: Tell the manager
				    when:
				      trigger: task.created
				    then:
				      - action: notify
				        to: [manager]
				        message: "{{task.name}}"
				""");
		UUID project = plans.projectId(team.key()).orElseThrow();
		blueprints.pause(project);
		task(team, "Quiet task", today(), 2, team.member());
		// capture happens in the change's own transaction: nothing captured, nothing can run later
		assertThat(jdbc.sql("select count(*) from automation_event where project_id = :p").param("p", project)
			.query(Long.class).single()).isZero();
		background.drain();
		assertThat(RuntimeFixture.runs(team)).isEmpty();
	}

}
