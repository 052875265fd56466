package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.EventRecorder;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.plan.PlanQueries;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.StatusMemory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@MilepostTest
class DailyStatusRecomputeTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanQueries plans;

	@Autowired
	MilestoneStatuses statuses;

	@Autowired
	EventRecorder events;

	@Autowired
	StatusRecomputeRequests requests;

	@Autowired
	StatusRecomputeWorker worker;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theDailyRunIsRegisteredOnceAsPersistentBackgroundWork() {
		long rows = jdbc.sql("select count(*) from scheduled_tasks where task_name = 'milestone-status-daily'")
			.query(Long.class)
			.single();
		assertThat(rows).isEqualTo(1);
	}

	@Test
	void theDailyRunBringsAStaleStatusUpToDateAndAnnouncesTheChange() {
		Teams.Team team = teams.team(Api.at(port));
		String target = LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();
		String id = check(team.as(team.manager()).post(team.path("/milestones"),
				Teams.milestone("Steering committee sign-off", team.manager(), Teams.ownerConfirmation())
					.entrySet()
					.stream()
					.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
							e -> e.getKey().equals("targetDate") ? (Object) target : e.getValue()))),
				201).json().get("id").asString();
		UUID milestone = UUID.fromString(id);
		assertThat(statuses.stored(milestone).orElseThrow().status()).isEqualTo(MilestoneStatus.ON_TRACK);
		// as if yesterday's computation had left it approaching
		jdbc.sql("update milestone_status set status = 'APPROACHING' where milestone_id = :m").param("m", milestone)
			.update();

		DailyStatusRecompute.requestAll(plans, requests, worker, new TransactionTemplate(transactions));
		worker.runDue();

		assertThat(statuses.stored(milestone).orElseThrow().status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(events.all(MilestoneStatusChanged.class)).anySatisfy(event -> {
			assertThat(event.milestoneId()).isEqualTo(milestone);
			assertThat(event.from()).isEqualTo(MilestoneStatus.APPROACHING);
			assertThat(event.to()).isEqualTo(MilestoneStatus.ON_TRACK);
		});
	}

	@Test
	void theStoredStatusRemembersSinceWhenTheEvidenceLastedAndTheApiAndTheDailyRunDecideWithIt() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		Teams.Linked linked = Teams.taskFeedingMilestone(team);
		UUID milestone = UUID.fromString(linked.milestone());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		// design made three working days longer than the slack it leaves: forecast a little after the target
		int slack = check(manager.get(team.path("/milestone-status")), 200).json()
			.get("milestones")
			.valueStream()
			.filter(m -> m.get("id").asString().equals(milestone.toString()))
			.findFirst()
			.orElseThrow()
			.get("slackDays")
			.asInt();
		check(manager.patch(linked.task(), Map.of("durationDays", 5 + slack + 3), manager.get(linked.task()).etag()),
				200);

		assertThat(statuses.stored(milestone).orElseThrow().status()).as("watched on the first day")
			.isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(memory(milestone)).isEqualTo(new StatusMemory(today, today, null));
		assertThat(statusCodes(manager, team, milestone, "")).containsExactly("ON_TRACK", "WATCHED");

		// as if the days before had seen the same for a week
		int week = settings.rules().atRiskAfterDays();
		jdbc.sql("update milestone_status set remembered_as_of = :y, low_since = :since where milestone_id = :m")
			.param("y", today.minusDays(1))
			.param("since", today.minusDays(week))
			.param("m", milestone)
			.update();
		assertThat(statusCodes(manager, team, milestone, "")).as("the API shows the status as stored")
			.containsExactly("ON_TRACK", "WATCHED");
		assertThat(statusCodes(manager, team, milestone, "?statusDate=" + today))
			.as("a status computed on request decides with the stored memory")
			.startsWith("FORECAST_AFTER_TARGET");

		DailyStatusRecompute.requestAll(plans, requests, worker, new TransactionTemplate(transactions));
		worker.runDue();

		assertThat(statuses.stored(milestone).orElseThrow().status()).isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(memory(milestone)).isEqualTo(new StatusMemory(today, today.minusDays(week), today));
		assertThat(events.all(MilestoneStatusChanged.class)).anySatisfy(event -> {
			assertThat(event.milestoneId()).isEqualTo(milestone);
			assertThat(event.from()).isEqualTo(MilestoneStatus.ON_TRACK);
			assertThat(event.to()).isEqualTo(MilestoneStatus.AT_RISK);
		});

		// back to five days: the chance is back above the line, the flag and the memory clear
		check(manager.patch(linked.task(), Map.of("durationDays", 5), manager.get(linked.task()).etag()), 200);

		assertThat(statuses.stored(milestone).orElseThrow().status()).isEqualTo(MilestoneStatus.ON_TRACK);
		assertThat(memory(milestone)).isEqualTo(new StatusMemory(today, null, null));
	}

	@Autowired
	ScheduleSettings settings;

	@Autowired
	StatusMemories memories;

	private StatusMemory memory(UUID milestone) {
		UUID project = jdbc.sql("select project_id from milestone_status where milestone_id = :m")
			.param("m", milestone)
			.query(UUID.class)
			.single();
		return memories.of(project).get(milestone);
	}

	private static java.util.List<String> statusCodes(Api manager, Teams.Team team, UUID milestone, String query) {
		return check(manager.get(team.path("/milestone-status" + query)), 200).json()
			.get("milestones")
			.valueStream()
			.filter(m -> m.get("id").asString().equals(milestone.toString()))
			.findFirst()
			.orElseThrow()
			.get("reasons")
			.valueStream()
			.map(r -> r.get("code").asString())
			.toList();
	}

}
