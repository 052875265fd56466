package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A project's history replayed: statuses and baselines as of a past day use the plan and progress
 * as they stood that morning, not today's.
 */
@MilepostTest
class HistoryAsOfTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Baselines baselines;

	@Autowired
	dev.milepost.plan.PlanQueries plans;

	Teams.Team team;

	Api manager;

	String design;

	String signedOff;

	/**
	 * Design (5 working days) was planned from Monday 2 March but started a week late, on 9 March,
	 * and finished on Friday 13 March; the milestone it feeds was confirmed on Monday 16 March,
	 * recorded later.
	 */
	@BeforeEach
	void history() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
		Map<String, Object> task = new HashMap<>(Teams.task("Design"));
		task.put("plannedStart", "2026-03-02");
		design = check(manager.post(team.path("/tasks"), task), 201).json().get("id").asString();
		signedOff = check(manager.post(team.path("/milestones"),
				Teams.milestone("Design signed off", team.manager(), Teams.ownerConfirmation())), 201)
			.json()
			.get("id")
			.asString();
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", design, "successor", signedOff, "type", "FS", "lagDays", 0)), 201);
		String path = team.path("/tasks/" + design);
		check(manager.patch(path, Map.of("actualStart", "2026-03-09", "actualFinish", "2026-03-13", "percentComplete",
				100), manager.get(path).etag()), 200);
		check(manager.post(team.path("/milestones/" + signedOff + "/achievement"),
				Map.of("evidence", "Signed by the architects", "achievedOn", "2026-03-16")), 200);
	}

	@Test
	void theStatusAsOfADayIsComputedFromTheProgressKnownThatMorning() {
		JsonNode fourthOfMarch = check(manager.get(team.path("/milestone-status?asOf=2026-03-04")), 200).json();
		assertThat(fourthOfMarch.get("statusDate").asString()).isEqualTo("2026-03-04");
		JsonNode then = fourthOfMarch.get("milestones").get(0);
		assertThat(then.get("status").asString()).isNotEqualTo("ACHIEVED");
		// Design had not started that morning: its five days run from Wednesday 4 to Tuesday 10 March
		assertThat(then.get("forecast").asString()).isEqualTo("2026-03-10");
		// today's progress scheduled from the same date knows of the late start: not the same
		JsonNode whatIf = check(manager.get(team.path("/milestone-status?statusDate=2026-03-04")), 200).json()
			.get("milestones")
			.get(0);
		assertThat(whatIf.get("status").asString()).isEqualTo("ACHIEVED");

		JsonNode dayOf = check(manager.get(team.path("/milestone-status?asOf=2026-03-16")), 200).json()
			.get("milestones")
			.get(0);
		assertThat(dayOf.get("status").asString()).as("achieved during that day, open in its morning")
			.isNotEqualTo("ACHIEVED");
		JsonNode dayAfter = check(manager.get(team.path("/milestone-status?asOf=2026-03-17")), 200).json()
			.get("milestones")
			.get(0);
		assertThat(dayAfter.get("status").asString()).isEqualTo("ACHIEVED");
		assertThat(dayAfter.get("forecast").asString()).isEqualTo("2026-03-16");
	}

	@Test
	void aDayToComeBeforeTheStartOrBesideAStatusDateIsRefused() {
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		Api.Response future = manager.get(team.path("/milestone-status?asOf=" + tomorrow));
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.body()).contains("asOf", "not known yet");
		Api.Response beforeStart = manager.get(team.path("/milestone-status?asOf=2026-01-02"));
		assertThat(beforeStart.status()).isEqualTo(422);
		assertThat(beforeStart.body()).contains("starts on 2026-01-05");
		Api.Response both = manager.get(team.path("/milestone-status?asOf=2026-03-04&statusDate=2026-03-04"));
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.body()).contains("not both");
		assertThat(manager.get(team.path("/milestone-status?asOf=4%20March")).status()).isEqualTo(400);
		assertThat(team.as(team.outsider()).get(team.path("/milestone-status?asOf=2026-03-04")).status())
			.isEqualTo(404);
	}

	@Test
	void aBaselineAsOfAPastDayRecordsThePlanAsItStoodThen() {
		JsonNode then = check(manager.post(team.path("/baselines"), Map.of("name", "As of 4 March", "asOf", "2026-03-04")),
				201)
			.json();
		assertThat(then.get("statusDate").asString()).isEqualTo("2026-03-04");
		JsonNode now = check(manager.post(team.path("/baselines"), Map.of("name", "Now")), 201).json();
		assertThat(now.get("statusDate").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

		JsonNode designThen = design(then.get("id").asString());
		assertThat(designThen.get("baselineStart").asString()).isEqualTo("2026-03-04");
		assertThat(designThen.get("baselineFinish").asString()).isEqualTo("2026-03-10");
		JsonNode designNow = design(now.get("id").asString());
		assertThat(designNow.get("baselineStart").asString()).isEqualTo("2026-03-09");
		assertThat(designNow.get("baselineFinish").asString()).isEqualTo("2026-03-13");
		// a status as of a day compares against the latest baseline describing the plan by then
		UUID project = plans.projectId(team.key()).orElseThrow();
		assertThat(baselines.latestAsOf(project, LocalDate.of(2026, 3, 5))).map(Baselines.Baseline::name)
			.contains("As of 4 March");
		assertThat(baselines.latestAsOf(project, LocalDate.of(2026, 3, 3))).isEmpty();
		assertThat(baselines.latestAsOf(project, LocalDate.now(ZoneOffset.UTC))).map(Baselines.Baseline::name)
			.contains("Now");
	}

	@Test
	void aBaselineAsOfADayToComeOrBeforeTheStartIsRefusedAndNoneIsSaved() {
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		Api.Response future = manager.post(team.path("/baselines"), Map.of("name", "Tomorrow", "asOf", tomorrow));
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.body()).contains("asOf");
		assertThat(manager.post(team.path("/baselines"), Map.of("name", "Early", "asOf", "2025-12-31")).status())
			.isEqualTo(422);
		assertThat(manager.post(team.path("/baselines"), Map.of("name", "Typo", "asOf", "2026-02-30")).status())
			.isEqualTo(400);
		assertThat(team.as(team.member()).post(team.path("/baselines"), Map.of("name", "Member", "asOf", "2026-03-04"))
			.status()).as("managers take baselines").isEqualTo(403);
		assertThat(check(manager.get(team.path("/baselines")), 200).json().size()).isZero();
	}

	private JsonNode design(String baseline) {
		for (JsonNode row : check(manager.get(team.path("/baselines/" + baseline + "/variance")), 200).json()
			.get("activities")) {
			if (row.get("id").asString().equals(design)) {
				return row;
			}
		}
		throw new AssertionError("Design is not in baseline " + baseline);
	}

}
