package dev.milepost.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.identity.internal.ApiTokens;
import dev.milepost.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The demo portfolio goes in through the same rules as the API, and reads back as written. */
@MilepostTest
class DemoPortfolioLoadTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoPortfolio portfolio;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	dev.milepost.plan.PlanQueries planQueries;

	@Autowired
	dev.milepost.plan.project.ProjectRepository projectRepository;

	// the tests share one application and one database: the portfolio goes in once
	private void load() {
		DemoLoaded.ensure(portfolio, planQueries);
	}

	private Api as(String username) {
		load();
		var user = users.findByUsername(username).orElseThrow();
		return Api.at(port).withToken(tokens.issue(user.id(), user.username(), "demo-test", null).secret());
	}

	@Test
	void theDemoPortfolioLoadsWithEveryRoleAndItsHistory() {
		Api api = as("maria.keller");

		JsonNode erp = api.get("/api/v1/projects/ERP").json();
		assertThat(erp.get("manager").asString()).isEqualTo("maria.keller");
		assertThat(erp.get("goals").size()).isPositive();
		assertThat(api.get("/api/v1/projects/ERP/tasks?size=1").json().get("totalItems").asLong())
			.isBetween(55L, 70L);
		JsonNode milestones = api.get("/api/v1/projects/ERP/milestones").json();
		assertThat(milestones.get("totalItems").asLong()).isEqualTo(10);
		assertThat(milestones.get("items").valueStream().filter(m -> m.get("achieved").asBoolean()).count())
			.isPositive();
		assertThat(api.get("/api/v1/projects/ERP/members?role=STAKEHOLDER").json().get("totalItems").asLong())
			.isPositive();
		assertThat(api.get("/api/v1/projects/ERP/audit?size=1").json().get("totalItems").asLong()).isPositive();
		var plan = planQueries.plan(projectRepository.findByProjectKey("ERP").orElseThrow().id());
		assertThat(plan.tasks()).hasSize((int) api.get("/api/v1/projects/ERP/tasks?size=1").json().get("totalItems").asLong());
		assertThat(plan.milestones()).hasSize(10).allSatisfy(m -> assertThat(m.owner()).isNotNull());
		assertThat(plan.links()).hasSize((int) api.get("/api/v1/projects/ERP/dependencies?size=1").json()
			.get("totalItems").asLong());
		assertThat(plan.tasks()).anySatisfy(t -> assertThat(t.assignees()).isNotEmpty());
		assertThat(plan.holidays()).isNotEmpty();
		// maria manages ERP only: the other projects are hidden from her
		assertThat(api.get("/api/v1/projects/CRM").status()).isEqualTo(404);
	}


	@Test
	void theWorkspaceCalendarIsOnRecordAsLoadedByTheSystemNotAsAnAdministratorsEdit() {
		JsonNode entries = as("admin").get("/api/v1/audit?entityType=calendar").json().get("items");
		assertThat(entries.valueStream().map(e -> e.get("actor").asString() + " " + e.get("action").asString()))
			.contains("system loaded")
			.doesNotContain("admin updated");
	}

	@Test
	void theApproversFindApprovalsWaitingForThem() {
		JsonNode waiting = as("raj.patel").get("/api/v1/approvals?mine=true&status=PENDING").json().get("items");
		assertThat(waiting.valueStream().map(a -> a.get("title").asString()))
			.contains("Approve: Security audit approved by the CISO",
					"Approve: Conditional access policies approved by the CISO");
	}

	@Test
	void trendChartsShowWeeksOfHistoryAndTheProjectThatIsBehindDriftsLater() {
		Api daniel = as("daniel.okafor");
		JsonNode milestones = daniel.get("/api/v1/projects/CRM/milestones").json().get("items");
		JsonNode live = milestones.valueStream()
			.filter(m -> m.get("name").asString().equals("Order-to-invoice flow passes end-to-end test"))
			.findFirst()
			.orElseThrow();
		List<JsonNode> points = daniel.get("/api/v1/projects/CRM/milestones/" + live.get("id").asString() + "/trend")
			.json()
			.get("points")
			.valueStream()
			.toList();
		// replayed week by week since the project started: the end-to-end test slips as the sync runs late
		assertThat(points).hasSizeGreaterThanOrEqualTo(4);
		assertThat(points.stream().map(p -> LocalDate.parse(p.get("forecast").asString()))).isSorted();
		LocalDate first = LocalDate.parse(points.get(0).get("forecast").asString());
		LocalDate last = LocalDate.parse(points.get(points.size() - 1).get("forecast").asString());
		assertThat(last).isAfter(first);
		assertThat(points.stream().map(p -> LocalDate.parse(p.get("statusDate").asString())).distinct())
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void theDemoStatusesTellABelievableStoryInCleanSentences() {
		Map<String, Api> managers = Map.of("ERP", as("maria.keller"), "CRM", as("daniel.okafor"), "MFA",
				as("priya.nair"));
		Map<String, List<String>> statuses = new java.util.TreeMap<>();
		List<String> sentences = new java.util.ArrayList<>();
		managers.forEach((key, api) -> {
			JsonNode report = api.get("/api/v1/projects/" + key + "/milestone-status").json();
			report.get("milestones").forEach(m -> {
				statuses.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(m.get("status").asString());
				m.get("reasons").forEach(r -> sentences.add(r.get("message").asString()));
			});
			api.get("/api/v1/projects/" + key + "/health").json().get("findings")
				.forEach(f -> sentences.add(f.get("message").asString() + " " + f.get("fix").asString()));
		});
		assertThat(statuses.get("CRM")).as("CRM is behind").contains("MISSED").containsAnyOf("AT_RISK");
		assertThat(statuses.get("MFA")).as("the rollout is on track").doesNotContain("AT_RISK", "MISSED");
		assertThat(statuses.get("ERP")).as("the migration is forecast to meet its remaining milestones")
			.doesNotContain("MISSED");
		assertThat(sentences).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContainPattern(
				"\\.\\.(?!\\.)|\\.;|;\\.|,\\.|\\.,"));
	}

}
