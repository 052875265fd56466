package dev.milepost.api;

import static dev.milepost.Teams.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.milepost.Api;
import dev.milepost.People;
import dev.milepost.Teams;

/**
 * Test fixture: a team's project holding one of everything (two tasks, a milestone, a deliverable
 * confirming it, a goal, a link from a task to the milestone, an approval request about the
 * milestone), a person an administrator may
 * change and a person who could join the project; and, for each kind of resource, the endpoints
 * that create and update it with a body they accept.
 */
record Plan(Teams.Team team, String task, String otherTask, String milestone, String deliverable, String goal,
		String dependency, People.Person user, People.Person candidate, String approval) {

	static Plan of(Teams teams, People people, int port) {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String task = id(manager.post(team.path("/tasks"), Teams.task("Configure ledger", team.member())));
		String otherTask = id(manager.post(team.path("/tasks"), Teams.task("Test ledger")));
		String milestone = id(manager.post(team.path("/milestones"), milestoneBody(team)));
		String deliverable = id(manager.post(team.path("/deliverables"), Map.of("name", "Ledger runbook",
				"acceptor", team.approver().username(), "milestone", milestone)));
		String goal = id(manager.post(team.path("/goals"),
				Map.of("outcome", "Close the books in 3 days", "measure", "days to close")));
		String dependency = id(manager.post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)));
		String approval = id(manager.post(team.path("/approvals"), approvalBody(team, milestone)));
		return new Plan(team, task, otherTask, milestone, deliverable, goal, dependency, people.person("Changeable"),
				people.person("Candidate"), approval);
	}

	Api manager() {
		return team.as(team.manager());
	}

	Api admin() {
		return team.as(team.admin());
	}

	Endpoint tasks() {
		return new Endpoint("tasks", manager(), team.path("/tasks"), team.path("/tasks/" + task),
				() -> body("name", "Reconcile ledger", "description", "Match balances", "durationDays", 5,
						"effortHours", 40, "assignees", List.of(team.member().username()), "percentComplete", 0,
						"plannedStart", "2026-03-02"));
	}

	Endpoint milestones() {
		return new Endpoint("milestones", manager(), team.path("/milestones"), team.path("/milestones/" + milestone),
				() -> milestoneBody(team));
	}

	Endpoint deliverables() {
		return new Endpoint("deliverables", manager(), team.path("/deliverables"),
				team.path("/deliverables/" + deliverable), () -> body("name", "Cut-over plan", "description",
						"Who does what on the night", "acceptor", team.approver().username(), "milestone", milestone));
	}

	Endpoint goals() {
		return new Endpoint("goals", manager(), team.path("/goals"), team.path("/goals/" + goal),
				() -> body("outcome", "Cut invoice processing time by 60 %", "measure", "hours per invoice"));
	}

	Endpoint dependencies() {
		return new Endpoint("dependencies", manager(), team.path("/dependencies"),
				team.path("/dependencies/" + dependency),
				() -> body("predecessor", otherTask, "successor", milestone, "type", "SS", "lagDays", 2));
	}

	Endpoint members() {
		return new Endpoint("members", manager(), team.path("/members"),
				team.path("/members/" + team.member().username()),
				() -> body("username", candidate.username(), "role", "MEMBER"));
	}

	Endpoint projects() {
		return new Endpoint("projects", manager(), "/api/v1/projects", "/api/v1/projects/" + team.key(),
				() -> body("key", freshKey(), "name", "Ledger migration", "description", "Move the ledgers",
						"sponsor", team.approver().username(), "manager", team.manager().username(), "start",
						"2026-01-05", "targetFinish", "2026-12-18", "status", "PLANNED"));
	}

	Endpoint users() {
		return new Endpoint("users", admin(), "/api/v1/users", "/api/v1/users/" + user.username(), () -> {
			String username = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
			return body("username", username, "displayName", "Newcomer", "email", username + "@example.com",
					"password", "a-long-password", "admin", false);
		});
	}

	Endpoint approvals() {
		return new Endpoint("approvals", manager(), team.path("/approvals"), team.path("/approvals/" + approval),
				() -> approvalBody(team, milestone));
	}

	/** The token of the person each endpoint is called as. */
	String tokenFor(Endpoint endpoint) {
		return endpoint.name().equals("users") ? team.admin().token() : team.manager().token();
	}

	List<Endpoint> all() {
		return List.of(tasks(), milestones(), deliverables(), goals(), dependencies(), members(), projects(), users(),
				approvals());
	}

	private static Map<String, Object> milestoneBody(Teams.Team team) {
		return body("name", "Ledgers live", "description", "The new ledgers take postings", "targetDate",
				"2026-04-30", "owner", team.manager().username(), "criterion", Teams.ownerConfirmation(), "tags",
				List.of("go-live"));
	}

	static Map<String, Object> approvalBody(Teams.Team team, String milestone) {
		return body("title", "Ledgers ready to go live?", "description", "Reconciliation report attached", "subject",
				body("kind", "MILESTONE", "id", milestone), "approvers", List.of(body("username",
						team.approver().username())), "mode", "ALL", "dueDate",
				java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString());
	}

	private static String freshKey() {
		return "BI" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
			.toUpperCase();
	}

	private static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	private static String id(Api.Response response) {
		return check(response, 201).json().get("id").asString();
	}

}
