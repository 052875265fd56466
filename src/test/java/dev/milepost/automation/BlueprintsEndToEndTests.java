package dev.milepost.automation;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
 * Blueprints saved, paused and activated through the API, with the real storage, and the runtime
 * running them: the effects, the run log with the version that ran and "why did this happen?".
 * Unlike the runtime's own tests nothing is installed behind the API's back.
 */
@MilepostTest
class BlueprintsEndToEndTests {

	static final String INTAKE = """
			blueprint: Intake
			rules:
			  - name: Tell the manager about new tasks
			    when:
			      trigger: task.created
			    then:
			      - action: notify
			        to: [manager]
			        channels: [in-app]
			        message: "Intake v1: {{task.name}}"
			""";

	static final String CONTROL = """
			blueprint: Control
			rules:
			  - name: Control rule
			    when:
			      trigger: task.created
			    then:
			      - action: notify
			        to: [manager]
			        channels: [in-app]
			        message: "Control: {{task.name}}"
			""";

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Test
	void aSavedAndActivatedVersionRunsAndItsNoticeLeadsBackToThatVersion() {
		Teams.Team team = teams.team(Api.at(port));
		JsonNode created = check(manager(team).post(team.path("/blueprints"), Map.of("yaml", INTAKE, "activate", true)),
				201).json();
		assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(created.get("activeVersion").asInt()).isEqualTo(1);
		String id = created.get("id").asString();
		// a second version, activated as it is saved, is the one that runs
		String etag = check(manager(team).get(team.path("/blueprints/" + id)), 200).etag();
		Api.Response saved = manager(team).send("PUT", team.path("/blueprints/" + id),
				Map.of("yaml", INTAKE.replace("Intake v1", "Intake v2"), "activate", true), Map.of("If-Match", etag));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("activeVersion").asInt()).isEqualTo(2);

		String task = task(team, "Migrate payroll");

		JsonNode notice = awaitNotices(team, team.manager(), n -> n.startsWith("Intake"), 1).get(0);
		assertThat(notice.get("title").asString()).isEqualTo("Intake v2: Migrate payroll");
		JsonNode run = finishedRun(team, "Intake", "Tell the manager about new tasks");
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("versionNumber").asInt()).isEqualTo(2);
		assertThat(run.get("blueprintId").asString()).isEqualTo(id);

		assertThat(notice.get("causedBy").asString()).contains("/automation/why?type=notification&id=");
		JsonNode why = check(manager(team).get(notice.get("causedBy").asString()), 200).json();
		assertThat(why.get("run").get("id").asString()).isEqualTo(run.get("id").asString());
		assertThat(why.get("run").get("blueprintName").asString()).isEqualTo("Intake");
		assertThat(why.get("run").get("versionNumber").asInt()).isEqualTo(2);
		assertThat(why.get("run").get("event").get("taskId").asString()).isEqualTo(task);
		assertThat(why.get("action").get("action").asString()).isEqualTo("notify");
		assertThat(why.get("explanation").asString()).contains("Tell the manager about new tasks");
	}

	@Test
	void aPausedBlueprintDoesNotRunWhileAnotherOneDoes() {
		Teams.Team team = teams.team(Api.at(port));
		String watched = create(team, INTAKE);
		create(team, CONTROL);
		JsonNode paused = check(manager(team).post(team.path("/blueprints/" + watched + "/pause"), null), 200).json();
		assertThat(paused.get("status").asString()).isEqualTo("PAUSED");

		task(team, "While paused");

		// every rule due has run and every notice is delivered: what has not happened now never will
		background.drain();
		assertThat(notices(team, team.manager(), title -> title.equals("Control: While paused"))).hasSize(1);
		assertThat(runs(team)).extracting(r -> r.get("blueprintName").asString()).containsExactly("Control");
		assertThat(notices(team, team.manager(), title -> title.startsWith("Intake"))).isEmpty();

		// resumed, it runs again, for the next task only
		check(manager(team).post(team.path("/blueprints/" + watched + "/resume"), null), 200);
		task(team, "After resuming");
		background.drain();
		assertThat(notices(team, team.manager(), title -> title.startsWith("Intake"))).singleElement()
			.satisfies(notice -> assertThat(notice.get("title").asString()).isEqualTo("Intake v1: After resuming"));
	}

	@Test
	void aPausedProjectRunsNothingAndResumedRunsOnlyWhatHappensAfter() {
		Teams.Team team = teams.team(Api.at(port));
		create(team, INTAKE);
		JsonNode off = check(manager(team).send("PUT", team.path("/automation"), Map.of("paused", true), Map.of()), 200)
			.json();
		assertThat(off.get("paused").asBoolean()).isTrue();

		task(team, "While the project is paused");
		background.drain();
		assertThat(runs(team)).isEmpty();

		check(manager(team).send("PUT", team.path("/automation"), Map.of("paused", false), Map.of()), 200);
		String after = task(team, "After the project resumed");
		background.drain();
		// the event of the paused time was never captured, so nothing catches up on it
		assertThat(runs(team)).hasSize(1);
		assertThat(notices(team, team.manager(), title -> title.startsWith("Intake"))).singleElement()
			.satisfies(notice -> assertThat(notice.get("title").asString())
				.isEqualTo("Intake v1: After the project resumed"));
		JsonNode run = finishedRun(team, "Intake", "Tell the manager about new tasks");
		assertThat(run.get("event").get("taskId").asString()).isEqualTo(after);
	}

	@Test
	void theDefaultBlueprintStartsTheQaCycleAndWarnsOfAMilestoneAtRisk() {
		Teams.Team team = teams.team(Api.at(port));
		JsonNode list = check(manager(team).get(team.path("/blueprints")), 200).json();
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).get("name").asString()).isEqualTo("Milestone essentials");
		assertThat(list.get(0).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(check(manager(team).get(team.path("/automation")), 200).json().get("paused").asBoolean()).isFalse();

		// a milestone tagged development, achieved by its owner, starts the QA cycle
		Map<String, Object> body = new LinkedHashMap<>(
				Teams.milestone("Development complete", team.member(), Teams.ownerConfirmation()));
		body.put("targetDate", today().plusDays(60).toString());
		body.put("tags", List.of("development"));
		String development = check(manager(team).post(team.path("/milestones"), body), 201).json().get("id").asString();
		check(team.as(team.member()).post(team.path("/milestones/" + development + "/achievement"),
				Map.of("evidence", "All features merged")), 200);
		JsonNode qa = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			JsonNode processes = check(team.as(team.member()).get(team.path("/processes")), 200).json();
			return processes.valueStream()
				.filter(p -> p.get("name").asString().equals("QA cycle after Development complete"))
				.findFirst()
				.orElse(null);
		}, p -> p != null);
		JsonNode run = finishedRun(team, "Milestone essentials", "Start the QA cycle when development is done");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("versionNumber").asInt()).isEqualTo(1);
		assertThat(run.get("actions").get(0).get("entityId").asString()).isEqualTo(qa.get("id").asString());

		// a milestone without the tag starts nothing
		String other = RuntimeMilestones.create(team, "Design complete", today().plusDays(60));
		check(team.as(team.member()).post(team.path("/milestones/" + other + "/achievement"),
				Map.of("evidence", "Signed off")), 200);
		runsWhen(team, runs -> runs.stream()
			.filter(r -> r.get("rule").asString().equals("Start the QA cycle when development is done"))
			.filter(r -> !r.get("status").asString().equals("RUNNING"))
			.count() == 2);
		assertThat(runs(team).stream()
			.filter(r -> r.get("rule").asString().equals("Start the QA cycle when development is done"))
			.map(r -> r.get("status").asString())).containsExactlyInAnyOrder("SUCCEEDED", "SKIPPED");
		assertThat(check(team.as(team.member()).get(team.path("/processes")), 200).json().size()).isEqualTo(1);

		// work feeding a milestone that ends after its target puts it at risk: owner and manager hear it once,
		// from the built-in notice, which the default blueprint leaves to be the only one
		String cutover = RuntimeMilestones.create(team, "Cutover", today().plusDays(30));
		Map<String, Object> migration = new LinkedHashMap<>(Teams.task("Data migration", team.member()));
		migration.put("plannedStart", today().toString());
		migration.put("durationDays", 60);
		String task = check(manager(team).post(team.path("/tasks"), migration), 201).json().get("id").asString();
		check(manager(team).post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", cutover, "type", "FS", "lagDays", 0)), 201);
		background.drain();
		Predicate<JsonNode> atRisk = item -> item.get("title").asString().contains("'Cutover'")
				&& item.get("title").asString().endsWith("is at risk");
		List<JsonNode> owner = inbox(team, team.member()).stream().filter(atRisk).toList();
		assertThat(owner).singleElement()
			.satisfies(item -> assertThat(item.get("kind").asString()).isEqualTo("MILESTONE_AT_RISK"))
			.satisfies(item -> assertThat(item.get("text").asString()).contains("Target " + today().plusDays(30)));
		assertThat(inbox(team, team.manager()).stream().filter(atRisk)).hasSize(1);
	}

	private static List<JsonNode> inbox(Teams.Team team, People.Person person) {
		List<JsonNode> items = new ArrayList<>();
		check(team.as(person).get("/api/v1/me/notifications?size=500"), 200).json().get("items").forEach(items::add);
		return items;
	}

	@Test
	void anInvalidVersionActivatedOnSaveIsRefusedWithItsPlaceAndTheRunningVersionKeepsRunning() {
		Teams.Team team = teams.team(Api.at(port));
		String id = create(team, INTAKE);
		Api.Response before = check(manager(team).get(team.path("/blueprints/" + id)), 200);
		String invalid = INTAKE.replace("Intake v1", "Intake v2").replace("task.created", "task.craeted");

		Api.Response refused = manager(team).send("PUT", team.path("/blueprints/" + id),
				Map.of("yaml", invalid, "activate", true), Map.of("If-Match", before.etag()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("rules[0].when.trigger").contains("line 5, column");
		// a new blueprint that is invalid is refused the same way and nothing is made
		Api.Response refusedNew = manager(team).post(team.path("/blueprints"),
				Map.of("yaml", invalid.replace("Intake", "Other"), "activate", true));
		assertThat(refusedNew.status()).as(refusedNew.body()).isEqualTo(422);
		assertThat(refusedNew.body()).contains("line 5, column");
		assertThat(check(manager(team).get(team.path("/blueprints")), 200).json().size()).isEqualTo(2);

		JsonNode after = check(manager(team).get(team.path("/blueprints/" + id)), 200).json();
		assertThat(after.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(after.get("activeVersion").asInt()).isEqualTo(1);
		assertThat(after.get("latestVersion").asInt()).isEqualTo(1);
		assertThat(check(manager(team).get(team.path("/blueprints/" + id + "/versions")), 200).json().size())
			.isEqualTo(1);

		task(team, "Still watched");
		JsonNode notice = awaitNotices(team, team.manager(), title -> title.startsWith("Intake"), 1).get(0);
		assertThat(notice.get("title").asString()).isEqualTo("Intake v1: Still watched");
		JsonNode run = finishedRun(team, "Intake", "Tell the manager about new tasks");
		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("versionNumber").asInt()).isEqualTo(1);
	}

	// --- through the API only

	private static Api manager(Teams.Team team) {
		return team.as(team.manager());
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private static String create(Teams.Team team, String yaml) {
		JsonNode created = check(manager(team).post(team.path("/blueprints"), Map.of("yaml", yaml, "activate", true)),
				201).json();
		assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
		return created.get("id").asString();
	}

	private static String task(Teams.Team team, String name) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.task(name, team.member()));
		body.put("plannedStart", today().toString());
		return check(manager(team).post(team.path("/tasks"), body), 201).json().get("id").asString();
	}

	private static List<JsonNode> runs(Teams.Team team) {
		JsonNode page = check(team.as(team.stakeholder()).get(team.path("/automation/runs?size=500")), 200).json();
		List<JsonNode> runs = new ArrayList<>();
		page.get("items").forEach(runs::add);
		return runs;
	}

	private static List<JsonNode> runsWhen(Teams.Team team, Predicate<List<JsonNode>> accepted) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> runs(team), accepted);
	}

	/** The run of the blueprint's rule, in full, once it has finished. */
	private static JsonNode finishedRun(Teams.Team team, String blueprint, String rule) {
		Predicate<JsonNode> ofRule = r -> r.get("blueprintName").asString().equals(blueprint)
				&& r.get("rule").asString().equals(rule) && !r.get("status").asString().equals("RUNNING");
		JsonNode run = runsWhen(team, runs -> runs.stream().anyMatch(ofRule)).stream()
			.filter(ofRule)
			.findFirst()
			.orElseThrow();
		return check(manager(team).get(team.path("/automation/runs/" + run.get("id").asString())), 200).json();
	}

	private static List<JsonNode> notices(Teams.Team team, People.Person person, Predicate<String> title) {
		JsonNode page = check(team.as(person).get("/api/v1/me/notifications?size=500"), 200).json();
		List<JsonNode> items = new ArrayList<>();
		page.get("items").forEach(item -> {
			if (item.get("kind").asString().equals("AUTOMATION") && title.test(item.get("title").asString())) {
				items.add(item);
			}
		});
		return items;
	}

	private static List<JsonNode> awaitNotices(Teams.Team team, People.Person person, Predicate<String> title,
			int count) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> notices(team, person, title), items -> items.size() >= count);
	}

	/** Milestones owned by the member, confirmed by their owner. */
	private static final class RuntimeMilestones {

		static String create(Teams.Team team, String name, LocalDate target) {
			Map<String, Object> body = new LinkedHashMap<>(Teams.milestone(name, team.member(), Teams.ownerConfirmation()));
			body.put("targetDate", target.toString());
			return check(manager(team).post(team.path("/milestones"), body), 201).json().get("id").asString();
		}

	}

}
