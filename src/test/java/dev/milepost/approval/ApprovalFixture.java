package dev.milepost.approval;

import static dev.milepost.Teams.check;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.People;
import dev.milepost.Teams;
import tools.jackson.databind.JsonNode;

/**
 * Test fixture: a team's project with more people in it (a CISO who approves, a deputy who is a
 * member), and the requests and decisions the stories make, all through the API.
 */
record ApprovalFixture(Teams.Team team, People.Person ciso, People.Person deputy) {

	static ApprovalFixture of(Teams teams, People people, int port) {
		Teams.Team team = teams.team(Api.at(port));
		return new ApprovalFixture(team, join(team, people, "Ciso", "APPROVER"), join(team, people, "Deputy", "MEMBER"));
	}

	static People.Person join(Teams.Team team, People people, String name, String role) {
		People.Person person = people.person(name);
		check(team.as(team.manager()).post(team.path("/members"), Map.of("username", person.username(), "role", role)),
				201);
		return person;
	}

	Api manager() {
		return team.as(team.manager());
	}

	Api as(People.Person person) {
		return team.as(person);
	}

	static String inDays(int days) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
	}

	/** A milestone achieved by the approval of {@code approver}. */
	String approvalMilestone(String name, People.Person approver) {
		return milestone(name, Map.of("kind", "APPROVAL_BY_PERSON", "text", "Approved by " + approver.username(),
				"approver", approver.username()), inDays(30));
	}

	String milestone(String name, Map<String, Object> criterion, String target) {
		return check(manager().post(team.path("/milestones"), Map.of("name", name, "targetDate", target, "owner",
				team.manager().username(), "criterion", criterion)), 201).json().get("id").asString();
	}

	/** Opens a request about the milestone (or a free question when it is null). */
	JsonNode request(String milestone, String mode, People.Person... approvers) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Is it approved?");
		if (milestone != null) {
			body.put("subject", Map.of("kind", "MILESTONE", "id", milestone));
		}
		body.put("approvers", java.util.Arrays.stream(approvers).map(p -> Map.of("username", p.username())).toList());
		body.put("mode", mode);
		body.put("dueDate", inDays(7));
		return check(manager().post(team.path("/approvals"), body), 201).json();
	}

	Api.Response decide(People.Person who, JsonNode request, String decision, String comment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decision", decision);
		if (comment != null) {
			body.put("comment", comment);
		}
		return as(who).post(team.path("/approvals/" + request.get("id").asString() + "/decisions"), body);
	}

	JsonNode read(JsonNode request) {
		return manager().get(team.path("/approvals/" + request.get("id").asString())).json();
	}

	JsonNode milestoneView(String id) {
		return manager().get(team.path("/milestones/" + id)).json();
	}

	/** The project's audit entries of one kind of entity, oldest first. */
	List<JsonNode> audit(String entityType) {
		return manager().get(team.path("/audit?size=500&entityType=" + entityType)).json().get("items")
			.valueStream()
			.sorted(java.util.Comparator.comparingLong(entry -> entry.get("seq").asLong()))
			.toList();
	}

}
