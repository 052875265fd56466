package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The approvals inbox, a project's approvals and the notifications inbox, over HTTP. */
@MilepostTest
class ApprovalAndInboxPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	private String request(String title, Object... approvers) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("approvers", List.of(approvers));
		body.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString());
		return check(team.as(team.manager()).post(team.path("/approvals"), body), 201).json().get("id").asString();
	}

	private static Map<String, String> person(People.Person who) {
		return Map.of("username", who.username());
	}

	private String status(String id) {
		return team.as(team.manager()).get(team.path("/approvals/" + id)).json().get("status").asString();
	}

	private String decision(String id) {
		return "/approvals/" + team.key() + "/" + id + "/decision";
	}

	// ---- approvals ----------------------------------------------------------------------------

	@Test
	void anApproverSeesWhatTheyCanDecideAndApprovesItInPlace() {
		String id = request("Release 2.4 to production", person(team.approver()));
		PageSession approver = PageSession.signIn(port, team.approver());
		String inbox = approver.get("/approvals").body();
		assertThat(inbox).contains("Release 2.4 to production", team.key(), "id=\"approval-" + id + "\"",
				"name=\"decision\" value=\"APPROVE\"", "1 request waits for your decision");

		HttpResponse<String> approved = approver.postHtmx(decision(id), Map.of("decision", "APPROVE", "comment", ""));
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(approved.body()).contains("Approved.", "the request is approved", "hx-swap-oob=\"true\"",
				"0 requests wait for your decision").doesNotContain("<html");
		assertThat(status(id)).isEqualTo("APPROVED");
		assertThat(approver.get("/approvals").body()).contains("id=\"nothing-to-decide\"")
			.doesNotContain("id=\"approval-" + id + "\"");
	}

	@Test
	void theInboxDoesNotOfferASignOffThatWaitsForItsStepsAndAForgedDecisionIsRefused() {
		var process = check(team.as(team.manager()).post(team.path("/processes"),
				Map.of("template", "qa-cycle", "start", LocalDate.now(ZoneOffset.UTC).toString())), 201).json();
		String signOff = process.get("steps").get(3).get("id").asString();
		PageSession approver = PageSession.signIn(port, team.approver());
		String inbox = approver.get("/approvals").body();
		assertThat(inbox).doesNotContain("id=\"approval-" + signOff + "\"", decision(signOff))
			.contains("id=\"nothing-to-decide\"", "id=\"approval-" + signOff + "-waiting\"",
					"Waits for the steps it follows", "Test plan (task, not started)");

		HttpResponse<String> forged = approver.postHtmx(decision(signOff), Map.of("decision", "APPROVE", "comment", ""));
		assertThat(forged.statusCode()).isEqualTo(422);
		assertThat(forged.body()).contains("follows steps that are not done yet");
		assertThat(status(signOff)).isEqualTo("PENDING");
	}

	@Test
	void anApproverIsShownTheOpenWorkOfTheMilestoneAndTicksThatTheySawItToApprove() {
		String milestone = check(team.as(team.manager()).post(team.path("/milestones"), Teams.milestone("Go-live",
				team.manager(), Map.of("kind", "APPROVAL_BY_PERSON", "text", "Approved", "approver",
						team.approver().username()))), 201).json().get("id").asString();
		String task = check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Pen test")), 201).json()
			.get("id")
			.asString();
		check(team.as(team.manager()).post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "Approve go-live");
		body.put("subject", Map.of("kind", "MILESTONE", "id", milestone));
		body.put("approvers", List.of(person(team.approver())));
		body.put("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString());
		String id = check(team.as(team.manager()).post(team.path("/approvals"), body), 201).json().get("id").asString();

		PageSession approver = PageSession.signIn(port, team.approver());
		assertThat(approver.get("/approvals").body()).contains("id=\"approval-" + id + "-open-work\"", "Pen test (0 %)",
				"name=\"acknowledgeOpenWork\"");
		HttpResponse<String> unseen = approver.postHtmx(decision(id), Map.of("decision", "APPROVE", "comment", ""));
		assertThat(unseen.statusCode()).isEqualTo(422);
		assertThat(unseen.body()).contains("id=\"acknowledge-" + id + "-error\"", "Pen test (0 %)");
		assertThat(status(id)).isEqualTo("PENDING");

		HttpResponse<String> seen = approver.postHtmx(decision(id),
				Map.of("decision", "APPROVE", "comment", "", "acknowledgeOpenWork", "true"));
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("APPROVED");
		assertThat(approver.get("/projects/" + team.key() + "/approvals").body())
			.contains("Decided with open work shown", "Pen test (0 %)");
	}

	@Test
	void aRejectionWithoutAReasonIsRefusedBesideTheCommentWith422AndDecidesNothing() {
		String id = request("Budget increase", person(team.approver()));
		PageSession approver = PageSession.signIn(port, team.approver());
		approver.get("/approvals");
		HttpResponse<String> refused = approver.postHtmx(decision(id), Map.of("decision", "REJECT", "comment", " "));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"comment-" + id + "-error\"", "Say why you reject",
				"aria-invalid=\"true\"");
		assertThat(status(id)).isEqualTo("PENDING");

		// without htmx the whole inbox comes back, with the reason at the card
		HttpResponse<String> page = approver.post(decision(id), Map.of("decision", "REJECT"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("<h1>Approvals</h1>", "Say why you reject");

		HttpResponse<String> rejected = approver.postHtmx(decision(id),
				Map.of("decision", "REJECT", "comment", "Costs are not justified"));
		assertThat(rejected.body()).contains("Rejected.");
		assertThat(status(id)).isEqualTo("REJECTED");
	}

	@Test
	void aRoleHolderAndADelegateSeeTheRequestsTheyCanDecideAndOverdueOnesAreMarked() {
		String byRole = request("Security review", Map.of("role", "APPROVER"));
		String named = request("Vendor contract", person(team.approver()));
		check(team.as(team.approver()).post(team.path("/approvals/" + named + "/delegation"),
				Map.of("to", team.member().username(), "note", "On leave")), 200);
		jdbc.sql("update approval_request set due_date = :d where id = :id")
			.param("d", LocalDate.now(ZoneOffset.UTC).minusDays(2))
			.param("id", UUID.fromString(named))
			.update();

		String approver = PageSession.signIn(port, team.approver()).get("/approvals").body();
		assertThat(approver).contains("Security review").doesNotContain("id=\"approval-" + named + "\"");
		String member = PageSession.signIn(port, team.member()).get("/approvals").body();
		assertThat(member).contains("Vendor contract", "(overdue)").doesNotContain("id=\"approval-" + byRole + "\"");
	}

	@Test
	void aProjectsApprovalsShowStatusAndEachDecisionToEveryoneInTheProjectButOutsiders() {
		String id = request("Go-live", person(team.approver()), person(team.member()));
		check(team.as(team.approver()).post(team.path("/approvals/" + id + "/decisions"),
				Map.of("decision", "APPROVE", "comment", "Checklist complete")), 200);
		String page = PageSession.signIn(port, team.stakeholder()).get("/projects/" + team.key() + "/approvals").body();
		assertThat(page).contains("Go-live", "Pending", "approved by " + team.approver().username(),
				"Checklist complete").doesNotContain("id=\"decide-link\"", "name=\"decision\"");
		String member = PageSession.signIn(port, team.member()).get("/projects/" + team.key() + "/approvals").body();
		assertThat(member).contains("id=\"decide-link\"", "yours to decide");
		assertThat(PageSession.signIn(port, team.outsider()).get("/projects/" + team.key() + "/approvals").statusCode())
			.isEqualTo(404);
	}

	@Test
	void aStakeholdersForgedDecisionAndAPostWithoutTheCsrfTokenAreRefused() {
		String id = request("Scope change", Map.of("role", "APPROVER"));
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		assertThat(stakeholder.get("/approvals").body()).doesNotContain("Scope change");
		assertThat(stakeholder.post(decision(id), Map.of("decision", "APPROVE")).statusCode()).isEqualTo(403);
		PageSession approver = PageSession.signIn(port, team.approver());
		approver.get("/approvals");
		assertThat(approver.postWithoutToken(decision(id), Map.of("decision", "APPROVE")).statusCode()).isEqualTo(403);
		PageSession outsider = PageSession.signIn(port, team.outsider());
		outsider.get("/approvals");
		assertThat(outsider.post(decision(id), Map.of("decision", "APPROVE")).statusCode()).isEqualTo(404);
		assertThat(status(id)).isEqualTo("PENDING");
	}

	@Test
	void requestTitlesAreEscaped() {
		String title = "<script>alert(1)</script>";
		request(title, person(team.approver()));
		PageSession approver = PageSession.signIn(port, team.approver());
		for (String page : List.of("/approvals", "/projects/" + team.key() + "/approvals")) {
			assertThat(approver.get(page).body()).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain(title);
		}
	}

	// ---- notifications inbox ----------------------------------------------------------------------

	private UUID notify(People.Person to, String title, String body, String subjectType, String subjectId,
			Instant at, boolean read) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into notification (id, user_id, delivery_id, event_id, kind, project_key, subject_type,
				                          subject_id, title, body, created_at, read_at)
				values (:id, :user, :delivery, :event, 'MILESTONE_AT_RISK', :key, :type, :subject, :title, :body, :at, :read)""")
			.param("id", id)
			.param("user", to.id())
			.param("delivery", UUID.randomUUID())
			.param("event", UUID.randomUUID())
			.param("key", team.key())
			.param("type", subjectType)
			.param("subject", subjectId)
			.param("title", title)
			.param("body", body)
			.param("at", Timestamp.from(at))
			.param("read", read ? Timestamp.from(at) : null)
			.update();
		return id;
	}

	@Test
	void theInboxShowsUnreadFirstLinksToTheSubjectAndMarksReadInPlace() {
		String milestone = UUID.randomUUID().toString();
		Instant now = Instant.now();
		notify(team.member(), "Older but unread", "Look at it", "milestone", milestone, now.minusSeconds(3600), false);
		notify(team.member(), "Newer and read", "Seen", "approval", "x", now, true);
		PageSession member = PageSession.signIn(port, team.member());
		String inbox = member.get("/inbox").body();
		assertThat(inbox.indexOf("Older but unread")).isLessThan(inbox.indexOf("Newer and read"));
		assertThat(inbox).contains("href=\"/projects/" + team.key() + "/milestones/" + milestone + "\"",
				"href=\"/projects/" + team.key() + "/approvals\"", "1 unread notification.", "hx-get=\"/inbox/unread\"");
		assertThat(member.getHtmx("/inbox/unread").body()).contains("class=\"count\">1<");

		UUID item = UUID.fromString(inbox.replaceAll("(?s).*id=\"n-([0-9a-f-]{36})\"[^>]*>\\s*<div class=\"notification-head\">\\s*<span class=\"badge\">[^<]*</span>\\s*<a class=\"n-title\" href=\"[^\"]*\">Older but unread.*", "$1"));
		HttpResponse<String> read = member.postHtmx("/inbox/" + item + "/read", Map.of());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("HX-Trigger")).contains("inbox-changed");
		assertThat(read.body()).contains("Older but unread", "Read").doesNotContain("Mark read");
		assertThat(member.getHtmx("/inbox/unread").body()).doesNotContain("count");
	}

	@Test
	void markAllReadClearsTheCountAndNobodyMarksSomeoneElsesItem() {
		notify(team.member(), "One", "a", "milestone", UUID.randomUUID().toString(), Instant.now(), false);
		UUID theirs = notify(team.manager(), "Manager's", "b", null, null, Instant.now(), false);
		PageSession member = PageSession.signIn(port, team.member());
		member.get("/inbox");
		assertThat(member.post("/inbox/" + theirs + "/read", Map.of()).statusCode()).isEqualTo(404);
		assertThat(member.postWithoutToken("/inbox/read-all", Map.of()).statusCode()).isEqualTo(403);
		assertThat(member.post("/inbox/read-all", Map.of()).statusCode()).isEqualTo(302);
		assertThat(member.get("/inbox").body()).contains("Nothing unread.");
		assertThat(team.as(team.manager()).get("/api/v1/me/notifications/unread-count").json().get("unread").asLong())
			.isEqualTo(1);
	}

	@Test
	void notificationTextIsEscaped() {
		notify(team.member(), "<img src=x onerror=alert(1)>", "<b>bold</b>", "milestone", "m", Instant.now(), false);
		String inbox = PageSession.signIn(port, team.member()).get("/inbox").body();
		assertThat(inbox).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;bold&lt;/b&gt;")
			.doesNotContain("<img src=x", "<b>bold</b>");
	}

}
