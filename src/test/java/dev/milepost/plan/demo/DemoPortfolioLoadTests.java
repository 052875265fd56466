package dev.milepost.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void theDemoPortfolioLoadsWithEveryRoleAndItsHistory() {
		portfolio.loadAll();
		var maria = users.findByUsername("maria.keller").orElseThrow();
		Api api = Api.at(port).withToken(tokens.issue(maria.id(), maria.username(), "demo-test", null).secret());

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

}
