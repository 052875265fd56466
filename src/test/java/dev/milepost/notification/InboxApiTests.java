package dev.milepost.notification;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What milestones tell people in their in-app inbox, and how they read it. */
@MilepostTest
class InboxApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAchievedMilestoneReachesItsOwnerTheManagerTheSponsorAndTheStakeholdersButNotTheMembers() {
		Teams.Team team = teams.team(Api.at(port));
		String milestone = Projects.milestone(team, "Payroll cut over", team.member(), Projects.today().plusDays(40));
		Projects.achieve(team, team.member(), milestone);

		for (People.Person told : List.of(team.member(), team.manager(), team.approver(), team.stakeholder())) {
			JsonNode item = waitForOne(team, told, "MILESTONE_ACHIEVED");
			assertThat(item.get("title").asString()).contains("Payroll cut over").contains("achieved");
			assertThat(item.get("text").asString()).contains("Go-live checklist signed");
			assertThat(item.get("subject").get("projectKey").asString()).isEqualTo(team.key());
			assertThat(item.get("subject").get("type").asString()).isEqualTo("milestone");
			assertThat(item.get("subject").get("id").asString()).isEqualTo(milestone);
			assertThat(item.get("subject").get("href").asString())
				.isEqualTo("/api/v1/projects/" + team.key() + "/milestones/" + milestone);
			assertThat(item.get("readAt").isNull()).isTrue();
		}
		assertThat(inbox(team, team.outsider()).get("totalItems").asLong()).isZero();
	}

	@Test
	void aMilestoneThatBecomesMissedReachesItsOwnerAndTheManager() {
		Teams.Team team = teams.team(Api.at(port));
		Projects.milestone(team, "Data centre exit", team.member(), Projects.today().minusDays(3));

		JsonNode owner = waitForOne(team, team.member(), "MILESTONE_MISSED");
		assertThat(owner.get("title").asString()).contains("Data centre exit").contains("missed");
		waitForOne(team, team.manager(), "MILESTONE_MISSED");
		background.drain();
		assertThat(inbox(team, team.stakeholder()).get("totalItems").asLong()).isZero();
	}

	@Test
	void readingOneThenAllClearsTheUnreadCountAndTheUnreadFilter() {
		Teams.Team team = teams.team(Api.at(port));
		for (String name : List.of("Design approved", "Build complete", "Go-live")) {
			Projects.achieve(team, team.member(),
					Projects.milestone(team, name, team.member(), Projects.today().plusDays(30)));
		}
		Api me = team.as(team.member());
		Eventually.until("three notifications", () -> unread(me) == 3);
		JsonNode page = check(me.get("/api/v1/me/notifications?unread=true&size=2"), 200).json();
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.get("totalItems").asLong()).isEqualTo(3);
		String first = page.get("items").get(0).get("id").asString();

		check(me.post("/api/v1/me/notifications/" + first + "/read", null), 204);
		assertThat(unread(me)).isEqualTo(2);
		assertThat(check(me.get("/api/v1/me/notifications?unread=true"), 200).json().get("totalItems").asLong())
			.isEqualTo(2);
		assertThat(check(me.post("/api/v1/me/notifications/read-all", null), 200).json().get("marked").asInt())
			.isEqualTo(2);
		assertThat(unread(me)).isZero();
		assertThat(check(me.get("/api/v1/me/notifications"), 200).json().get("totalItems").asLong()).isEqualTo(3);
	}

	@Test
	void someoneElsesNotificationCannotBeMarkedRead() {
		Teams.Team team = teams.team(Api.at(port));
		Projects.achieve(team, team.member(), Projects.milestone(team, "Cutover", team.member(), Projects.today().plusDays(30)));
		String theirs = waitForOne(team, team.member(), "MILESTONE_ACHIEVED").get("id").asString();

		Api.Response refused = team.as(team.stakeholder()).post("/api/v1/me/notifications/" + theirs + "/read", null);

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(jdbc.sql("select read_at from notification where id = :id").param("id", UUID.fromString(theirs))
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
	}

	@Test
	void eachDeliveryEntersTheInboxOnceAndIsMarkedDelivered() {
		Teams.Team team = teams.team(Api.at(port));
		Projects.achieve(team, team.member(),
				Projects.milestone(team, "UAT signed", team.member(), Projects.today().plusDays(30)));
		waitForOne(team, team.member(), "MILESTONE_ACHIEVED");

		Map<String, Object> counts = jdbc.sql("""
				select count(*) as deliveries, count(distinct n.delivery_id) as entries
				from notification_delivery d join notification_event e on e.id = d.event_id
				left join notification n on n.delivery_id = d.id
				where e.project_key = :key and d.channel = 'IN_APP' and d.status = 'DELIVERED'""")
			.param("key", team.key())
			.query()
			.singleRow();
		assertThat(((Number) counts.get("deliveries")).longValue()).isEqualTo(4);
		assertThat(((Number) counts.get("entries")).longValue()).isEqualTo(4);
	}

	private JsonNode waitForOne(Teams.Team team, People.Person person, String kind) {
		JsonNode page = Eventually.value(person.username() + " gets a " + kind + " notification",
				() -> inbox(team, person), found -> found.get("totalItems").asLong() > 0);
		assertThat(page.get("totalItems").asLong()).isEqualTo(1);
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("kind").asString()).isEqualTo(kind);
		return item;
	}

	private static JsonNode inbox(Teams.Team team, People.Person person) {
		return check(team.as(person).get("/api/v1/me/notifications"), 200).json();
	}

	private static long unread(Api me) {
		return check(me.get("/api/v1/me/notifications/unread-count"), 200).json().get("unread").asLong();
	}

}
