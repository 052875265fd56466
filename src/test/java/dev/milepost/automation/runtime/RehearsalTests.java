package dev.milepost.automation.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static dev.milepost.Teams.check;
import static dev.milepost.automation.runtime.RuntimeFixture.patchTask;
import static dev.milepost.automation.runtime.RuntimeFixture.task;
import static dev.milepost.automation.runtime.RuntimeFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

/** Dry runs and replays of drafts: what would happen, and nothing happening. */
@MilepostTest
class RehearsalTests {

	static final List<String> TABLES = List.of("automation_run", "automation_action", "automation_effect",
			"automation_event", "automation_incident", "notification_event", "notification_delivery", "task",
			"approval_request", "process", "milestone", "audit_entry");

	static final String DRAFT = """
			blueprint: Draft
			rules:
			  - name: Late work
			    when:
			      trigger: task.overdue
			    then:
			      - action: notify
			        to: [manager, assignees]
			        message: "{{task.name}} is late"
			  - name: Long tasks
			    when:
			      trigger: task.created
			    if: task.durationDays >= 10
			    then:
			      - action: create-task
			        name: "Split {{task.name}}"
			        duration-days: 1
			        owner: manager
			  - name: Finished work
			    when:
			      trigger: task.completed
			    then:
			      - action: notify
			        to: [stakeholders]
			        message: "{{task.name}} is done"
			""";

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDryRunSaysWhatWouldFireNowAndToWhomAndChangesNothing() {
		Teams.Team team = teams.team(Api.at(port));
		task(team, "Order licences", today().minusDays(30), 2, team.member());
		task(team, "Rebuild the warehouse", today(), 15, team.member());
		task(team, "Small fix", today(), 1, team.member());
		Map<String, String> before = fingerprint();

		JsonNode dryRun = check(team.as(team.manager()).post(team.path("/blueprints/dry-run"), Map.of("yaml", DRAFT)),
				200).json();

		assertThat(fingerprint()).isEqualTo(before);
		JsonNode late = dryRun.get("rules").get(0);
		assertThat(late.get("wouldFire").asInt()).isEqualTo(1);
		JsonNode match = late.get("matches").get(0);
		assertThat(match.get("subjectName").asString()).isEqualTo("Order licences");
		assertThat(match.get("actions").get(0).get("to").toString()).contains(team.manager().username())
			.contains(team.member().username());
		assertThat(match.get("actions").get(0).get("text").asString()).isEqualTo("Order licences is late");
		JsonNode longTasks = dryRun.get("rules").get(1);
		assertThat(longTasks.get("evaluated").asInt()).isEqualTo(3);
		assertThat(longTasks.get("wouldFire").asInt()).isEqualTo(1);
		assertThat(longTasks.get("matches").get(0).get("actions").get(0).get("text").asString())
			.startsWith("Create task 'Split Rebuild the warehouse'");
	}

	@Test
	void aReplayCountsWhatWouldHaveFiredOverPastEventsAndChangesNothing() {
		Teams.Team team = teams.team(Api.at(port));
		Instant from = Instant.now().minusSeconds(5);
		String big = task(team, "Rebuild the warehouse", today(), 15, team.member());
		task(team, "Small fix", today(), 1, team.member());
		patchTask(team, big, Map.of("actualStart", today().toString(), "actualFinish", today().toString(),
				"percentComplete", 100));
		Map<String, String> before = fingerprint();

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("yaml", DRAFT);
		body.put("from", from.toString());
		body.put("to", Instant.now().plusSeconds(5).toString());
		JsonNode replay = check(team.as(team.manager()).post(team.path("/blueprints/replay"), body), 200).json();

		assertThat(fingerprint()).isEqualTo(before);
		assertThat(replay.get("rules").get(1).get("evaluated").asInt()).isEqualTo(2);
		assertThat(replay.get("rules").get(1).get("wouldFire").asInt()).isEqualTo(1);
		assertThat(replay.get("rules").get(2).get("wouldFire").asInt()).isEqualTo(1);
		assertThat(replay.get("rules").get(2).get("matches").get(0).get("subjectName").asString())
			.isEqualTo("Rebuild the warehouse");
	}

	@Test
	void aReplayRebuildsStatusChangesFromTheForecastHistory() {
		Teams.Team team = teams.team(Api.at(port));
		String late = RuntimeFixture.milestone(team, "Go-live", team.member(), today().plusDays(5));
		String work = task(team, "Long migration", today(), 30, team.member());
		RuntimeFixture.feeds(team, work, late);
		RuntimeFixture.milestone(team, "Old target", team.member(), today().minusDays(2));

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("yaml", """
				blueprint: Status
				rules:
				  - name: At risk
				    when:
				      trigger: milestone.at-risk
				    then:
				      - action: escalate
				        message: "{{milestone.name}} is at risk"
				  - name: Missed
				    when:
				      trigger: milestone.missed
				    then:
				      - action: escalate
				        message: "{{milestone.name}} was missed"
				""");
		body.put("from", Instant.now().minus(java.time.Duration.ofDays(3)).toString());
		body.put("to", Instant.now().plusSeconds(3600).toString());
		JsonNode replay = org.awaitility.Awaitility.await()
			.until(() -> check(team.as(team.manager()).post(team.path("/blueprints/replay"), body), 200).json(),
					result -> result.get("rules").get(0).get("wouldFire").asInt() >= 1);
		assertThat(replay.get("rules").get(0).get("matches").get(0).get("subjectName").asString()).isEqualTo("Go-live");
		assertThat(replay.get("rules").get(1).get("wouldFire").asInt()).isEqualTo(1);
		assertThat(replay.get("rules").get(1).get("matches").get(0).get("subjectName").asString())
			.isEqualTo("Old target");
	}

	@Test
	void badQueriesOfTheRunLogAndWhyAreRefused() {
		Teams.Team team = teams.team(Api.at(port));
		Api reader = team.as(team.member());
		check(reader.get(team.path("/automation/runs?status=DONE")), 400);
		check(reader.get(team.path("/automation/runs?from=yesterday")), 400);
		check(reader.get(team.path("/automation/runs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")), 400);
		check(reader.get(team.path("/automation/runs?size=0")), 400);
		check(reader.get(team.path("/automation/runs/not-a-uuid")), 404);
		check(reader.get(team.path("/automation/runs/" + java.util.UUID.randomUUID())), 404);
		check(reader.get(team.path("/automation/why?type=milestone&id=x")), 400);
		check(reader.get(team.path("/automation/why?type=task")), 400);
		check(reader.get(team.path("/automation/why?type=task&id=" + java.util.UUID.randomUUID())), 404);
		check(reader.get(team.path("/automation/runs")), 200);
	}

	@Test
	void anInvalidDraftOrWindowIsRefusedWithWhereAndNothingChanges() {
		Teams.Team team = teams.team(Api.at(port));
		Map<String, String> before = fingerprint();
		Api.Response invalid = team.as(team.manager()).post(team.path("/blueprints/dry-run"),
				Map.of("yaml", "blueprint: Broken\nrules:\n  - name: x\n    when:\n      trigger: task.exploded\n"));
		check(invalid, 422);
		assertThat(invalid.body()).contains("line 5");
		check(team.as(team.manager()).post(team.path("/blueprints/dry-run"), Map.of("yaml", "")), 422);
		check(team.as(team.manager()).post(team.path("/blueprints/replay"), Map.of("yaml", DRAFT, "from",
				"2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z")), 400);
		check(team.as(team.manager()).post(team.path("/blueprints/replay"), Map.of("yaml", DRAFT, "from",
				"2024-01-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")), 400);
		check(team.as(team.manager()).post(team.path("/blueprints/replay"), Map.of("yaml", DRAFT, "from", "yesterday",
				"to", "2026-01-01T00:00:00Z")), 400);
		check(team.as(team.member()).post(team.path("/blueprints/dry-run"), Map.of("yaml", DRAFT)), 403);
		assertThat(fingerprint()).isEqualTo(before);
	}

	private Map<String, String> fingerprint() {
		Map<String, String> tables = new LinkedHashMap<>();
		for (String table : TABLES) {
			List<String> rows = new java.util.ArrayList<>(jdbc.sql("select * from " + table).query((rs, n) -> {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					row.append(rs.getObject(i)).append('|');
				}
				return row.toString();
			}).list());
			rows.sort(null);
			tables.put(table, rows.size() + ":" + rows.hashCode());
		}
		return tables;
	}

}
