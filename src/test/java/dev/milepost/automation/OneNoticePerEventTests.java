package dev.milepost.automation;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One notice per event per person: whichever paths tell of a thing that happened (the built-in
 * notice, the default blueprint, a rule the assistant made, any other rule), a person finds it
 * once in their inbox.
 */
@MilepostTest
class OneNoticePerEventTests {

	/** The rule the default blueprint used to have, word for word. */
	static final String OLD_DEFAULT = """
			blueprint: Copied from the old default
			rules:
			  - name: Warn owner and manager of a milestone at risk
			    when:
			      trigger: milestone.at-risk
			    then:
			      - action: notify
			        to: [owner, manager]
			        message: "{{milestone.name}} is at risk: forecast {{milestone.forecast}}, target {{milestone.target}}."
			""";

	static final String TWICE_DONE = """
			blueprint: Done twice
			rules:
			  - name: Tell the manager
			    when:
			      trigger: task.completed
			    then:
			      - action: notify
			        to: [manager]
			        message: "{{task.name}} is done"
			  - name: Tell the manager again
			    when:
			      trigger: task.updated
			      fields: [status]
			    then:
			      - action: notify
			        to: [manager]
			        message: "{{task.name}} changed: {{task.status}}"
			""";

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Test
	void aMilestoneAtRiskReachesItsOwnerOnceWithTheDefaultBlueprintAndAnEqualAssistantRuleActive() {
		Teams.Team team = teams.team(Api.at(port));
		assertThat(blueprintNames(team)).contains("Milestone essentials");
		JsonNode draft = check(manager(team).post(team.path("/blueprints/assistant"),
				Map.of("text", "If a milestone turns at risk, tell the owner and the manager.")), 200).json();
		assertThat(draft.get("yaml").asString()).contains("trigger: milestone.at-risk");
		create(team, draft.get("yaml").asString());
		create(team, OLD_DEFAULT);

		String cutover = milestone(team, "Cutover", today().plusDays(30));
		String migration = task(team, "Data migration", 60);
		check(manager(team).post(team.path("/dependencies"),
				Map.of("predecessor", migration, "successor", cutover, "type", "FS", "lagDays", 0)), 201);
		background.drain();

		// both rules ran and told the owner and the manager: the outbox kept one notice for each of them
		assertThat(runs(team).stream()
			.filter(run -> run.get("trigger").asString().equals("milestone.at-risk"))
			.map(run -> run.get("status").asString())).containsExactly("SUCCEEDED", "SUCCEEDED");
		// and their run log says who was already told, not that it told them again
		List<String> details = runs(team).stream()
			.filter(run -> run.get("trigger").asString().equals("milestone.at-risk"))
			.flatMap(run -> {
				List<String> actions = new ArrayList<>();
				check(manager(team).get(team.path("/automation/runs/" + run.get("id").asString())), 200).json()
					.get("actions")
					.forEach(action -> actions.add(action.get("detail").asString()));
				return actions.stream();
			})
			.toList();
		assertThat(details).hasSize(2)
			.anySatisfy(detail -> assertThat(detail)
				.contains("had already been told of this by another notice about the same event: not told twice."));
		assertThat(atRisk(team, team.member(), "Cutover")).singleElement()
			.satisfies(item -> assertThat(item.get("kind").asString()).isEqualTo("MILESTONE_AT_RISK"));
		assertThat(atRisk(team, team.manager(), "Cutover")).hasSize(1);
	}

	@Test
	void twoRulesOfOneTaskChangeTellTheManagerOnceAndAnotherChangeAgain() {
		Teams.Team team = teams.team(Api.at(port));
		create(team, TWICE_DONE);
		String first = task(team, "Write the guide", 2);
		String second = task(team, "Print the guide", 2);
		background.drain();

		finish(team, first);
		background.drain();
		assertThat(items(team, team.manager()).stream().filter(i -> i.get("title").asString().startsWith("Write the guide")))
			.hasSize(1);

		finish(team, second);
		background.drain();
		assertThat(items(team, team.manager()).stream().filter(i -> i.get("title").asString().startsWith("Print the guide")))
			.hasSize(1);
		assertThat(runs(team).stream().filter(run -> run.get("status").asString().equals("SUCCEEDED"))).hasSize(4);
	}

	private static void finish(Teams.Team team, String task) {
		String etag = check(manager(team).get(team.path("/tasks/" + task)), 200).etag();
		check(manager(team).patch(team.path("/tasks/" + task),
				Map.of("actualStart", today().toString(), "actualFinish", today().toString(), "percentComplete", 100),
				etag), 200);
	}

	private static List<JsonNode> atRisk(Teams.Team team, People.Person person, String milestone) {
		return items(team, person).stream()
			.filter(item -> item.get("title").asString().contains(milestone)
					&& item.get("title").asString().contains("at risk"))
			.toList();
	}

	private static List<JsonNode> items(Teams.Team team, People.Person person) {
		List<JsonNode> items = new ArrayList<>();
		check(team.as(person).get("/api/v1/me/notifications?size=500"), 200).json().get("items").forEach(items::add);
		return items;
	}

	private static List<JsonNode> runs(Teams.Team team) {
		List<JsonNode> runs = new ArrayList<>();
		check(team.as(team.manager()).get(team.path("/automation/runs?size=500")), 200).json().get("items")
			.forEach(runs::add);
		return runs;
	}

	private static List<String> blueprintNames(Teams.Team team) {
		List<String> names = new ArrayList<>();
		check(manager(team).get(team.path("/blueprints")), 200).json().forEach(b -> names.add(b.get("name").asString()));
		return names;
	}

	private static void create(Teams.Team team, String yaml) {
		check(manager(team).post(team.path("/blueprints"), Map.of("yaml", yaml, "activate", true)), 201);
	}

	private static String milestone(Teams.Team team, String name, LocalDate target) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.milestone(name, team.member(), Teams.ownerConfirmation()));
		body.put("targetDate", target.toString());
		return check(manager(team).post(team.path("/milestones"), body), 201).json().get("id").asString();
	}

	private static String task(Teams.Team team, String name, int days) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.task(name, team.member()));
		body.put("plannedStart", today().toString());
		body.put("durationDays", days);
		return check(manager(team).post(team.path("/tasks"), body), 201).json().get("id").asString();
	}

	private static Api manager(Teams.Team team) {
		return team.as(team.manager());
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

}
