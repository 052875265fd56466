package dev.milepost.automation.runtime;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.automation.definition.ActiveRule;
import dev.milepost.plan.PlanQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.milepost.Teams.check;
import static dev.milepost.automation.runtime.RuntimeFixture.automationInbox;
import static dev.milepost.automation.runtime.RuntimeFixture.finishedRun;
import static dev.milepost.automation.runtime.RuntimeFixture.patchTask;
import static dev.milepost.automation.runtime.RuntimeFixture.task;
import static dev.milepost.automation.runtime.RuntimeFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

/** The loop guard, failing actions and incidents, and running a rule once per event. */
@MilepostTest
class SafetyTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	TestBlueprints blueprints;

	@Autowired
	PlanQueries plans;

	@Autowired
	RuleRunner runner;

	@Autowired
	Background background;

	Teams.Team team;

	UUID project;

	List<ActiveRule> install(String yaml) {
		team = teams.team(Api.at(port));
		project = plans.projectId(team.key()).orElseThrow();
		return blueprints.install(project, yaml);
	}

	@Test
	void aRuleTriggeredByItsOwnEffectIsStoppedLoggedAndRaisedAsAnIncident() {
		install("""
				blueprint: Echo
				rules:
				  - name: Stamp every change
				    when:
				      trigger: task.updated
				    then:
				      - action: set-field
				        field: task.description
				        value: "Changed on {{event.today}} by {{event.actor}}"
				""");
		String task = task(team, "Patch servers", today(), 3, team.member());
		patchTask(team, task, java.util.Map.of("name", "Patch all servers"));

		// every event due has been handled, the effect's own event too: a loop not stopped would show here
		background.drain();
		List<JsonNode> runs = RuntimeFixture.runs(team);
		assertThat(runs).hasSize(2).noneMatch(run -> run.get("status").asString().equals("RUNNING"));
		JsonNode stopped = runs.stream().filter(run -> run.get("status").asString().equals("LOOP_STOPPED")).findFirst()
			.orElseThrow(() -> new AssertionError(runs.toString()));
		JsonNode first = runs.stream().filter(run -> run.get("status").asString().equals("SUCCEEDED")).findFirst()
			.orElseThrow();
		assertThat(stopped.get("causedByRun").asString()).isEqualTo(first.get("id").asString());
		assertThat(stopped.get("depth").asInt()).isEqualTo(1);
		assertThat(stopped.get("detail").asString()).contains("Stopped a loop");
		assertThat(RuntimeFixture.task(team, task).get("description").asString()).contains("by " + team.manager().username());

		JsonNode incidents = check(team.as(team.member()).get(team.path("/automation/incidents")), 200).json();
		assertThat(incidents.get("items")).singleElement().satisfies(incident -> {
			assertThat(incident.get("kind").asString()).isEqualTo("LOOP_STOPPED");
			assertThat(incident.get("runId").asString()).isEqualTo(stopped.get("id").asString());
		});
		assertThat(automationInbox(team, team.manager(), 1).get(0).get("title").asString())
			.isEqualTo("Automation needs a look: Stamp every change");
	}

	@Test
	void aFailingActionIsAnIncidentAndTheRunsOtherActionsStillRun() {
		install("""
				blueprint: Partly broken
				rules:
				  - name: Tell people
				    when:
				      trigger: task.created
				    then:
				      - action: notify
				        to: ["@nobody-here"]
				        message: "{{task.name}} was created"
				      - action: call-webhook
				        url: "https://127.0.0.1:9/unreachable"
				      - action: notify
				        to: [stakeholders]
				        channels: [in-app]
				        message: "{{task.name}} was created"
				""");
		task(team, "Order hardware", today(), 3, team.member());

		JsonNode run = finishedRun(team, "Tell people");
		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("actions")).extracting(action -> action.get("status").asString())
			.containsExactly("FAILED", "FAILED", "SUCCEEDED");
		assertThat(run.get("actions").get(0).get("detail").asString()).contains("@nobody-here is not a member");
		assertThat(run.get("actions").get(1).get("detail").asString()).contains("127.0.0.1:9");
		assertThat(automationInbox(team, team.stakeholder(), 1).get(0).get("title").asString())
			.isEqualTo("Order hardware was created");

		JsonNode incidents = check(team.as(team.manager()).get(team.path("/automation/incidents")), 200).json();
		assertThat(incidents.get("items")).hasSize(2)
			.allSatisfy(incident -> assertThat(incident.get("kind").asString()).isEqualTo("ACTION_FAILED"));
		assertThat(automationInbox(team, team.manager(), 2)).allSatisfy(
				notice -> assertThat(notice.get("title").asString()).startsWith("Automation needs a look"));
	}

	@Test
	void theSameEventRunsARuleOnceHoweverManyTryAtOnce() throws Exception {
		ActiveRule rule = install("""
				blueprint: Once
				rules:
				  - name: Tell the manager
				    when:
				      trigger: task.created
				    then:
				      - action: notify
				        to: [manager]
				        channels: [in-app]
				        message: "{{task.name}}"
				""").get(0);
		String task = task(team, "Only once", today(), 2, team.member());
		finishedRun(team, "Tell the manager");
		Occurrence occurrence = new Occurrence(team.key(), "task.created", java.util.Map.of("taskId", task), "someone",
				java.time.Instant.now());
		String key = "test:" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<Optional<UUID>> attempt = () -> runner.run(project, occurrence, rule, key, null, 0, List.of(),
					() -> runner.facts(project));
			List<Future<Optional<UUID>>> attempts = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
			long ran = 0;
			for (Future<Optional<UUID>> each : attempts) {
				ran += each.get().isPresent() ? 1 : 0;
			}
			assertThat(ran).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		background.drain();
		assertThat(RuntimeFixture.inbox(team, team.manager(), "AUTOMATION")).hasSize(2);
	}

}
