package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Achieving a milestone and asking for its approval from the milestone's page. */
@MilepostTest
class MilestoneAchievementPageTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	@BeforeEach
	void team() {
		team = teams.team(Api.at(port));
	}

	@Test
	void theOwnerRecordsTheAchievementWithEvidenceAndTheReasonOfARefusalShowsInPlace() {
		String id = milestone("Environment live", Teams.ownerConfirmation());
		String page = "/projects/" + team.key() + "/milestones/" + id;
		PageSession owner = PageSession.signIn(port, team.manager());
		assertThat(owner.get(page).body()).contains("Record it as achieved", "id=\"evidence\"");

		HttpResponse<String> withoutEvidence = owner.postFromHtmx(page + "/achievement", Map.of("evidence", " "));
		assertThat(withoutEvidence.statusCode()).isEqualTo(422);
		assertThat(withoutEvidence.body()).contains("outcome refused", "needs evidence");
		assertThat(achieved(id)).as("a refusal changes nothing").isFalse();

		PageSession member = PageSession.signIn(port, team.member());
		assertThat(member.get(page).body()).as("the form is the owner's").doesNotContain("Record it as achieved");
		HttpResponse<String> byMember = member.postFromHtmx(page + "/achievement", Map.of("evidence", "I saw it running"));
		assertThat(byMember.statusCode()).as("only the owner confirms").isEqualTo(422);
		assertThat(byMember.body()).contains("Only the owner, " + team.manager().username() + ", can confirm");
		assertThat(achieved(id)).isFalse();

		HttpResponse<String> done = owner.postFromHtmx(page + "/achievement",
				Map.of("evidence", "Smoke test <b>passed</b> on prod"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("outcome ok", "Recorded as achieved.");
		assertThat(achieved(id)).isTrue();
		assertThat(owner.get(page).body()).contains("Achieved by", "Smoke test &lt;b&gt;passed&lt;/b&gt; on prod")
			.doesNotContain("Record it as achieved");
	}

	@Test
	void withoutScriptTheFormRedirectsBackToTheMilestone() {
		String id = milestone("Runbook signed", Teams.ownerConfirmation());
		String page = "/projects/" + team.key() + "/milestones/" + id;
		PageSession owner = PageSession.signIn(port, team.manager());
		owner.get(page);
		HttpResponse<String> posted = owner.post(page + "/achievement", Map.of("evidence", "Signed copy in the wiki"));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElse("")).endsWith(page);
		assertThat(achieved(id)).isTrue();
	}

	@Test
	void aManagerAsksForTheApprovalThatAchievesAMilestoneAndThePageListsIt() {
		String id = milestone("UAT signed off",
				Map.of("kind", "APPROVAL_BY_PERSON", "text", "The approver signs UAT off", "approver",
						team.approver().username()));
		String page = "/projects/" + team.key() + "/milestones/" + id;
		PageSession manager = PageSession.signIn(port, team.manager());
		assertThat(manager.get(page).body()).contains("Ask for the approval").doesNotContain("Record it as achieved");

		HttpResponse<String> badDate = manager.postFromHtmx(page + "/approval-request",
				Map.of("title", "Sign UAT off", "dueDate", "next week"));
		assertThat(badDate.statusCode()).isEqualTo(422);
		assertThat(badDate.body()).contains("Give the date the approval is due");
		assertThat(requests(id)).isZero();

		HttpResponse<String> asked = manager.postFromHtmx(page + "/approval-request",
				Map.of("title", "Sign UAT off", "dueDate", "2027-01-15"));
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Approval requested");
		assertThat(requests(id)).isEqualTo(1);
		assertThat(manager.get(page).body()).contains("Sign UAT off", "pending", "due 2027-01-15",
				team.approver().username() + ": waiting");
	}

	@Test
	void aStakeholderSeesNeitherFormAndForgedPostsAreRefused() {
		String byOwner = milestone("Cutover done", Teams.ownerConfirmation());
		String byApproval = milestone("Go-live approved",
				Map.of("kind", "APPROVAL_BY_ROLE", "text", "An approver approves go-live", "role", "APPROVER"));
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		String ownerPage = "/projects/" + team.key() + "/milestones/" + byOwner;
		String approvalPage = "/projects/" + team.key() + "/milestones/" + byApproval;
		assertThat(stakeholder.get(ownerPage).body()).doesNotContain("Record it as achieved");
		assertThat(stakeholder.get(approvalPage).body()).doesNotContain("Ask for the approval");

		assertThat(stakeholder.postFromHtmx(approvalPage + "/approval-request",
				Map.of("title", "Forged", "dueDate", "2027-01-15")).statusCode()).isEqualTo(403);
		assertThat(stakeholder.postFromHtmx(ownerPage + "/achievement", Map.of("evidence", "Forged"))
			.statusCode()).isEqualTo(403);
		assertThat(stakeholder.postWithoutToken(ownerPage + "/achievement", Map.of("evidence", "No token"))
			.statusCode()).isEqualTo(403);
		assertThat(requests(byApproval)).isZero();
		assertThat(achieved(byOwner)).isFalse();
	}

	@Test
	void aMemberIsToldWhyTheyMayNotRecordFinishedWorkInsteadOfBeingOfferedAFormThatIsRefused() {
		String id = milestone("Ledgers migrated", Map.of("kind", "ALL_FEEDING_TASKS_DONE", "text", "All migration tasks done"));
		String page = "/projects/" + team.key() + "/milestones/" + id;
		String asMember = PageSession.signIn(port, team.member()).get(page).body();
		assertThat(asMember).doesNotContain("Record it as achieved", "id=\"achieve-form\"")
			.contains("id=\"achieve-refusal\"", "owner or a manager records its achievement");
		String asManager = PageSession.signIn(port, team.manager()).get(page).body();
		assertThat(asManager).as("the manager may, once a task feeds it").contains("No task feeds this milestone")
			.doesNotContain("Record it as achieved");
	}

	@Test
	void theApproverApprovesOnThePageOnceTheySayTheySawTheOpenWork() {
		String id = milestone("Go-live approved", Map.of("kind", "APPROVAL_BY_PERSON", "text",
				"The approver approves go-live", "approver", team.approver().username()));
		String task = Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Security review")), 201)
			.json()
			.get("id")
			.asString();
		Teams.check(team.as(team.manager()).post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", id, "type", "FS", "lagDays", 0)), 201);
		String page = "/projects/" + team.key() + "/milestones/" + id;
		PageSession approver = PageSession.signIn(port, team.approver());
		assertThat(approver.get(page).body()).contains("id=\"achieve-form\"", "Approve it", "Security review (0 %)",
				"name=\"acknowledgeOpenWork\"");
		assertThat(PageSession.signIn(port, team.manager()).get(page).body())
			.as("the manager asks for the approval; the page says why they cannot give it")
			.doesNotContain("id=\"achieve-form\"")
			.contains("needs the approval of " + team.approver().username());

		HttpResponse<String> unseen = approver.postFromHtmx(page + "/achievement", Map.of("evidence", "Go"));
		assertThat(unseen.statusCode()).isEqualTo(422);
		assertThat(unseen.body()).contains("still open", "Security review (0 %)");
		assertThat(achieved(id)).isFalse();

		HttpResponse<String> seen = approver.postFromHtmx(page + "/achievement",
				Map.of("evidence", "Go; the review follows", "acknowledgeOpenWork", "true"));
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(achieved(id)).isTrue();
		assertThat(approver.get(page).body()).contains("id=\"achieved-open-work\"", "Security review (0 %)");
	}

	private String milestone(String name, Map<String, Object> criterion) {
		return Teams.check(team.as(team.manager()).post(team.path("/milestones"),
				Teams.milestone(name, team.manager(), criterion)), 201).json().get("id").asString();
	}

	private boolean achieved(String id) {
		var achievement = team.as(team.manager()).get(team.path("/milestones/" + id)).json().path("achievement");
		return !achievement.isNull() && !achievement.isMissingNode();
	}

	private int requests(String milestone) {
		return team.as(team.manager()).get(team.path("/approvals?subject=" + milestone)).json().get("items").size();
	}

}
