package dev.milepost.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input to the approvals API (PRODUCT.md §4): approvers nobody can resolve, empty approver
 * lists, due dates in the past, subjects that do not exist, and bodies of decisions, delegations,
 * re-plans and deliverable rejections that are malformed or break a rule. Each is a 4xx problem
 * naming the field, and nothing changes. (Malformed JSON, wrong content types, unknown fields and
 * sizes of the create and update endpoints run with every other resource's, from {@link Plan}.)
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalBadInputApiTests {

	private static final String UNKNOWN_ID = UUID.randomUUID().toString();

	private static final String UNKNOWN_USERNAME = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	Plan plan;

	Endpoint approvals;

	String missedMilestone;

	@BeforeAll
	void makeAPlan() {
		plan = Plan.of(teams, people, port);
		approvals = plan.approvals();
		missedMilestone = Teams.check(plan.manager().post(plan.team().path("/milestones"), Map.of("name", "Late",
				"targetDate", TODAY.minusDays(10).toString(), "owner", plan.team().manager().username(), "criterion",
				Teams.ownerConfirmation())), 201).json().get("id").asString();
	}

	@TestFactory
	Stream<DynamicTest> approversThatCannotDecideAreRefusedNamingTheEntry() {
		Teams.Team team = plan.team();
		Map<String, Object> member = Map.of("username", team.member().username());
		return Stream.of(
				post("without approvers", approvals.bodyWithout("approvers"), 422, "approvers"),
				post("with an empty approver list", approvals.bodyWith("approvers", List.of()), 422, "approvers"),
				post("with null approvers", approvals.bodyWith("approvers", null), 422, "approvers"),
				post("with an unknown approver", approvers(Map.of("username", UNKNOWN_USERNAME)), 422,
						"approvers[0].username"),
				post("with an approver from outside the project",
						approvers(Map.of("username", team.outsider().username())), 422, "approvers[0].username"),
				post("with a stakeholder as approver", approvers(Map.of("username", team.stakeholder().username())), 422,
						"approvers[0].username"),
				post("with an unknown second approver", approvers(member, Map.of("username", UNKNOWN_USERNAME)), 422,
						"approvers[1].username"),
				post("with the same approver twice", approvers(member, member), 422, "approvers[1].username"),
				post("with an approver naming a person and a role",
						approvers(Map.of("username", team.member().username(), "role", "APPROVER")), 422, "approvers[0]"),
				post("with an approver naming nobody", approvers(Map.of()), 422, "approvers[0]"),
				post("with a null approver", approvals.bodyWith("approvers", Collections.singletonList(null)), 422,
						"approvers[0]"),
				post("with the stakeholder role as approver", approvers(Map.of("role", "STAKEHOLDER")), 422,
						"approvers[0].role"),
				post("with a role that does not exist", approvers(Map.of("role", "OWNER")), 400, "approvers[0].role"),
				post("with a username of 65 characters", approvers(Map.of("username", "a".repeat(65))), 422,
						"approvers[0].username"),
				post("with an approver as a string", approvals.bodyWith("approvers", List.of("ana")), 400, "approvers[0]"),
				post("with approvers as a string", approvals.bodyWith("approvers", "ana"), 400, "approvers"),
				post("with 21 approvers", approvals.bodyWith("approvers",
						Collections.nCopies(21, member)), 422, "approvers"))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> dueDatesTitlesModesAndSubjectsThatDoNotHoldAreRefused() {
		String yesterday = TODAY.minusDays(1).toString();
		return Stream.of(
				approvals.postAndPatch("dueDate", yesterday, "in the past", 422),
				approvals.postAndPatch("dueDate", "2020-01-01", "years ago", 422),
				approvals.postAndPatch("dueDate", null, "none", 422),
				approvals.postAndPatch("dueDate", "tomorrow", "not a date", 400),
				approvals.postAndPatch("dueDate", "2026-02-30", "not a date", 400),
				approvals.postAndPatch("title", " ", "blank", 422),
				approvals.postAndPatch("title", null, "none", 422),
				approvals.postAndPatch("title", "x".repeat(201), "201 characters", 422),
				approvals.postAndPatch("description", "x".repeat(4001), "4001 characters", 422),
				Stream.of(
						post("with mode SOMETIMES", approvals.bodyWith("mode", "SOMETIMES"), 400, "mode"),
						post("with mode 0", approvals.bodyWith("mode", 0), 400, "mode"),
						post("about a re-plan", approvals.bodyWith("subject.kind", "REPLAN"), 422, "subject.kind"),
						post("about a subject of no kind", approvals.bodyWithout("subject.kind"), 422, "subject.kind"),
						post("about a subject of kind MAGIC", approvals.bodyWith("subject.kind", "MAGIC"), 400,
								"subject.kind"),
						post("about an unknown milestone", approvals.bodyWith("subject.id", UNKNOWN_ID), 422,
								"subject.id"),
						post("about a task as if it were a milestone", approvals.bodyWith("subject.id", plan.task()), 422,
								"subject.id"),
						post("about a milestone named by no id", approvals.bodyWithout("subject.id"), 422, "subject.id"),
						post("about a deliverable that is a milestone", Endpoint.with(approvals.bodyWith("subject.kind",
								"DELIVERABLE"), "subject.id", plan.milestone()), 422, "subject.id"),
						post("about a free question with an id", approvals.bodyWith("subject.kind", "FREE"), 422,
								"subject.id"),
						post("about a milestone id that is no id", approvals.bodyWith("subject.id", "not-a-uuid"), 400,
								"subject.id"),
						approvals.patch("changing the approvers", Map.of("approvers", List.of()), 400, "approvers"),
						approvals.patch("changing the mode", Map.of("mode", "ANY"), 400, "mode")))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> badDecisionsAndDelegationsAreRefusedAndChangeNothing() {
		Teams.Team team = plan.team();
		Api approver = team.as(team.approver());
		String decisions = team.path("/approvals/" + plan.approval() + "/decisions");
		String delegation = team.path("/approvals/" + plan.approval() + "/delegation");
		return Stream.of(
				refusal("POST decision as cut-off JSON", approver, decisions, "{\"decision\": ", 400, "body"),
				refusal("POST decision with no body", approver, decisions, "", 400, "body"),
				refusal("POST decision without a decision", approver, decisions, Map.of("comment", "ok"), 422,
						"decision"),
				refusal("POST decision MAYBE", approver, decisions, Map.of("decision", "MAYBE"), 400, "decision"),
				refusal("POST decision with an unknown field", approver, decisions,
						Map.of("decision", "APPROVE", "verdict", "yes"), 400, "verdict"),
				refusal("POST a rejection without a reason", approver, decisions, Map.of("decision", "REJECT"), 422,
						"comment"),
				refusal("POST a rejection with a blank reason", approver, decisions,
						Map.of("decision", "REJECT", "comment", "  "), 422, "comment"),
				refusal("POST a decision with a comment of 4001 characters", approver, decisions,
						Map.of("decision", "APPROVE", "comment", "x".repeat(4001)), 422, "comment"),
				refusal("POST delegation as text", approver, delegation, "not json", 400, "body"),
				refusal("POST delegation to nobody", approver, delegation, Map.of(), 422, "to"),
				refusal("POST delegation to an unknown person", approver, delegation, Map.of("to", UNKNOWN_USERNAME),
						422, "to"),
				refusal("POST delegation to an outsider", approver, delegation,
						Map.of("to", team.outsider().username()), 422, "to"),
				refusal("POST delegation to a stakeholder", approver, delegation,
						Map.of("to", team.stakeholder().username()), 422, "to"),
				refusal("POST delegation to yourself", approver, delegation, Map.of("to", team.approver().username()),
						422, "to"),
				refusal("POST delegation with an unknown field", approver, delegation,
						Map.of("to", team.member().username(), "until", "2026-12-01"), 400, "until"),
				refusal("POST delegation with a note of 1001 characters", approver, delegation,
						Map.of("to", team.member().username(), "note", "x".repeat(1001)), 422, "note"))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> badRePlansAndDeliverableRejectionsAreRefusedAndChangeNothing() {
		Teams.Team team = plan.team();
		Api manager = plan.manager();
		String replan = team.path("/milestones/" + missedMilestone + "/replan");
		String future = TODAY.plusDays(30).toString();
		Api acceptor = team.as(team.approver());
		String rejection = team.path("/deliverables/" + plan.deliverable() + "/rejection");
		return Stream.of(
				refusal("POST replan as cut-off JSON", manager, replan, "{\"targetDate\": ", 400, "body"),
				refusal("POST replan without a target", manager, replan, Map.of("reason", "late"), 422, "targetDate"),
				refusal("POST replan without a reason", manager, replan, Map.of("targetDate", future), 422, "reason"),
				refusal("POST replan with a blank reason", manager, replan, Map.of("targetDate", future, "reason", ""),
						422, "reason"),
				refusal("POST replan to a past target", manager, replan,
						Map.of("targetDate", TODAY.minusDays(1).toString(), "reason", "late"), 422, "targetDate"),
				refusal("POST replan to today", manager, replan, Map.of("targetDate", TODAY.toString(), "reason",
						"late"), 422, "targetDate"),
				refusal("POST replan to 'soon'", manager, replan, Map.of("targetDate", "soon", "reason", "late"), 400,
						"targetDate"),
				refusal("POST replan due in the past", manager, replan, Map.of("targetDate", future, "reason", "late",
						"dueDate", TODAY.minusDays(1).toString()), 422, "dueDate"),
				refusal("POST replan with an unknown field", manager, replan,
						Map.of("targetDate", future, "reason", "late", "approver", "x"), 400, "approver"),
				refusal("POST replan with a reason of 2001 characters", manager, replan,
						Map.of("targetDate", future, "reason", "x".repeat(2001)), 422, "reason"),
				refusal("POST rejection as text", acceptor, rejection, "no", 400, "body"),
				refusal("POST rejection without a reason", acceptor, rejection, Map.of(), 422, "reason"),
				refusal("POST rejection with a blank reason", acceptor, rejection, Map.of("reason", " "), 422, "reason"),
				refusal("POST rejection with a reason of 4001 characters", acceptor, rejection,
						Map.of("reason", "x".repeat(4001)), 422, "reason"),
				refusal("POST rejection with an unknown field", acceptor, rejection,
						Map.of("reason", "no", "severity", "high"), 400, "severity"))
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> unknownIdsAreA404AndBadParametersA400() {
		Teams.Team team = plan.team();
		Api manager = plan.manager();
		Api approver = team.as(team.approver());
		Map<String, Object> approve = Map.of("decision", "APPROVE");
		return Stream.of(
				new Refusal("GET an unknown approval", () -> manager.get(team.path("/approvals/" + UNKNOWN_ID)), 404,
						null),
				new Refusal("GET an approval by a malformed id", () -> manager.get(team.path("/approvals/not-a-uuid")),
						404, null),
				new Refusal("GET a milestone's id as an approval",
						() -> manager.get(team.path("/approvals/" + plan.milestone())), 404, null),
				refusal("POST a decision on an unknown approval", approver,
						team.path("/approvals/" + UNKNOWN_ID + "/decisions"), approve, 404, null),
				refusal("POST a delegation on an unknown approval", approver,
						team.path("/approvals/" + UNKNOWN_ID + "/delegation"), Map.of("to", team.member().username()), 404,
						null),
				refusal("POST a decision in an unknown project", approver,
						"/api/v1/projects/NOSUCH/approvals/" + plan.approval() + "/decisions", approve, 404, null),
				refusal("POST a replan of an unknown milestone", manager,
						team.path("/milestones/" + UNKNOWN_ID + "/replan"),
						Map.of("targetDate", TODAY.plusDays(9).toString(), "reason", "late"), 404, null),
				refusal("POST a replan of a task", manager, team.path("/milestones/" + plan.task() + "/replan"),
						Map.of("targetDate", TODAY.plusDays(9).toString(), "reason", "late"), 404, null),
				refusal("POST a rejection of an unknown deliverable", team.as(team.approver()),
						team.path("/deliverables/" + UNKNOWN_ID + "/rejection"), Map.of("reason", "no"), 404, null),
				new Refusal("GET approvals?status=DONE", () -> manager.get(team.path("/approvals?status=DONE")), 400,
						"status"),
				new Refusal("GET approvals?subject=not-a-uuid",
						() -> manager.get(team.path("/approvals?subject=not-a-uuid")), 400, "subject"),
				new Refusal("GET the inbox with mine=maybe", () -> manager.get("/api/v1/approvals?mine=maybe"), 400,
						"mine"),
				new Refusal("GET the inbox with size=0", () -> manager.get("/api/v1/approvals?mine=true&size=0"), 400,
						"size"),
				new Refusal("GET the inbox with status=OPEN", () -> manager.get("/api/v1/approvals?status=OPEN"), 400,
						"status"))
			.map(refusal -> refusal.test(jdbc));
	}

	private Refusal post(String description, Object body, int status, String field) {
		return approvals.post(description, body, status, field);
	}

	@SafeVarargs
	private Map<String, Object> approvers(Map<String, Object>... approvers) {
		return approvals.bodyWith("approvers", List.of(approvers));
	}

	private static Refusal refusal(String name, Api api, String path, Object body, int status, String field) {
		return new Refusal(name, () -> api.post(path, body), status, field);
	}

}
