package dev.milepost.automation.runtime;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.milepost.Api;
import dev.milepost.People;
import dev.milepost.Teams;
import tools.jackson.databind.JsonNode;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan changes and run-log reads for the runtime's tests, through the API. */
final class RuntimeFixture {

	private RuntimeFixture() {
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	static String task(Teams.Team team, String name, LocalDate start, int days, People.Person... assignees) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.task(name, assignees));
		body.put("plannedStart", start.toString());
		body.put("durationDays", days);
		return check(team.as(team.manager()).post(team.path("/tasks"), body), 201).json().get("id").asString();
	}

	static String milestone(Teams.Team team, String name, People.Person owner, LocalDate target) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.milestone(name, owner, Teams.ownerConfirmation()));
		body.put("targetDate", target.toString());
		return check(team.as(team.manager()).post(team.path("/milestones"), body), 201).json().get("id").asString();
	}

	static void feeds(Teams.Team team, String task, String milestone) {
		check(team.as(team.manager()).post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
	}

	static Api.Response patchTask(Teams.Team team, String task, Map<String, Object> changes) {
		Api manager = team.as(team.manager());
		String etag = check(manager.get(team.path("/tasks/" + task)), 200).etag();
		return check(manager.patch(team.path("/tasks/" + task), changes, etag), 200);
	}

	static JsonNode task(Teams.Team team, String task) {
		return check(team.as(team.manager()).get(team.path("/tasks/" + task)), 200).json();
	}

	/**
	 * The project's runs (newest first) once the background work is done, which {@code accepted}
	 * must hold for.
	 */
	static List<JsonNode> runsWhen(Teams.Team team, Predicate<List<JsonNode>> accepted) {
		team.as(team.manager()).drainBackground();
		List<JsonNode> runs = runs(team);
		assertThat(accepted.test(runs)).as("the runs once the background work is done: %s", runs).isTrue();
		return runs;
	}

	/** The project's runs (newest first) now. */
	static List<JsonNode> runs(Teams.Team team) {
		JsonNode page = check(team.as(team.stakeholder()).get(team.path("/automation/runs?size=500")), 200).json();
		List<JsonNode> runs = new java.util.ArrayList<>();
		page.get("items").forEach(runs::add);
		return runs;
	}

	/** The first run of the named rule, once it has finished. */
	static JsonNode finishedRun(Teams.Team team, String rule) {
		JsonNode run = runsWhen(team, runs -> runs.stream()
			.anyMatch(r -> r.get("rule").asString().equals(rule) && !r.get("status").asString().equals("RUNNING")))
			.stream()
			.filter(r -> r.get("rule").asString().equals(rule))
			.reduce((newer, older) -> older)
			.orElseThrow();
		return check(team.as(team.manager()).get(team.path("/automation/runs/" + run.get("id").asString())), 200)
			.json();
	}

	static List<JsonNode> inbox(Teams.Team team, People.Person person, String kind) {
		JsonNode page = check(team.as(person).get("/api/v1/me/notifications?size=500"), 200).json();
		List<JsonNode> items = new java.util.ArrayList<>();
		page.get("items").forEach(item -> {
			if (kind == null || item.get("kind").asString().equals(kind)) {
				items.add(item);
			}
		});
		return items;
	}

	/** The person's inbox items of any kind whose title mentions {@code words}, once the background work is done. */
	static List<JsonNode> inboxAbout(Teams.Team team, People.Person person, String words) {
		team.as(person).drainBackground();
		return inbox(team, person, null).stream().filter(item -> item.get("title").asString().contains(words)).toList();
	}

	/** The person's automation notices once the background work is done; there must be at least {@code count}. */
	static List<JsonNode> automationInbox(Teams.Team team, People.Person person, int count) {
		team.as(person).drainBackground();
		List<JsonNode> items = inbox(team, person, "AUTOMATION");
		assertThat(items).as("%s's automation notices", person.username()).hasSizeGreaterThanOrEqualTo(count);
		return items;
	}

}
