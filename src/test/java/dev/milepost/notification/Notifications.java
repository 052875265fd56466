package dev.milepost.notification;

import static dev.milepost.Teams.check;

import dev.milepost.People;
import dev.milepost.Teams;
import tools.jackson.databind.JsonNode;

/** Reads a person's inbox through the API. */
final class Notifications {

	private Notifications() {
	}

	static JsonNode inbox(Teams.Team team, People.Person person) {
		return check(team.as(person).get("/api/v1/me/notifications?size=100"), 200).json();
	}

	/** Waits until the person has a notification of that kind, and returns the newest. */
	static JsonNode waitFor(Teams.Team team, People.Person person, String kind) {
		return Eventually.value(person.username() + " gets a " + kind + " notification",
				() -> find(inbox(team, person), kind), found -> found != null);
	}

	static long count(Teams.Team team, People.Person person, String kind) {
		long count = 0;
		for (JsonNode item : inbox(team, person).get("items")) {
			count += item.get("kind").asString().equals(kind) ? 1 : 0;
		}
		return count;
	}

	private static JsonNode find(JsonNode page, String kind) {
		for (JsonNode item : page.get("items")) {
			if (item.get("kind").asString().equals(kind)) {
				return item;
			}
		}
		return null;
	}

}
