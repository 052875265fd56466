package dev.milepost.plan;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MilepostTest
class MilestoneRulesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	Api manager;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
	}

	@Test
	void aMilestoneGivenADurationEffortOrAssigneesIsRefusedNamingTheFieldAndWhy() {
		for (var work : List.of(Map.entry("durationDays", (Object) 5), Map.entry("effortHours", (Object) 12.5),
				Map.entry("assignees", (Object) List.of(team.member().username())))) {
			Map<String, Object> body = new HashMap<>(Teams.milestone("Go-live", team.manager(), Teams.ownerConfirmation()));
			body.put(work.getKey(), work.getValue());
			Api.Response refused = manager.post(team.path("/milestones"), body);
			assertThat(refused.status()).as(refused.body()).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			JsonNode error = refused.json().get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo(work.getKey());
			assertThat(error.get("message").asString()).contains("A milestone marks a moment")
				.contains("model the work as a task".replace("model", "Model"));
		}
		assertThat(manager.get(team.path("/milestones")).json().get("totalItems").asLong()).isZero();
	}

	@Test
	void aPatchCannotGiveAMilestoneADurationEither() {
		Api.Response created = check(manager.post(team.path("/milestones"),
				Teams.milestone("Cut-over", team.manager(), Teams.ownerConfirmation())), 201);
		String id = created.json().get("id").asString();
		Api.Response refused = manager.patch(team.path("/milestones/" + id), Map.of("durationDays", 3), created.etag());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("durationDays");
		assertThat(manager.get(team.path("/milestones/" + id)).etag()).isEqualTo(created.etag());
	}

	@Test
	void aMilestoneNeedsAnOwnerWhoIsAMember() {
		Map<String, Object> body = new HashMap<>(Teams.milestone("Go-live", team.manager(), Teams.ownerConfirmation()));
		body.remove("owner");
		Api.Response missing = manager.post(team.path("/milestones"), body);
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
		body.put("owner", team.outsider().username());
		Api.Response outsider = manager.post(team.path("/milestones"), body);
		assertThat(outsider.status()).isEqualTo(422);
		assertThat(outsider.json().get("detail").asString()).contains("not a member");
	}

	@Test
	void aLinkThatWouldCloseACycleIsRefusedAndTheCycleIsNamed() {
		String design = id(manager.post(team.path("/tasks"), Teams.task("Design")));
		String build = id(manager.post(team.path("/tasks"), Teams.task("Build")));
		String test = id(manager.post(team.path("/tasks"), Teams.task("Test")));
		link(design, build, "FS");
		link(build, test, "SS");
		Api.Response refused = manager.post(team.path("/dependencies"),
				Map.of("predecessor", test, "successor", design, "type", "FS", "lagDays", 0));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("detail").asString())
			.contains("'Test' → 'Design' → 'Build' → 'Test'");
		assertThat(manager.get(team.path("/dependencies")).json().get("totalItems").asLong()).isEqualTo(2);
	}

	@Test
	void onlyTheNamedApproverAchievesAnApprovalMilestoneAndTheRecordSaysWhoWhenAndWhy() {
		String id = id(manager.post(team.path("/milestones"), Teams.milestone("Security audit approved",
				team.manager(), Map.of("kind", "APPROVAL_BY_PERSON", "text", "CISO approves the audit report",
						"approver", team.approver().username()))));
		Api.Response byManager = manager.post(team.path("/milestones/" + id + "/achievement"),
				Map.of("evidence", "I approve"));
		assertThat(byManager.status()).isEqualTo(422);
		assertThat(byManager.json().get("detail").asString()).contains(team.approver().username());
		assertThat(manager.get(team.path("/milestones/" + id)).json().get("achieved").asBoolean()).isFalse();

		Api.Response approved = team.as(team.approver())
			.post(team.path("/milestones/" + id + "/achievement"), Map.of("evidence", "Audit report v3 reviewed"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		JsonNode achievement = approved.json().get("achievement");
		assertThat(achievement.get("by").asString()).isEqualTo(team.approver().username());
		assertThat(achievement.get("at").asString()).isNotBlank();
		assertThat(achievement.get("evidence").asString()).contains("Audit report v3 reviewed");
		assertThat(achievement.get("evidenceKind").asString()).isEqualTo("APPROVAL_BY_PERSON");

		Api.Response again = team.as(team.approver()).post(team.path("/milestones/" + id + "/achievement"), Map.of());
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void feedingTasksMustAllBeDoneAndTheRefusalSaysWhichAreNot() {
		String task = id(manager.post(team.path("/tasks"), Teams.task("Migrate ledgers", team.member())));
		String milestone = id(manager.post(team.path("/milestones"), Teams.milestone("Ledgers migrated",
				team.manager(), Map.of("kind", "ALL_FEEDING_TASKS_DONE", "text", "All migration tasks done"))));
		link(task, milestone, "FS");
		Api.Response early = manager.post(team.path("/milestones/" + milestone + "/achievement"), Map.of());
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("detail").asString()).contains("Migrate ledgers (0 %)");

		Api asMember = team.as(team.member());
		Api.Response read = asMember.get(team.path("/tasks/" + task));
		check(asMember.patch(team.path("/tasks/" + task),
				Map.of("actualStart", "2026-03-02", "actualFinish", "2026-03-06"), read.etag()), 200);
		Api.Response achieved = manager.post(team.path("/milestones/" + milestone + "/achievement"), Map.of());
		assertThat(achieved.status()).as(achieved.body()).isEqualTo(200);
		assertThat(achieved.json().get("achievement").get("evidence").asString()).contains("Migrate ledgers");
	}

	@Test
	void allFeedingTasksDoneMeansEveryTaskUpstreamThroughAnyChainOfLinks() {
		// Build feeds Test, which feeds "Development complete"; a milestone in between passes its work on
		String build = id(manager.post(team.path("/tasks"), Teams.task("Build", team.member())));
		String test = id(manager.post(team.path("/tasks"), Teams.task("Test", team.member())));
		String design = id(manager.post(team.path("/tasks"), Teams.task("Design", team.member())));
		String designed = id(manager.post(team.path("/milestones"),
				Teams.milestone("Design approved", team.manager(), Teams.ownerConfirmation())));
		String complete = id(manager.post(team.path("/milestones"), Teams.milestone("Development complete",
				team.manager(), Map.of("kind", "ALL_FEEDING_TASKS_DONE", "text", "All development tasks done"))));
		link(build, test, "FS");
		link(test, complete, "FS");
		link(design, designed, "FS");
		link(designed, complete, "FS");
		finish(test);

		Api.Response early = manager.post(team.path("/milestones/" + complete + "/achievement"), Map.of());
		assertThat(early.status()).as(early.body()).isEqualTo(422);
		assertThat(early.json().get("detail").asString()).contains("Build (0 %)", "Design (0 %)")
			.doesNotContain("Test (");
		assertThat(manager.get(team.path("/milestones/" + complete)).json().get("achieved").asBoolean()).isFalse();

		finish(build);
		finish(design);
		Api.Response achieved = manager.post(team.path("/milestones/" + complete + "/achievement"), Map.of());
		assertThat(achieved.status()).as(achieved.body()).isEqualTo(200);
		assertThat(achieved.json().get("achievement").get("evidence").asString()).contains("Build", "Design", "Test");
	}

	@Test
	void anApproverAchievingDirectlyIsShownTheOpenWorkAndMustSayTheySawIt() {
		String review = id(manager.post(team.path("/tasks"), Teams.task("Security review", team.member())));
		String golive = id(manager.post(team.path("/milestones"), Teams.milestone("Go-live approved", team.manager(),
				Map.of("kind", "APPROVAL_BY_PERSON", "text", "The approver approves go-live", "approver",
						team.approver().username()))));
		link(review, golive, "FS");
		Api approver = team.as(team.approver());

		JsonNode check = check(approver.get(team.path("/milestones/" + golive + "/achievement")), 200).json();
		assertThat(check.get("allowed").asBoolean()).isTrue();
		assertThat(check.get("acknowledgementNeeded").asBoolean()).isTrue();
		assertThat(check.get("openWork").get(0).get("name").asString()).isEqualTo("Security review");

		Api.Response unseen = approver.post(team.path("/milestones/" + golive + "/achievement"),
				Map.of("evidence", "Go"));
		assertThat(unseen.status()).as(unseen.body()).isEqualTo(422);
		assertThat(unseen.json().get("errors").get(0).get("field").asString()).isEqualTo("acknowledgeOpenWork");
		assertThat(manager.get(team.path("/milestones/" + golive)).json().get("achieved").asBoolean()).isFalse();

		Api.Response seen = approver.post(team.path("/milestones/" + golive + "/achievement"),
				Map.of("evidence", "Go, the review follows", "acknowledgeOpenWork", true));
		assertThat(seen.status()).as(seen.body()).isEqualTo(200);
		assertThat(seen.json().get("achievement").get("openWork").valueStream().map(JsonNode::asString))
			.containsExactly("Security review (0 %)");
	}

	@Test
	void whoMayAchieveIsAnsweredBeforehandAsTheAchievementAnswersIt() {
		String milestone = id(manager.post(team.path("/milestones"), Teams.milestone("Ledgers migrated",
				team.manager(), Map.of("kind", "ALL_FEEDING_TASKS_DONE", "text", "All migration tasks done"))));
		Api member = team.as(team.member());
		JsonNode asked = check(member.get(team.path("/milestones/" + milestone + "/achievement")), 200).json();
		assertThat(asked.get("allowed").asBoolean()).isFalse();
		assertThat(asked.get("reason").asString()).isEqualTo("Only the milestone's owner or a manager records its achievement.");
		Api.Response tried = member.post(team.path("/milestones/" + milestone + "/achievement"), Map.of());
		assertThat(tried.status()).isEqualTo(403);
		assertThat(tried.json().get("detail").asString()).isEqualTo(asked.get("reason").asString());

		JsonNode byManager = check(manager.get(team.path("/milestones/" + milestone + "/achievement")), 200).json();
		assertThat(byManager.get("allowed").asBoolean()).isFalse();
		assertThat(byManager.get("reason").asString()).contains("No task feeds this milestone");
	}

	@Test
	void ownerConfirmationNeedsTheOwnerAndEvidence() {
		String id = id(manager.post(team.path("/milestones"),
				Teams.milestone("Environment live", team.member(), Teams.ownerConfirmation())));
		assertThat(manager.post(team.path("/milestones/" + id + "/achievement"), Map.of("evidence", "done"))
			.status()).isEqualTo(422);
		Api asOwner = team.as(team.member());
		assertThat(asOwner.post(team.path("/milestones/" + id + "/achievement"), Map.of()).status()).isEqualTo(422);
		Api.Response achieved = asOwner.post(team.path("/milestones/" + id + "/achievement"),
				Map.of("evidence", "https://status.example.com/env shows green"));
		assertThat(achieved.status()).isEqualTo(200);
		assertThat(achieved.json().get("achievement").get("by").asString()).isEqualTo(team.member().username());
	}

	@Test
	void acceptingTheLastDeliverableAchievesItsMilestone() {
		String milestone = id(manager.post(team.path("/milestones"), Teams.milestone("Requirements signed off",
				team.manager(), Map.of("kind", "DELIVERABLE_ACCEPTED", "text", "Requirements document accepted"))));
		String deliverable = id(manager.post(team.path("/deliverables"), Map.of("name", "Requirements document",
				"acceptor", team.approver().username(), "milestone", milestone)));
		assertThat(manager.post(team.path("/deliverables/" + deliverable + "/acceptance"), Map.of()).status())
			.isEqualTo(403);
		check(team.as(team.approver()).post(team.path("/deliverables/" + deliverable + "/acceptance"),
				Map.of("note", "Signed v1.2")), 200);
		JsonNode achieved = manager.get(team.path("/milestones/" + milestone)).json();
		assertThat(achieved.get("achieved").asBoolean()).isTrue();
		assertThat(achieved.get("achievement").get("evidence").asString()).contains("Requirements document");
	}

	@Test
	void twoPatchesWithTheSameEtagOneWinsTheOtherGets412() throws Exception {
		Api.Response created = check(manager.post(team.path("/tasks"), Teams.task("Configure ledger")), 201);
		String path = team.path("/tasks/" + created.json().get("id").asString());
		String etag = created.etag();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> manager.patch(path, Map.of("name", "Configure ledger A"), etag));
			var second = pool.submit(() -> manager.patch(path, Map.of("name", "Configure ledger B"), etag));
			List<Integer> statuses = List.of(first.get().status(), second.get().status());
			assertThat(statuses).containsExactlyInAnyOrder(200, 412);
		}
		finally {
			pool.shutdown();
		}
		Api.Response stale = manager.patch(path, Map.of("name", "Configure ledger C"), etag);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(manager.patch(path, Map.of("name", "Configure ledger D"), null).status()).isEqualTo(428);
	}

	@Test
	void deletingALinkedTaskIsRefusedUnlessTheLinksGoToo() {
		String a = id(manager.post(team.path("/tasks"), Teams.task("Extract data")));
		String b = id(manager.post(team.path("/tasks"), Teams.task("Load data")));
		link(a, b, "FS");
		Api.Response refused = manager.delete(team.path("/tasks/" + a));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("'Extract data' → 'Load data'");
		assertThat(manager.delete(team.path("/tasks/" + a + "?removeLinks=true")).status()).isEqualTo(204);
		assertThat(manager.get(team.path("/dependencies")).json().get("totalItems").asLong()).isZero();
	}

	private String id(Api.Response response) {
		return check(response, 201).json().get("id").asString();
	}

	private void finish(String task) {
		Api.Response read = manager.get(team.path("/tasks/" + task));
		check(manager.patch(team.path("/tasks/" + task), Map.of("actualStart", "2026-03-02", "actualFinish",
				"2026-03-06"), read.etag()), 200);
	}

	private void link(String predecessor, String successor, String type) {
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", predecessor, "successor", successor, "type", type, "lagDays", 0)), 201);
	}

}
