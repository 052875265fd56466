package dev.milepost.process;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Processes over HTTP: started from templates, worked through by the team, completed by their milestone. */
@MilepostTest
class ProcessApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	Teams.Team team;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
	}

	private Api manager() {
		return team.as(team.manager());
	}

	private static String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	private Map<String, Object> counts() {
		Map<String, Object> counts = new java.util.LinkedHashMap<>();
		for (String collection : List.of("/tasks", "/milestones", "/dependencies", "/approvals")) {
			counts.put(collection, check(manager().get(team.path(collection)), 200).json().get("totalItems").asLong());
		}
		counts.put("/processes", check(manager().get(team.path("/processes")), 200).json().size());
		counts.put("/process-templates", check(manager().get(team.path("/process-templates")), 200).json().size());
		return counts;
	}

	@Test
	void aQaCycleIsStartedWorkedThroughAndCompletedByItsSignOff() {
		Api.Response started = manager().post(team.path("/processes"),
				Map.of("template", "qa-cycle", "start", today(), "name", "QA of release 2.4"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		JsonNode process = started.json();
		String id = process.get("id").asString();
		assertThat(started.header("Location")).endsWith("/processes/" + id);
		assertThat(process.get("status").asString()).isEqualTo("RUNNING");
		assertThat(process.get("template").asString()).isEqualTo("qa-cycle");
		assertThat(process.get("steps").valueStream().map(s -> s.get("key").asString())).containsExactly("test-plan",
				"test-execution", "defect-triage", "qa-sign-off");
		assertThat(process.get("steps").valueStream().map(s -> s.get("state").asString())).containsExactly(
				"NOT_STARTED", "NOT_STARTED", "NOT_STARTED", "WAITING");
		assertThat(process.get("milestone").get("name").asString()).isEqualTo("QA cycle complete");
		assertThat(process.get("milestone").get("achieved").asBoolean()).isFalse();

		// real tasks, assigned by role, planned from the offsets and linked as the template says
		JsonNode plan = process.get("steps").get(0);
		JsonNode task = check(manager().get(team.path("/tasks/" + plan.get("id").asString())), 200).json();
		assertThat(task.get("assignees").toString()).contains(team.member().username());
		assertThat(task.get("plannedStart").asString()).isEqualTo(plan.get("plannedStart").asString());
		JsonNode triage = check(manager().get(team.path("/tasks/" + process.get("steps").get(2).get("id").asString())),
				200).json();
		assertThat(triage.get("assignees").toString()).contains(team.manager().username());
		String milestone = process.get("milestone").get("id").asString();
		JsonNode links = check(manager().get(team.path("/dependencies")), 200).json().get("items");
		assertThat(links.valueStream().map(l -> l.get("predecessor").get("name").asString() + " → "
				+ l.get("successor").get("name").asString())).containsExactlyInAnyOrder(
						"Test plan → Test execution", "Test execution → Defect triage",
						"Defect triage → QA cycle complete");
		JsonNode approval = check(manager().get(team.path("/approvals/" + process.get("steps").get(3).get("id")
			.asString())), 200).json();
		assertThat(approval.get("subject").get("id").asString()).isEqualTo(milestone);
		assertThat(approval.get("approvers").get(0).get("role").asString()).isEqualTo("APPROVER");

		// members finish their tasks, the manager triages
		finish(team.as(team.member()), process.get("steps").get(0));
		finish(team.as(team.member()), process.get("steps").get(1));
		finish(manager(), process.get("steps").get(2));
		JsonNode working = check(team.as(team.stakeholder()).get(team.path("/processes/" + id)), 200).json();
		assertThat(working.get("steps").valueStream().map(s -> s.get("state").asString())).containsExactly("DONE",
				"DONE", "DONE", "PENDING");
		assertThat(working.get("status").asString()).isEqualTo("RUNNING");

		// the approver signs off, which achieves the closing milestone and completes the process
		Api.Response decided = team.as(team.approver())
			.post(team.path("/approvals/" + approval.get("id").asString() + "/decisions"),
					Map.of("decision", "APPROVE", "comment", "All blocking defects fixed"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		JsonNode done = check(manager().get(team.path("/processes/" + id)), 200).json();
		assertThat(done.get("steps").get(3).get("state").asString()).isEqualTo("APPROVED");
		assertThat(done.get("milestone").get("achieved").asBoolean()).isTrue();
		assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(check(manager().get(team.path("/milestones/" + milestone)), 200).json().get("achieved").asBoolean())
			.isTrue();
		JsonNode listed = check(team.as(team.member()).get(team.path("/processes")), 200).json();
		assertThat(listed.valueStream().map(p -> p.get("status").asString())).containsExactly("COMPLETED");
	}

	@Test
	void theSignOffWaitsForTheStepsItFollowsAndSaysWhich() {
		JsonNode process = check(manager().post(team.path("/processes"),
				Map.of("template", "qa-cycle", "start", today(), "name", "QA of release 2.5")), 201).json();
		String id = process.get("id").asString();
		String signOff = process.get("steps").get(3).get("id").asString();
		assertThat(process.get("steps").get(3).get("state").asString()).isEqualTo("WAITING");
		JsonNode request = check(manager().get(team.path("/approvals/" + signOff)), 200).json();
		assertThat(request.get("waitingFor").valueStream().map(w -> w.get("name").asString()))
			.as("every step it follows, through the steps between").containsExactly("Test plan", "Test execution",
					"Defect triage");
		assertThat(request.get("approvers").get(0).get("state").asString()).isEqualTo("AWAITING_STEPS");

		// the approver cannot sign the cycle off with every test task not started
		Api approver = team.as(team.approver());
		Api.Response early = approver.post(team.path("/approvals/" + signOff + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "Looks fine"));
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(early.contentType()).startsWith("application/problem+json");
		assertThat(early.json().get("detail").asString()).contains("follows steps that are not done yet",
				"'Test plan' (task, not started)", "'Defect triage' (task, not started)");
		Api.Response rejected = approver.post(team.path("/approvals/" + signOff + "/decisions"),
				Map.of("decision", "REJECT", "comment", "Not tested"));
		assertThat(rejected.status()).as("nor decide it otherwise").isEqualTo(409);
		JsonNode unchanged = check(manager().get(team.path("/processes/" + id)), 200).json();
		assertThat(unchanged.get("steps").get(3).get("state").asString()).isEqualTo("WAITING");
		assertThat(unchanged.get("milestone").get("achieved").asBoolean()).isFalse();

		// triage marked done with the tests not run still does not let it through
		finish(manager(), process.get("steps").get(2));
		Api.Response stillEarly = approver.post(team.path("/approvals/" + signOff + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "Triage done"));
		assertThat(stillEarly.status()).isEqualTo(409);
		assertThat(stillEarly.json().get("detail").asString()).contains("'Test execution' (task, not started)")
			.doesNotContain("Defect triage");

		// every earlier step done, it may be decided
		finish(team.as(team.member()), process.get("steps").get(0));
		finish(team.as(team.member()), process.get("steps").get(1));
		assertThat(check(manager().get(team.path("/processes/" + id)), 200).json().get("steps").get(3).get("state")
			.asString()).isEqualTo("PENDING");
		Api.Response decided = approver.post(team.path("/approvals/" + signOff + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "All blocking defects fixed"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(check(manager().get(team.path("/processes/" + id)), 200).json().get("status").asString())
			.isEqualTo("COMPLETED");
	}

	@Test
	void deactivatedPeopleAreLeftOutOfTheWorkOfANewProcess() {
		// the project's manager holds the manager role as well, and has left; so has one member
		People.Person leaver = people.person("Leaver");
		People.Person deputy = people.person("Deputy");
		check(manager().post(team.path("/members"), Map.of("username", leaver.username(), "role", "MEMBER")), 201);
		check(manager().post(team.path("/members"), Map.of("username", deputy.username(), "role", "MANAGER")), 201);
		deactivate(leaver);
		deactivate(team.manager());

		Api.Response started = team.as(deputy).post(team.path("/processes"),
				Map.of("template", "it-operations-handover", "start", today()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		JsonNode process = started.json();
		Api asDeputy = team.as(deputy);
		JsonNode runbook = check(asDeputy.get(team.path("/tasks/" + process.get("steps").get(0).get("id").asString())),
				200).json();
		assertThat(runbook.get("assignees").valueStream().map(JsonNode::asString))
			.containsExactly(team.member().username());
		JsonNode training = check(asDeputy.get(team.path("/tasks/" + process.get("steps").get(2).get("id").asString())),
				200).json();
		assertThat(training.get("assignees").valueStream().map(JsonNode::asString)).containsExactly(deputy.username());
		JsonNode milestone = check(asDeputy.get(team.path("/milestones/" + process.get("milestone").get("id").asString())),
				200).json();
		assertThat(milestone.get("owner").asString()).isEqualTo(deputy.username());
	}

	private void deactivate(People.Person person) {
		check(team.as(team.admin()).delete("/api/v1/users/" + person.username()), 204);
	}

	private void finish(Api who, JsonNode step) {
		String path = team.path("/tasks/" + step.get("id").asString());
		Api.Response read = check(who.get(path), 200);
		Api.Response patched = who.patch(path,
				Map.of("actualStart", today(), "actualFinish", today(), "percentComplete", 100), read.etag());
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
	}

	@Test
	void aCustomTemplateWithACycleIsRefusedNamingItAndNothingChanges() {
		Map<String, Object> before = counts();
		Api.Response refused = manager().post(team.path("/process-templates"), Map.of("name", "Going round",
				"steps", List.of(
						Map.of("key", "write", "name", "Write", "kind", "TASK", "durationDays", 2, "owner", "MEMBER",
								"startOffset", 0, "after", List.of("review")),
						Map.of("key", "review", "name", "Review", "kind", "TASK", "durationDays", 1, "owner",
								"MANAGER", "startOffset", 2, "after", List.of("write"))),
				"milestone", Map.of("name", "Written", "owner", "MANAGER", "criterion", "ALL_FEEDING_TASKS_DONE")));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("cycle").contains("write → review → write");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aCustomTemplateIsDefinedAndStartedForTheProjectOnly() {
		Api.Response defined = manager().post(team.path("/process-templates"), Map.of("name", "Data migration",
				"steps", List.of(
						Map.of("key", "extract", "name", "Extract", "kind", "TASK", "durationDays", 2, "owner",
								"MEMBER", "startOffset", 0),
						Map.of("key", "load", "name", "Load", "kind", "TASK", "durationDays", 1, "owner", "MEMBER",
								"startOffset", 2, "after", List.of("extract"))),
				"milestone", Map.of("name", "Data migrated", "owner", "MANAGER", "criterion",
						"ALL_FEEDING_TASKS_DONE")));
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		String template = defined.json().get("id").asString();
		assertThat(check(manager().get(team.path("/process-templates")), 200).json().valueStream()
			.map(t -> t.get("name").asString())).containsExactly("QA cycle", "IT operations handover", "Data migration");
		assertThat(check(manager().get("/api/v1/process-templates"), 200).json().valueStream()
			.map(t -> t.get("id").asString())).containsExactly("qa-cycle", "it-operations-handover");
		Api.Response started = manager().post(team.path("/processes"), Map.of("template", template, "start", today()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(started.json().get("name").asString()).isEqualTo("Data migration");
		assertThat(started.json().get("steps").get(1).get("after").get(0).asString()).isEqualTo("extract");
	}

	@Test
	void anUnknownTemplateIsRefusedAndNothingChanges() {
		Map<String, Object> before = counts();
		Api.Response refused = manager().post(team.path("/processes"), Map.of("template", "no-such-template", "start",
				today()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("no-such-template");
		Api.Response unknownId = manager().post(team.path("/processes"),
				Map.of("template", java.util.UUID.randomUUID().toString(), "start", today()));
		assertThat(unknownId.status()).as(unknownId.body()).isEqualTo(422);
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aRefusalHalfwayLeavesNothingBehind() {
		// the approval would be due in the past: refused after the milestone and tasks were made, all rolled back
		Map<String, Object> before = counts();
		Api.Response refused = manager().post(team.path("/processes"),
				Map.of("template", "qa-cycle", "start", LocalDate.now(ZoneOffset.UTC).minusDays(60).toString()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void stakeholdersMayNotStartOneAndOutsidersDoNotSeeTheProject() {
		Map<String, Object> body = Map.of("template", "it-operations-handover", "start", today());
		Api.Response stakeholder = team.as(team.stakeholder()).post(team.path("/processes"), body);
		assertThat(stakeholder.status()).as(stakeholder.body()).isEqualTo(403);
		Api.Response outsider = team.as(team.outsider()).post(team.path("/processes"), body);
		assertThat(outsider.status()).as(outsider.body()).isEqualTo(404);
		assertThat(team.as(team.outsider()).get(team.path("/processes")).status()).isEqualTo(404);
		assertThat(check(manager().get(team.path("/processes")), 200).json().size()).isZero();
	}

}
