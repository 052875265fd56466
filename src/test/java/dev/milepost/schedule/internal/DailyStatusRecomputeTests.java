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

}
