package dev.milepost.automation.runtime;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.identity.Users;
import dev.milepost.identity.internal.ApiTokens;
import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.PlanQueries;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.plan.demo.DemoLoaded;
import dev.milepost.plan.demo.DemoPortfolio;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rehearsal counts exactly what the live runtime does: on the demo portfolio, the runtime handles
 * a sequence of plan changes (each followed by a sweep of the time triggers and drained workers),
 * and a replay of the same blueprint over the same window names, per rule, the very runs and
 * subjects the run log recorded.
 */
@MilepostTest
class RehearsalEqualsRuntimeTests {

	static final String MORE_RULES = """

			  - name: Late work
			    when:
			      trigger: task.overdue
			    then:
			      - action: notify
			        to: [manager]
			        message: "{{task.name}} is late"

			  - name: Due in two days
			    when:
			      trigger: task.due
			      days: 2
			    then:
			      - action: notify
			        to: [manager]
			        message: "{{task.name}} is due"

			  - name: Finished work
			    when:
			      trigger: task.completed
			    then:
			      - action: notify
			        to: [manager]
			        message: "{{task.name}} is done"

			  - name: Half done
			    when:
			      trigger: task.updated
			      fields: [percentComplete]
			    if: task.percentComplete >= 50
			    then:
			      - action: notify
			        to: [manager]
			        message: "{{task.name}} is half done"

			  - name: Status moved
			    when:
			      trigger: milestone.status-changed
			    then:
			      - action: notify
			        to: [owner]
			        message: "{{milestone.name}} is now {{change.to}}"

			  - name: At risk and owned
			    when:
			      trigger: milestone.at-risk
			    if: milestone.owner != ""
			    then:
			      - action: notify
			        to: [owner, manager]
			        message: "{{milestone.name}} is at risk"
			""";

	@LocalServerPort
	int port;

	@Autowired
	DemoPortfolio portfolio;

	@Autowired
	PlanQueries plans;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TimeTriggers time;

	@Autowired
	RuleRunner runner;

	@Autowired
	Background background;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Test
	void aReplayOfTheDemoPortfolioCountsPerRuleExactlyTheRunsTheRuntimeLogged() throws IOException {
		DemoLoaded.ensure(portfolio, plans);
		background.drain();
		UUID erp = plans.projectId("ERP").orElseThrow();
		Api maria = as("maria.keller");
		String yaml = defaultBlueprint().replace("blueprint: Milestone essentials", "blueprint: Rehearsed essentials")
				+ MORE_RULES;

		Instant from = clock.instant();
		String blueprint = check(maria.post("/api/v1/projects/ERP/blueprints", Map.of("yaml", yaml, "activate", true)),
				201).json().get("id").asString();
		sweep(erp);

		// a sequence of changes, each handled by the runtime before the next
		PlanFacts facts = runner.facts(erp);
		LocalDate today = facts.today();
		List<ProjectPlan.Task> open = facts.plan().tasks().stream().filter(t -> !t.done() && t.plannedStart() != null).toList();
		ProjectPlan.Task late = open.stream()
			.filter(t -> facts.plannedFinish(t).isBefore(today))
			.findFirst()
			.orElse(open.get(0));
		patch(maria, late.id(), Map.of("actualStart", today.toString(), "actualFinish", today.toString(),
				"percentComplete", 100));
		sweep(erp);
		ProjectPlan.Task feeding = feedingOpenTask(facts, late.id());
		patch(maria, feeding.id(), Map.of("plannedStart", feeding.plannedStart().plusDays(90).toString()));
		sweep(erp);
		patch(maria, feeding.id(), Map.of("percentComplete", 60));
		sweep(erp);
		patch(maria, feeding.id(), Map.of("plannedStart", feeding.plannedStart().toString()));
		sweep(erp);
		ProjectPlan.Task other = open.stream().filter(t -> !t.id().equals(late.id()) && !t.id().equals(feeding.id()))
			.findFirst()
			.orElseThrow();
		patch(maria, other.id(), Map.of("plannedStart", today.minusDays(10).toString(), "durationDays", 2));
		sweep(erp);
		patch(maria, other.id(), Map.of("plannedStart", facts.plusWorkingDays(today, 1).toString()));
		sweep(erp);
		Instant to = clock.instant().plusMillis(1);

		Map<String, List<String>> logged = logged(UUID.fromString(blueprint), from, to);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("yaml", yaml);
		body.put("from", from.toString());
		body.put("to", to.toString());
		JsonNode replay = check(maria.post("/api/v1/projects/ERP/blueprints/replay", body), 200).json();
		Map<String, List<String>> rehearsed = new TreeMap<>();
		for (JsonNode rule : replay.get("rules")) {
			List<String> subjects = new ArrayList<>();
			rule.get("matches").forEach(match -> {
				if (!match.hasNonNull("conditionError")) {
					subjects.add(match.get("subjectId").asString());
				}
			});
			assertThat(subjects).as(rule.get("rule").asString() + ": every match listed").hasSize(
					rule.get("wouldFire").asInt());
			subjects.sort(null);
			rehearsed.put(rule.get("rule").asString(), subjects);
		}

		// the sequence made the rules work: not a comparison of two empty logs
		assertThat(logged.get("Finished work")).containsExactly(late.id().toString());
		assertThat(logged.get("Half done")).contains(feeding.id().toString(), late.id().toString());
		assertThat(logged.get("Status moved")).isNotEmpty();
		assertThat(logged.get("Late work")).contains(other.id().toString());
		assertThat(rehearsed).isEqualTo(logged);
	}

	/** Per rule, the subjects of the runs that took their actions, sorted; every rule of the blueprint named. */
	private Map<String, List<String>> logged(UUID blueprint, Instant from, Instant to) {
		Map<String, List<String>> logged = new TreeMap<>();
		jdbc.sql("""
				select rule_name, event_data, status from automation_run
				where blueprint_id = :b and started_at >= :from and started_at < :to""")
			.param("b", blueprint)
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.query((rs, n) -> {
				List<String> subjects = logged.computeIfAbsent(rs.getString(1), r -> new ArrayList<>());
				if (List.of("SUCCEEDED", "FAILED").contains(rs.getString(3))) {
					JsonNode data = json.readTree(rs.getString(2));
					JsonNode subject = data.has("taskId") ? data.get("taskId") : data.get("milestoneId");
					subjects.add(subject.asString());
				}
				return null;
			})
			.list();
		for (String rule : List.of("Remind feeding task owners a week ahead", "Escalate a missed milestone to the sponsor",
				"Start the QA cycle when development is done", "Hand over to IT operations when go-live is achieved",
				"Late work", "Due in two days", "Finished work", "Half done", "Status moved", "At risk and owned")) {
			logged.computeIfAbsent(rule, r -> new ArrayList<>());
		}
		logged.values().forEach(subjects -> subjects.sort(null));
		return logged;
	}

	/** An open task that feeds an unachieved milestone directly. */
	private static ProjectPlan.Task feedingOpenTask(PlanFacts facts, UUID besides) {
		for (ProjectPlan.Link link : facts.plan().links()) {
			if (link.predecessorKind() != ActivityKind.TASK) {
				continue;
			}
			ProjectPlan.Milestone milestone = facts.milestone(link.successor()).orElse(null);
			ProjectPlan.Task task = facts.task(link.predecessor()).orElse(null);
			if (milestone != null && !milestone.achieved() && task != null && !task.done() && task.plannedStart() != null
					&& !task.id().equals(besides)) {
				return task;
			}
		}
		throw new AssertionError("the demo's ERP has no open task feeding a milestone");
	}

	private void sweep(UUID project) {
		background.drain();
		time.sweep(project, "ERP", clock.instant());
		background.drain();
	}

	private static void patch(Api api, UUID task, Map<String, Object> changes) {
		String path = "/api/v1/projects/ERP/tasks/" + task;
		String etag = check(api.get(path), 200).etag();
		check(api.patch(path, changes, etag), 200);
	}

	private Api as(String username) {
		var user = users.findByUsername(username).orElseThrow();
		return Api.at(port).withToken(tokens.issue(user.id(), user.username(), "rehearsal-test", null).secret());
	}

	private static String defaultBlueprint() throws IOException {
		try (InputStream in = new ClassPathResource("automation/default-blueprint.yaml").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
