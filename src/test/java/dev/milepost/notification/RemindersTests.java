package dev.milepost.notification;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import dev.milepost.notification.trigger.Reminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Reminders before milestone targets and task finishes, each written once. */
@MilepostTest
class RemindersTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Reminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Background background;

	@Test
	void aMilestoneOwnerIsRemindedAWeekAheadWithTheOpenTasksFeedingItAndWhoDoesThem() {
		Teams.Team team = teams.team(Api.at(port));
		LocalDate today = Projects.today();
		String milestone = Projects.milestone(team, "Ledger migrated", team.stakeholder(), today.plusDays(7));
		String open = Projects.task(team, "Reconcile balances", today.minusDays(20), 5, team.member());
		String done = Projects.task(team, "Export ledger", today.minusDays(30), 3, team.member());
		check(team.as(team.manager()).patch(team.path("/tasks/" + done), java.util.Map.of("actualStart",
				today.minusDays(30).toString(), "actualFinish", today.minusDays(27).toString(), "percentComplete", 100),
				team.as(team.manager()).get(team.path("/tasks/" + done)).etag()), 200);
		Projects.feeds(team, open, milestone);
		Projects.feeds(team, done, milestone);

		reminders.run(today);

		JsonNode item = reminder(team, team.stakeholder(), "MILESTONE_REMINDER");
		assertThat(item.get("title").asString()).contains("Ledger migrated").contains("in 7 days");
		assertThat(item.get("text").asString()).contains("Reconcile balances")
			.contains(team.member().username())
			.doesNotContain("Export ledger");
		assertThat(item.get("subject").get("id").asString()).isEqualTo(milestone);
	}

	@Test
	void aReminderIsWrittenOnceHoweverOftenTheRunHappens() {
		Teams.Team team = teams.team(Api.at(port));
		LocalDate today = Projects.today();
		String milestone = Projects.milestone(team, "Cutover rehearsal", team.stakeholder(), today.plusDays(5));

		reminders.run(today);
		reminders.run(today);
		reminders.run(today.plusDays(1));

		background.drain();
		assertThat(inbox(team, team.stakeholder()).get("totalItems").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification_event where event_key like :k")
			.param("k", "reminder:milestone:" + milestone + ":%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aMovedTargetGetsAReminderOfItsOwn() {
		Teams.Team team = teams.team(Api.at(port));
		LocalDate today = Projects.today();
		String milestone = Projects.milestone(team, "Firewall rules live", team.stakeholder(), today.plusDays(6));
		reminders.run(today);
		String path = team.path("/milestones/" + milestone);
		check(team.as(team.manager()).patch(path, java.util.Map.of("targetDate", today.plusDays(4).toString()),
				team.as(team.manager()).get(path).etag()), 200);

		reminders.run(today);

		background.drain();
		assertThat(inbox(team, team.stakeholder()).get("totalItems").asLong()).isEqualTo(2);
	}

	@Test
	void assigneesAreRemindedBeforeATasksPlannedFinishCountedInWorkingDays() {
		Teams.Team team = teams.team(Api.at(port));
		LocalDate monday = Projects.today().plusWeeks(2).with(DayOfWeek.MONDAY);
		// five working days from Monday finish on Friday; the reminder two days ahead comes on Wednesday
		Projects.task(team, "Configure SSO", monday, 5, team.member(), team.manager());

		reminders.run(monday.plusDays(1));
		background.drain();
		assertThat(inbox(team, team.member()).get("totalItems").asLong()).isZero();

		reminders.run(monday.plusDays(2));

		for (People.Person assignee : java.util.List.of(team.member(), team.manager())) {
			JsonNode item = reminder(team, assignee, "TASK_REMINDER");
			assertThat(item.get("title").asString()).contains("Configure SSO").contains("in 2 days");
			assertThat(item.get("text").asString()).contains(monday.plusDays(4).toString());
		}
	}

	@Test
	void theFinishOfWorkSkipsWeekendsAndHolidays() {
		Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
		LocalDate friday = LocalDate.of(2026, 12, 18);
		assertThat(Reminders.finishOf(weekdays, Set.of(), friday, 2)).isEqualTo(LocalDate.of(2026, 12, 21));
		assertThat(Reminders.finishOf(weekdays, Set.of(LocalDate.of(2026, 12, 21)), friday, 2))
			.isEqualTo(LocalDate.of(2026, 12, 22));
		assertThat(Reminders.finishOf(weekdays, Set.of(), LocalDate.of(2026, 12, 19), 1))
			.isEqualTo(LocalDate.of(2026, 12, 21));
	}

	@Test
	void whoeverCanDecideAnApprovalIsRemindedBeforeItIsDueOnce() {
		Teams.Team team = teams.team(Api.at(port));
		LocalDate today = Projects.today();
		check(team.as(team.manager()).post(team.path("/approvals"), java.util.Map.of("title", "Cut-over plan",
				"subject", java.util.Map.of("kind", "FREE"), "approvers",
				java.util.List.of(java.util.Map.of("username", team.approver().username())), "dueDate",
				today.plusDays(2).toString())), 201);
		Notifications.waitFor(team, team.approver(), "APPROVAL_REQUESTED");

		reminders.run(today);
		reminders.run(today);

		JsonNode item = reminder(team, team.approver(), "APPROVAL_REMINDER");
		assertThat(item.get("title").asString()).contains("is due in 2 days");
		assertThat(item.get("text").asString()).contains("Cut-over plan");
		assertThat(Notifications.count(team, team.approver(), "APPROVAL_REMINDER")).isEqualTo(1);
		assertThat(Notifications.count(team, team.member(), "APPROVAL_REMINDER")).isZero();
	}

	private JsonNode reminder(Teams.Team team, People.Person person, String kind) {
		return Notifications.waitFor(team, person, kind);
	}

	private static JsonNode inbox(Teams.Team team, People.Person person) {
		return Notifications.inbox(team, person);
	}

}
