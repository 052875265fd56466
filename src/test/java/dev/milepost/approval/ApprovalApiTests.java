package dev.milepost.approval;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.EventRecorder;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Approval requests over HTTP, as the stories of the people who open and decide them. */
@MilepostTest
class ApprovalApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	@Autowired
	EventRecorder events;

	ApprovalFixture fixture;

	People.Person ciso;

	@BeforeEach
	void setUp() {
		fixture = ApprovalFixture.of(teams, people, port);
		ciso = fixture.ciso();
	}

	@Test
	void theCisosApprovalAchievesTheSecurityAuditMilestoneWithTheApprovalAsEvidence() {
		String milestone = fixture.approvalMilestone("Security audit approved", ciso);
		Api.Response opened = fixture.manager().post(fixture.team().path("/approvals"), Map.of("title",
				"Security audit report v3", "subject", Map.of("kind", "MILESTONE", "id", milestone), "approvers",
				List.of(Map.of("username", ciso.username())), "dueDate", ApprovalFixture.inDays(7)));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode request = opened.json();
		assertThat(opened.header("Location")).endsWith("/approvals/" + request.get("id").asString());
		assertThat(opened.etag()).isNotBlank();
		assertThat(request.get("status").asString()).isEqualTo("PENDING");
		assertThat(request.get("mode").asString()).isEqualTo("ALL");
		assertThat(request.get("subject").get("name").asString()).isEqualTo("Security audit approved");
		assertThat(request.get("approvers").get(0).get("state").asString()).isEqualTo("WAITING");
		long number = request.get("number").asLong();

		Api.Response approved = fixture.decide(ciso, request, "APPROVE", "Audit report v3 reviewed; no open findings");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().get("closedAt").asString()).isNotBlank();
		JsonNode decision = approved.json().get("approvers").get(0).get("decision");
		assertThat(decision.get("by").asString()).isEqualTo(ciso.username());
		assertThat(decision.get("onBehalfOf").isNull()).isTrue();

		JsonNode achieved = fixture.milestoneView(milestone);
		assertThat(achieved.get("achieved").asBoolean()).isTrue();
		JsonNode achievement = achieved.get("achievement");
		assertThat(achievement.get("by").asString()).isEqualTo(ciso.username());
		assertThat(achievement.get("evidenceKind").asString()).isEqualTo("APPROVAL_BY_PERSON");
		assertThat(achievement.get("evidence").asString()).isEqualTo("Approved by " + ciso.username() + " (request #"
				+ number + "): Audit report v3 reviewed; no open findings");

		// on the record in the same transaction, and announced for automation
		assertThat(fixture.audit("approval")).extracting(entry -> entry.get("action").asString())
			.containsExactly("requested", "decided");
		assertThat(fixture.audit("milestone")).extracting(entry -> entry.get("action").asString()).contains("achieved");
		String id = request.get("id").asString();
		assertThat(events.all(ApprovalRequested.class)).anySatisfy(event -> {
			assertThat(event.requestId().toString()).isEqualTo(id);
			assertThat(event.approvers()).containsExactly(ciso.username());
		});
		assertThat(events.all(ApprovalDecided.class)).anySatisfy(event -> {
			assertThat(event.requestId().toString()).isEqualTo(id);
			assertThat(event.title()).isEqualTo(request.get("title").asString());
			assertThat(event.decision()).isEqualTo(Decision.APPROVE);
			assertThat(event.status()).isEqualTo(ApprovalStatus.APPROVED);
		});
	}

	@Test
	void theApproverIsShownTheOpenFeedingWorkSaysTheySawItAndTheRecordKeepsWhatTheyWereShown() {
		// go-live waits on a security review nobody has started, fed through the pen test's milestone
		Api manager = fixture.manager();
		Teams.Team team = fixture.team();
		String milestone = fixture.approvalMilestone("Go-live approved", ciso);
		String review = check(manager.post(team.path("/tasks"), Teams.task("Security review")), 201).json().get("id")
			.asString();
		String pentest = check(manager.post(team.path("/milestones"), Teams.milestone("Pen test passed",
				team.manager(), Teams.ownerConfirmation())), 201).json().get("id").asString();
		link(review, pentest);
		link(pentest, milestone);
		JsonNode request = fixture.request(milestone, "ALL", ciso);

		JsonNode shown = fixture.read(request);
		assertThat(shown.get("openWork").valueStream().map(w -> w.get("name").asString() + " "
				+ w.get("percentComplete").asInt())).containsExactly("Security review 0");

		Api.Response unseen = fixture.decide(ciso, request, "APPROVE", "Go");
		assertThat(unseen.status()).as(unseen.body()).isEqualTo(422);
		assertThat(unseen.json().get("errors").get(0).get("field").asString()).isEqualTo("acknowledgeOpenWork");
		assertThat(unseen.json().get("detail").asString()).contains("Security review (0 %)", "still open");
		assertThat(fixture.read(request).get("status").asString()).as("a refusal decides nothing").isEqualTo("PENDING");
		assertThat(fixture.milestoneView(milestone).get("achieved").asBoolean()).isFalse();

		Api.Response seen = fixture.as(ciso).post(team.path("/approvals/" + request.get("id").asString() + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "Risk accepted for the pilot", "acknowledgeOpenWork", true));
		assertThat(seen.status()).as(seen.body()).isEqualTo(200);
		assertThat(seen.json().get("approvers").get(0).get("decision").get("openWork").valueStream()
			.map(JsonNode::asString)).containsExactly("Security review (0 %)");
		JsonNode achievement = fixture.milestoneView(milestone).get("achievement");
		assertThat(achievement.get("evidence").asString()).contains("Risk accepted for the pilot");
		assertThat(achievement.get("openWork").valueStream().map(JsonNode::asString))
			.containsExactly("Security review (0 %)");
		JsonNode entry = fixture.audit("milestone")
			.stream()
			.filter(e -> e.get("action").asString().equals("achieved"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(entry.get("after").get("achievement").get("openWork").toString()).contains("Security review (0 %)");
	}

	private void link(String predecessor, String successor) {
		check(fixture.manager().post(fixture.team().path("/dependencies"),
				Map.of("predecessor", predecessor, "successor", successor, "type", "FS", "lagDays", 0)), 201);
	}

	@Test
	void someoneElsesDecisionIsRefusedAndChangesNothing() {
		String milestone = fixture.approvalMilestone("Security audit approved", ciso);
		JsonNode request = fixture.request(milestone, "ALL", ciso);
		String etag = fixture.manager().get(fixture.team().path("/approvals/" + request.get("id").asString())).etag();
		Teams.Team team = fixture.team();
		for (People.Person someoneElse : List.of(team.manager(), team.member(), team.approver(), team.admin(),
				team.stakeholder(), fixture.deputy())) {
			Api.Response refused = fixture.decide(someoneElse, request, "APPROVE", "I approve");
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(fixture.decide(team.outsider(), request, "APPROVE", null).status()).isEqualTo(404);
		Api.Response after = fixture.manager().get(team.path("/approvals/" + request.get("id").asString()));
		assertThat(after.etag()).isEqualTo(etag);
		assertThat(after.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(fixture.milestoneView(milestone).get("achieved").asBoolean()).isFalse();
	}

	@Test
	void whenAllMustApproveTheMilestoneWaitsForEveryApprover() {
		People.Person sponsor = fixture.team().approver();
		String milestone = fixture.approvalMilestone("Go-live approved", ciso);
		JsonNode request = fixture.request(milestone, "ALL", ciso, sponsor);
		check(fixture.decide(ciso, request, "APPROVE", "Security is fine"), 200);
		JsonNode half = fixture.read(request);
		assertThat(half.get("status").asString()).isEqualTo("PENDING");
		assertThat(half.get("approvers").valueStream().map(a -> a.get("state").asString()))
			.containsExactly("APPROVED", "WAITING");
		assertThat(fixture.milestoneView(milestone).get("achieved").asBoolean()).isFalse();
		check(fixture.decide(sponsor, request, "APPROVE", null), 200);
		assertThat(fixture.read(request).get("status").asString()).isEqualTo("APPROVED");
		// the criterion names the CISO: their approval is the evidence, whoever decided last
		assertThat(fixture.milestoneView(milestone).get("achievement").get("by").asString())
			.isEqualTo(ciso.username());
	}

	@Test
	void whenAllMustApproveOneRejectionClosesItWithTheReasonAndTheMilestoneStaysOpen() {
		People.Person sponsor = fixture.team().approver();
		String milestone = fixture.approvalMilestone("Go-live approved", ciso);
		JsonNode request = fixture.request(milestone, "ALL", ciso, sponsor);
		check(fixture.decide(sponsor, request, "REJECT", "The budget for the second site is not approved"), 200);
		JsonNode rejected = fixture.read(request);
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("approvers").get(1).get("decision").get("comment").asString())
			.isEqualTo("The budget for the second site is not approved");
		assertThat(rejected.get("approvers").get(0).get("state").asString()).isEqualTo("NOT_NEEDED");
		Api.Response late = fixture.decide(ciso, request, "APPROVE", null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("detail").asString()).contains("closed");
		assertThat(fixture.milestoneView(milestone).get("achieved").asBoolean()).isFalse();
	}

	@Test
	void whenAnyOneSufficesARejectionLeavesItOpenAndOneApprovalClosesIt() {
		People.Person sponsor = fixture.team().approver();
		String milestone = fixture.approvalMilestone("Vendor chosen", sponsor);
		JsonNode request = fixture.request(milestone, "ANY", ciso, sponsor);
		check(fixture.decide(ciso, request, "REJECT", "Prefer the other vendor"), 200);
		assertThat(fixture.read(request).get("status").asString()).isEqualTo("PENDING");
		check(fixture.decide(sponsor, request, "APPROVE", "Go with it"), 200);
		assertThat(fixture.read(request).get("status").asString()).isEqualTo("APPROVED");
		assertThat(fixture.milestoneView(milestone).get("achieved").asBoolean()).isTrue();

		JsonNode refused = fixture.request(null, "ANY", ciso, sponsor);
		check(fixture.decide(ciso, refused, "REJECT", "No"), 200);
		check(fixture.decide(sponsor, refused, "REJECT", "No either"), 200);
		assertThat(fixture.read(refused).get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void inSequenceTheSecondApproverCannotDecideBeforeTheFirst() {
		People.Person sponsor = fixture.team().approver();
		JsonNode request = fixture.request(null, "SEQUENTIAL", ciso, sponsor);
		assertThat(request.get("approvers").valueStream().map(a -> a.get("state").asString()))
			.containsExactly("WAITING", "QUEUED");
		Api.Response early = fixture.decide(sponsor, request, "APPROVE", null);
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).contains("not your turn");
		assertThat(fixture.read(request).get("approvers").get(1).get("decision").isNull()).isTrue();
		check(fixture.decide(ciso, request, "APPROVE", null), 200);
		check(fixture.decide(sponsor, request, "APPROVE", null), 200);
		assertThat(fixture.read(request).get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void decidingTwiceIsAConflictAndTheFirstDecisionStands() {
		JsonNode request = fixture.request(null, "ALL", ciso, fixture.team().approver());
		check(fixture.decide(ciso, request, "APPROVE", "Yes"), 200);
		Api.Response again = fixture.decide(ciso, request, "REJECT", "On second thoughts, no");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("a decision is final");
		assertThat(fixture.read(request).get("approvers").get(0).get("decision").get("decision").asString())
			.isEqualTo("APPROVE");
	}

	@Test
	void aDelegateDecidesForTheCisoAndTheEvidenceSaysOnWhoseBehalf() {
		People.Person deputy = fixture.deputy();
		String milestone = fixture.approvalMilestone("Security audit approved", ciso);
		JsonNode request = fixture.request(milestone, "ALL", ciso);
		String path = fixture.team().path("/approvals/" + request.get("id").asString());
		Api.Response delegated = fixture.as(ciso).post(path + "/delegation",
				Map.of("to", deputy.username(), "note", "On leave until the 10th"));
		assertThat(delegated.status()).as(delegated.body()).isEqualTo(200);
		JsonNode delegation = delegated.json().get("approvers").get(0).get("delegation");
		assertThat(delegation.get("to").asString()).isEqualTo(deputy.username());
		assertThat(delegation.get("by").asString()).isEqualTo(ciso.username());
		assertThat(delegation.get("note").asString()).isEqualTo("On leave until the 10th");

		assertThat(fixture.decide(ciso, request, "APPROVE", null).status()).isEqualTo(403);
		assertThat(fixture.as(deputy).post(path + "/delegation", Map.of("to", fixture.team().member().username()))
			.status()).isEqualTo(403);
		assertThat(fixture.as(ciso).post(path + "/delegation", Map.of("to", fixture.team().stakeholder().username()))
			.status()).isEqualTo(422);

		Api.Response approved = fixture.decide(deputy, request, "APPROVE", "Checked the report for Raj");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("approvers").get(0).get("decision").get("onBehalfOf").asString())
			.isEqualTo(ciso.username());
		JsonNode achievement = fixture.milestoneView(milestone).get("achievement");
		assertThat(achievement.get("by").asString()).isEqualTo(deputy.username());
		assertThat(achievement.get("evidence").asString()).isEqualTo("Approved by " + deputy.username()
				+ " on behalf of " + ciso.username() + " (request #" + request.get("number").asLong()
				+ "): Checked the report for Raj");
		assertThat(fixture.audit("approval")).extracting(entry -> entry.get("action").asString())
			.containsExactly("requested", "delegated", "decided");
	}

	@Test
	void aRoleApprovalIsDecidedByWhoeverHoldsTheRoleAndAchievesARoleMilestone() {
		String milestone = fixture.milestone("UAT signed off",
				Map.of("kind", "APPROVAL_BY_ROLE", "text", "An approver signs UAT off", "role", "APPROVER"),
				ApprovalFixture.inDays(20));
		JsonNode request = check(fixture.manager().post(fixture.team().path("/approvals"), Map.of("title", "UAT report",
				"subject", Map.of("kind", "MILESTONE", "id", milestone), "approvers", List.of(Map.of("role", "APPROVER")),
				"dueDate", ApprovalFixture.inDays(3))), 201).json();
		assertThat(request.get("approvers").get(0).get("role").asString()).isEqualTo("APPROVER");
		assertThat(fixture.decide(fixture.team().member(), request, "APPROVE", null).status()).isEqualTo(403);
		check(fixture.decide(ciso, request, "APPROVE", "UAT passed"), 200);
		JsonNode achievement = fixture.milestoneView(milestone).get("achievement");
		assertThat(achievement.get("evidenceKind").asString()).isEqualTo("APPROVAL_BY_ROLE");
		assertThat(achievement.get("by").asString()).isEqualTo(ciso.username());
	}

	@Test
	void anApprovalByAnotherApproverLeavesAMilestoneNamingSomeoneElseOpen() {
		String milestone = fixture.approvalMilestone("Security audit approved", ciso);
		JsonNode request = fixture.request(milestone, "ALL", fixture.team().approver());
		check(fixture.decide(fixture.team().approver(), request, "APPROVE", null), 200);
		assertThat(fixture.read(request).get("status").asString()).isEqualTo("APPROVED");
		assertThat(fixture.milestoneView(milestone).get("achieved").asBoolean()).isFalse();
	}

	@Test
	void aManagerMovesTheDueDateOfAPendingRequestWithTheCurrentEtag() {
		JsonNode request = fixture.request(null, "ALL", ciso);
		String path = fixture.team().path("/approvals/" + request.get("id").asString());
		String etag = fixture.manager().get(path).etag();
		assertThat(fixture.manager().patch(path, Map.of("dueDate", ApprovalFixture.inDays(14)), null).status())
			.isEqualTo(428);
		Api.Response moved = fixture.manager().patch(path, Map.of("dueDate", ApprovalFixture.inDays(14)), etag);
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("dueDate").asString()).isEqualTo(ApprovalFixture.inDays(14));
		assertThat(fixture.manager().patch(path, Map.of("title", "Stale"), etag).status()).isEqualTo(412);
		check(fixture.decide(ciso, request, "APPROVE", null), 200);
		Api.Response closed = fixture.manager().patch(path, Map.of("title", "Too late"),
				fixture.manager().get(path).etag());
		assertThat(closed.status()).isEqualTo(409);
	}

	@Test
	void theInboxListsTheCallersApprovalsAcrossProjectsPendingFirstThenByDueDate() {
		// a second project where the CISO approves too
		ApprovalFixture other = ApprovalFixture.of(teams, people, port);
		check(other.manager().post(other.team().path("/members"), Map.of("username", ciso.username(), "role",
				"APPROVER")), 201);
		JsonNode decided = fixture.request(null, "ALL", ciso);
		check(fixture.decide(ciso, decided, "APPROVE", null), 200);
		JsonNode later = dueIn(fixture, 20);
		JsonNode sooner = dueIn(other, 2);
		fixture.request(null, "ALL", fixture.team().approver());

		JsonNode inbox = fixture.as(ciso).get("/api/v1/approvals?mine=true").json();
		assertThat(inbox.get("items").valueStream().map(item -> item.get("id").asString()))
			.containsExactly(sooner.get("id").asString(), later.get("id").asString(), decided.get("id").asString());
		assertThat(inbox.get("items").get(0).get("project").asString()).isEqualTo(other.team().key());
		JsonNode pending = fixture.as(ciso).get("/api/v1/approvals?mine=true&status=PENDING").json();
		assertThat(pending.get("totalItems").asLong()).isEqualTo(2);
		assertThat(fixture.as(fixture.team().outsider()).get("/api/v1/approvals").json().get("items").valueStream()
			.map(item -> item.get("project").asString())).doesNotContain(fixture.team().key());
	}

	@Test
	void deletingAProjectTakesItsApprovalsWithIt(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		JsonNode request = fixture.request(null, "ALL", ciso);
		check(fixture.decide(ciso, request, "APPROVE", null), 200);
		fixture.request(null, "SEQUENTIAL", ciso, fixture.team().approver());
		Teams.Team team = fixture.team();
		check(team.as(team.admin()).delete("/api/v1/projects/" + team.key() + "?removeContents=true"), 204);
		assertThat(jdbc.sql("select count(*) from approval_request where project_key = :key")
			.param("key", team.key())
			.query(Long.class)
			.single()).isZero();
		assertThat(fixture.as(ciso).get("/api/v1/approvals?mine=true").json().get("totalItems").asLong()).isZero();
	}

	private JsonNode dueIn(ApprovalFixture where, int days) {
		return check(where.manager().post(where.team().path("/approvals"), Map.of("title", "Due in " + days,
				"approvers", List.of(Map.of("username", ciso.username())), "dueDate", ApprovalFixture.inDays(days))), 201)
			.json();
	}

}
