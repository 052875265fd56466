package dev.milepost;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Test fixture: a project with a person in every role, and an outsider who belongs to another
 * project, all made through the API.
 */
@Component
public class Teams {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final People people;

	Teams(People people) {
		this.people = people;
	}

	public record Team(String key, Api api, People.Person admin, People.Person manager, People.Person member,
			People.Person approver, People.Person stakeholder, People.Person outsider) {

		public Api as(People.Person person) {
			return api.withToken(person.token());
		}

		public String path(String rest) {
			return "/api/v1/projects/" + key + rest;
		}

		/**
		 * The project's working days from {@code from} up to {@code to} (not counting {@code to}),
		 * counted on its effective calendar as the API shows it: its working weekdays without the
		 * workspace's and its own holidays (which other tests, the demo among them, may have set).
		 */
		public int workingDays(String from, String to) {
			tools.jackson.databind.JsonNode calendar = check(as(manager).get(path("")), 200).json()
				.get("effectiveCalendar");
			java.util.Set<String> weekdays = new java.util.HashSet<>();
			calendar.get("workingDays").forEach(day -> weekdays.add(day.asString()));
			java.util.Set<String> holidays = new java.util.HashSet<>();
			calendar.get("holidays").forEach(holiday -> holidays.add(holiday.get("date").asString()));
			int days = 0;
			for (java.time.LocalDate day = java.time.LocalDate.parse(from); day.isBefore(java.time.LocalDate.parse(to));
					day = day.plusDays(1)) {
				if (weekdays.contains(day.getDayOfWeek().name()) && !holidays.contains(day.toString())) {
					days++;
				}
			}
			return days;
		}

	}

	public Team team(Api api) {
		String key = "T" + Integer.toString(COUNTER.incrementAndGet() * 7919 + (int) (System.nanoTime() % 1000), 36)
			.toUpperCase();
		key = key.length() > 10 ? key.substring(0, 10) : key;
		People.Person admin = people.admin("Admin");
		People.Person manager = people.person("Manager");
		People.Person member = people.person("Member");
		People.Person approver = people.person("Approver");
		People.Person stakeholder = people.person("Stakeholder");
		People.Person outsider = people.person("Outsider");
		Api asManager = api.withToken(manager.token());
		Api.Response created = asManager.post("/api/v1/projects", Map.of("key", key, "name", "Project " + key,
				"sponsor", approver.username(), "manager", manager.username(), "start", "2026-01-05", "targetFinish",
				"2026-12-18", "status", "ACTIVE"));
		check(created, 201);
		for (var entry : List.of(Map.entry(member, "MEMBER"), Map.entry(stakeholder, "STAKEHOLDER"))) {
			check(asManager.post("/api/v1/projects/" + key + "/members",
					Map.of("username", entry.getKey().username(), "role", entry.getValue())), 201);
		}
		String otherKey = key.length() < 10 ? key + "X" : key.substring(0, 9) + "X";
		check(api.withToken(outsider.token()).post("/api/v1/projects", Map.of("key", otherKey, "name", "Elsewhere",
				"sponsor", outsider.username(), "manager", outsider.username(), "start", "2026-01-05",
				"targetFinish", "2026-06-30")), 201);
		return new Team(key, api, admin, manager, member, approver, stakeholder, outsider);
	}

	public static Map<String, Object> task(String name, People.Person... assignees) {
		return Map.of("name", name, "durationDays", 5, "effortHours", 40, "plannedStart",
				LocalDate.of(2026, 3, 2).toString(), "assignees",
				java.util.Arrays.stream(assignees).map(People.Person::username).toList());
	}

	public static Map<String, Object> milestone(String name, People.Person owner, Map<String, Object> criterion) {
		return Map.of("name", name, "targetDate", "2026-04-30", "owner", owner.username(), "criterion", criterion);
	}

	public static Map<String, Object> ownerConfirmation() {
		return Map.of("kind", "OWNER_CONFIRMATION", "text", "Owner confirms the environment is live");
	}

	/** A task's path and the id of the milestone it feeds (FS), made by the team's manager. */
	public record Linked(String task, String milestone) {
	}

	/** A five-day task starting today feeding a milestone two months ahead. */
	public static Linked taskFeedingMilestone(Team team) {
		Api manager = team.as(team.manager());
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		Map<String, Object> task = new java.util.HashMap<>(task("Design"));
		task.put("plannedStart", today.toString());
		String taskId = check(manager.post(team.path("/tasks"), task), 201).json().get("id").asString();
		Map<String, Object> milestone = new java.util.HashMap<>(
				milestone("Design signed off", team.manager(), ownerConfirmation()));
		milestone.put("targetDate", today.plusMonths(2).toString());
		String milestoneId = check(manager.post(team.path("/milestones"), milestone), 201).json().get("id").asString();
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", taskId, "successor", milestoneId, "type", "FS", "lagDays", 0)), 201);
		return new Linked(team.path("/tasks/" + taskId), milestoneId);
	}

	public static Api.Response check(Api.Response response, int status) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but got " + response);
		}
		return response;
	}

}
