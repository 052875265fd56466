package dev.milepost.plan;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A milestone's feeding work, walked in the database for one milestone and in memory for several,
 * is the same network: through milestones, through every link type, across a diamond, and nothing
 * downstream, beside or of another project.
 */
@MilepostTest
class FeedingWorkTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	FeedingWork feedingWork;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theUpstreamOfOneMilestoneIsTheSameNetworkWhicheverWayItIsWalked() {
		Teams.Team team = teams.team(Api.at(port));
		Teams.Team other = teams.team(Api.at(port));
		List<Map<String, Object>> operations = new ArrayList<>();
		for (String task : List.of("Analyse", "Build", "Configure", "Document", "Educate", "Follow up")) {
			operations.add(Map.of("op", "create", "type", "task", "ref", task, "value",
					Map.of("name", task, "durationDays", 3, "plannedStart", "2026-03-02")));
		}
		for (String milestone : List.of("Built", "Live")) {
			operations.add(Map.of("op", "create", "type", "milestone", "ref", milestone, "value",
					Map.of("name", milestone, "targetDate", "2026-09-30", "owner", team.manager().username(), "criterion",
							Teams.ownerConfirmation())));
		}
		// Analyse → Build → Built → Configure → Live, Analyse → Configure (a diamond), Educate SS→ Configure,
		// Live → Follow up (downstream), Document (beside)
		for (String[] link : new String[][] { { "Analyse", "Build", "FS" }, { "Build", "Built", "FS" },
				{ "Built", "Configure", "FS" }, { "Configure", "Live", "FF" }, { "Analyse", "Configure", "FS" },
				{ "Educate", "Configure", "SS" }, { "Live", "Follow up", "FS" } }) {
			operations.add(Map.of("op", "create", "type", "dependency", "value", Map.of("predecessor",
					Map.of("ref", link[0]), "successor", Map.of("ref", link[1]), "type", link[2], "lagDays", 0)));
		}
		check(team.as(team.manager()).post(team.path("/plan/changes"), Map.of("operations", operations)), 200);
		check(other.as(other.manager()).post(other.path("/tasks"), Teams.task("Analyse")), 201);
		UUID project = jdbc.sql("select id from project where project_key = :k").param("k", team.key())
			.query(UUID.class).single();
		UUID live = milestone(team, "Live");
		UUID built = milestone(team, "Built");

		List<String> walkedInTheDatabase = names(feedingWork.upstreamOf(project, live));
		List<String> walkedInMemory = names(feedingWork.openUpstreamOf(project, List.of(live)).get(live));

		assertThat(walkedInTheDatabase).containsExactly("Analyse", "Build", "Configure", "Educate");
		assertThat(walkedInTheDatabase).isEqualTo(walkedInMemory);
		assertThat(names(feedingWork.upstreamOf(project, built))).containsExactly("Analyse", "Build");
		assertThat(feedingWork.upstreamOf(project, UUID.randomUUID())).isEmpty();
	}

	private UUID milestone(Teams.Team team, String name) {
		for (JsonNode milestone : check(team.as(team.manager()).get(team.path("/milestones")), 200).json().get("items")) {
			if (milestone.get("name").asString().equals(name)) {
				return UUID.fromString(milestone.get("id").asString());
			}
		}
		throw new AssertionError("no milestone " + name);
	}

	private static List<String> names(List<WorkItem> work) {
		return work.stream().map(WorkItem::name).toList();
	}

}
