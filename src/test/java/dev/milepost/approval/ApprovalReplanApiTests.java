package dev.milepost.approval;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Re-planning a missed or at-risk milestone over HTTP: the manager proposes, the sponsor (the
 * team's approver) agrees or not, and the milestone keeps its original target and every move.
 */
@MilepostTest
class ApprovalReplanApiTests {

	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	ApprovalFixture fixture;

	Teams.Team team;

	People.Person sponsor;

	@BeforeEach
	void setUp() {
		fixture = ApprovalFixture.of(teams, people, port);
		team = fixture.team();
		sponsor = team.approver();
	}

	@Test
	void aRePlanApprovedByTheSponsorMovesTheTargetAndKeepsTheHistory() {
		LocalDate missedTarget = TODAY.minusDays(10);
		LocalDate newTarget = TODAY.plusDays(30);
		String milestone = missed("Ledgers migrated", missedTarget);
		Api.Response proposed = propose(milestone, newTarget, "The legacy export took three weeks longer");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		JsonNode request = proposed.json();
		assertThat(proposed.header("Location")).endsWith("/approvals/" + request.get("id").asString());
		assertThat(request.get("subject").get("kind").asString()).isEqualTo("REPLAN");
		assertThat(request.get("subject").get("id").asString()).isEqualTo(milestone);
		JsonNode replan = request.get("subject").get("replan");
		assertThat(replan.get("from").asString()).isEqualTo(missedTarget.toString());
		assertThat(replan.get("to").asString()).isEqualTo(newTarget.toString());
		assertThat(replan.get("reason").asString()).isEqualTo("The legacy export took three weeks longer");
		assertThat(request.get("approvers").get(0).get("username").asString()).isEqualTo(sponsor.username());
		assertThat(fixture.milestoneView(milestone).get("targetDate").asString()).isEqualTo(missedTarget.toString());

		assertThat(fixture.decide(fixture.ciso(), request, "APPROVE", null).status()).isEqualTo(403);
		assertThat(fixture.decide(team.manager(), request, "APPROVE", null).status()).isEqualTo(403);
		check(fixture.decide(sponsor, request, "APPROVE", "Agreed; the cut-over date holds"), 200);

		JsonNode moved = fixture.milestoneView(milestone);
		assertThat(moved.get("targetDate").asString()).isEqualTo(newTarget.toString());
		assertThat(moved.get("originalTarget").asString()).isEqualTo(missedTarget.toString());
		assertThat(moved.get("revisions")).hasSize(1);
		JsonNode revision = moved.get("revisions").get(0);
		assertThat(revision.get("from").asString()).isEqualTo(missedTarget.toString());
		assertThat(revision.get("to").asString()).isEqualTo(newTarget.toString());
		assertThat(revision.get("reason").asString()).isEqualTo("The legacy export took three weeks longer");
		assertThat(revision.get("proposedBy").asString()).isEqualTo(team.manager().username());
		assertThat(revision.get("agreedBy").asString()).isEqualTo(sponsor.username());
		assertThat(revision.get("agreedAt").asString()).isNotBlank();
		assertThat(revision.get("proposedAt").asString()).isNotBlank();
		assertThat(revision.get("approvalRequest").asString()).isEqualTo(request.get("id").asString());
		assertThat(fixture.audit("milestone")).extracting(entry -> entry.get("action").asString()).contains("replanned");
	}

	@Test
	void aRejectedRePlanLeavesTheTargetAndTheReasonIsOnTheRequest() {
		LocalDate missedTarget = TODAY.minusDays(3);
		String milestone = missed("Vendor contract signed", missedTarget);
		JsonNode request = check(propose(milestone, TODAY.plusDays(60), "Legal review is slow"), 201).json();
		check(fixture.decide(sponsor, request, "REJECT", "Escalate to legal instead; the date stays"), 200);
		JsonNode rejected = fixture.read(request);
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("approvers").get(0).get("decision").get("comment").asString())
			.isEqualTo("Escalate to legal instead; the date stays");
		JsonNode unchanged = fixture.milestoneView(milestone);
		assertThat(unchanged.get("targetDate").asString()).isEqualTo(missedTarget.toString());
		assertThat(unchanged.get("revisions")).isEmpty();
		// the sponsor said no: the manager may propose again
		assertThat(propose(milestone, TODAY.plusDays(20), "Legal promised next week").status()).isEqualTo(201);
	}

	@Test
	void onlyAMissedOrAtRiskMilestoneIsReplanned() {
		String onTrack = missed("Far away", TODAY.plusDays(90));
		Api.Response refused = propose(onTrack, TODAY.plusDays(120), "Just in case");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("neither missed nor at risk");

		String achieved = missed("Kick-off held", TODAY.minusDays(30));
		check(fixture.manager().post(team.path("/milestones/" + achieved + "/achievement"),
				Map.of("evidence", "Minutes in the wiki")), 200);
		Api.Response onRecord = propose(achieved, TODAY.plusDays(10), "Redo it");
		assertThat(onRecord.status()).isEqualTo(409);
		assertThat(onRecord.json().get("detail").asString()).contains("achieved");

		assertThat(propose(atRisk(), TODAY.plusDays(60), "The build takes longer than the target allows")
			.status()).isEqualTo(201);
	}

	@Test
	void aSecondRePlanWaitsForTheFirstAndTheNewTargetMustLieAhead() {
		String milestone = missed("Interfaces tested", TODAY.minusDays(5));
		Api.Response past = propose(milestone, TODAY.minusDays(1), "Already late");
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("targetDate");
		JsonNode first = check(propose(milestone, TODAY.plusDays(15), "Test data arrived late"), 201).json();
		Api.Response second = propose(milestone, TODAY.plusDays(25), "Even later");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("detail").asString()).contains("#" + first.get("number").asLong());
	}

	@Test
	void theSponsorsDelegateAgreesOnTheirBehalf() {
		String milestone = missed("Cut-over rehearsed", TODAY.minusDays(2));
		JsonNode request = check(propose(milestone, TODAY.plusDays(14), "Rehearsal environment broke"), 201).json();
		check(fixture.as(sponsor).post(team.path("/approvals/" + request.get("id").asString() + "/delegation"),
				Map.of("to", fixture.deputy().username())), 200);
		check(fixture.decide(fixture.deputy(), request, "APPROVE", null), 200);
		JsonNode revision = fixture.milestoneView(milestone).get("revisions").get(0);
		assertThat(revision.get("agreedBy").asString()).isEqualTo(fixture.deputy().username());
		assertThat(revision.get("onBehalfOf").asString()).isEqualTo(sponsor.username());
	}

	@Test
	void aManagersEditOfAnOnTrackTargetIsOnTheHistoryWithNobodyAgreeing() {
		LocalDate created = TODAY.plusDays(60);
		String milestone = missed("Training done", created);
		String path = team.path("/milestones/" + milestone);
		check(fixture.manager().patch(path, Map.of("targetDate", TODAY.plusDays(70).toString()),
				fixture.manager().get(path).etag()), 200);
		JsonNode edited = fixture.milestoneView(milestone);
		assertThat(edited.get("originalTarget").asString()).isEqualTo(created.toString());
		JsonNode revision = edited.get("revisions").get(0);
		assertThat(revision.get("to").asString()).isEqualTo(TODAY.plusDays(70).toString());
		assertThat(revision.get("proposedBy").asString()).isEqualTo(team.manager().username());
		assertThat(revision.get("agreedBy").isNull()).isTrue();
		assertThat(revision.get("approvalRequest").isNull()).isTrue();
	}

	private String missed(String name, LocalDate target) {
		return fixture.milestone(name, Teams.ownerConfirmation(), target.toString());
	}

	/**
	 * A milestone whose feeding task is forecast to finish long after its target: at risk at once
	 * (a forecast a few days late would be watched first, docs/scheduling.md).
	 */
	private String atRisk() {
		LocalDate monday = TODAY.plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		String task = check(fixture.manager().post(team.path("/tasks"), Map.of("name", "Build interfaces",
				"durationDays", 20, "plannedStart", monday.toString())), 201).json().get("id").asString();
		String milestone = missed("Interfaces built", monday.plusDays(3));
		check(fixture.manager().post(team.path("/dependencies"),
				Map.of("predecessor", task, "successor", milestone, "type", "FS", "lagDays", 0)), 201);
		assertThat(fixture.manager().get(team.path("/milestone-status")).body()).contains("AT_RISK");
		return milestone;
	}

	private Api.Response propose(String milestone, LocalDate target, String reason) {
		return fixture.manager().post(team.path("/milestones/" + milestone + "/replan"),
				Map.of("targetDate", target.toString(), "reason", reason));
	}

}
