package dev.milepost.notification;

import static dev.milepost.Teams.check;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.People;
import dev.milepost.Teams;

/** Plan fixtures for notification tests, made through the API as the team's manager. */
final class Projects {

	private Projects() {
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** A milestone owned by {@code owner}, confirmed by its owner, with the target given. */
	static String milestone(Teams.Team team, String name, People.Person owner, LocalDate target) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.milestone(name, owner, Teams.ownerConfirmation()));
		body.put("targetDate", target.toString());
		return check(team.as(team.manager()).post(team.path("/milestones"), body), 201).json().get("id").asString();
	}

	static String task(Teams.Team team, String name, LocalDate start, int days, People.Person... assignees) {
		Map<String, Object> body = new LinkedHashMap<>(Teams.task(name, assignees));
		body.put("plannedStart", start.toString());
		body.put("durationDays", days);
		return check(team.as(team.manager()).post(team.path("/tasks"), body), 201).json().get("id").asString();
	}

	static void feeds(Teams.Team team, String task, String milestone) {
		check(team.as(team.manager()).post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
	}

	/** The owner confirms the milestone with evidence. */
	static void achieve(Teams.Team team, People.Person owner, String milestone) {
		check(team.as(owner).post(team.path("/milestones/" + milestone + "/achievement"),
				Map.of("evidence", "Go-live checklist signed")), 200);
	}

	static List<String> usernames(People.Person... people) {
		return java.util.Arrays.stream(people).map(People.Person::username).toList();
	}

}
