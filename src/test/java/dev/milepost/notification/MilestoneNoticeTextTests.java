package dev.milepost.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.schedule.MilestoneStatus;
import dev.milepost.schedule.MilestoneStatusChanged;
import dev.milepost.schedule.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A notice tells its reasons as sentences: none doubled, none run into the next with ".;". */
@MilepostTest
class MilestoneNoticeTextTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAtRiskNoticeListsItsReasonsAsCleanSentences() {
		Teams.Team team = teams.team(Api.at(port));
		String id = Teams.check(team.as(team.manager()).post(team.path("/milestones"),
				Teams.milestone("Ledgers live", team.manager(), Teams.ownerConfirmation())), 201).json().get("id")
			.asString();
		UUID milestone = UUID.fromString(id);
		List<Reason> reasons = List.of(
				new Reason("FORECAST_AFTER_TARGET", "Forecast for 2026-05-04, 2 working days after the target.",
						List.of(), 2),
				new Reason("LATE_TASK", "'Migrate' is forecast to finish on 2026-05-04.", List.of(), 2));

		transactions.executeWithoutResult(tx -> events.publishEvent(new MilestoneStatusChanged(team.key(), milestone,
				"Ledgers live", MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK, LocalDate.of(2026, 4, 30),
				LocalDate.of(2026, 5, 4), reasons)));

		List<String> bodies = jdbc.sql("select body from notification_event where subject_id = :m and kind = :k")
			.params(Map.of("m", id, "k", NotificationKind.MILESTONE_AT_RISK.name()))
			.query(String.class)
			.list();
		assertThat(bodies).isNotEmpty().allSatisfy(body -> assertThat(body)
			.contains("Why: Forecast for 2026-05-04, 2 working days after the target. 'Migrate' is forecast to finish on 2026-05-04.")
			.doesNotContain("..", ".;"));
	}

}
