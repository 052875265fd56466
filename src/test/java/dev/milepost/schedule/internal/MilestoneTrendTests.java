package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.schedule.MilestoneStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A milestone's trend keeps every change of its forecast or status, however many fall on one day. */
@MilepostTest
class MilestoneTrendTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	MilestoneStatuses statuses;

	@Autowired
	ForecastTrends trends;

	@Autowired
	dev.milepost.plan.PlanQueries plans;

	@Test
	void everyChangeOnTheSameDayKeepsItsOwnPointInTheOrderItHappened() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String design = check(manager.post(team.path("/tasks"), Map.of("name", "Design", "durationDays", 5)), 201)
			.json().get("id").asString();
		Map<String, Object> milestone = new HashMap<>(
				Teams.milestone("Design signed off", team.manager(), Teams.ownerConfirmation()));
		milestone.put("targetDate", LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString());
		UUID signedOff = UUID.fromString(check(manager.post(team.path("/milestones"), milestone), 201).json().get("id")
			.asString());
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", design, "successor", signedOff.toString(), "type", "FS", "lagDays", 0)), 201);
		statuses.recompute(team.key());
		String task = team.path("/tasks/" + design);
		for (int days : new int[] { 8, 10 }) {
			check(manager.patch(task, Map.of("durationDays", days), manager.get(task).etag()), 200);
			// however the recomputation is triggered, one more run changes nothing that was not changed
			statuses.recompute(team.key());
		}
		statuses.recompute(team.key());

		List<MilestoneStatuses.TrendPoint> trend = statuses.trend(signedOff);

		// created unlinked (forecast today), then linked behind Design, then Design grew twice
		assertThat(trend).hasSize(4);
		assertThat(trend).extracting(MilestoneStatuses.TrendPoint::statusDate).containsOnly(LocalDate.now(ZoneOffset.UTC));
		assertThat(trend).extracting(MilestoneStatuses.TrendPoint::forecast).isSorted().doesNotHaveDuplicates();
		assertThat(trend).extracting(MilestoneStatuses.TrendPoint::recordedAt).isSorted();
		assertThat(trend).extracting(MilestoneStatuses.TrendPoint::status).containsOnly(MilestoneStatus.ON_TRACK);
	}

	@Test
	void aProjectsTrendsReadInOneGoAreEachMilestonesOwnTrend() {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		String design = check(manager.post(team.path("/tasks"), Map.of("name", "Design", "durationDays", 5)), 201)
			.json().get("id").asString();
		List<UUID> milestones = new java.util.ArrayList<>();
		for (String name : new String[] { "Design signed off", "Build started" }) {
			Map<String, Object> milestone = new HashMap<>(Teams.milestone(name, team.manager(), Teams.ownerConfirmation()));
			milestone.put("targetDate", LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString());
			UUID id = UUID.fromString(check(manager.post(team.path("/milestones"), milestone), 201).json().get("id")
				.asString());
			milestones.add(id);
			check(manager.post(team.path("/dependencies"),
					Map.of("predecessor", design, "successor", id.toString(), "type", "FS", "lagDays", 0)), 201);
			statuses.recompute(team.key());
		}
		String task = team.path("/tasks/" + design);
		check(manager.patch(task, Map.of("durationDays", 9), manager.get(task).etag()), 200);
		statuses.recompute(team.key());

		var all = trends.ofProject(plans.projectId(team.key()).orElseThrow());

		assertThat(all).containsOnlyKeys(milestones);
		for (UUID milestone : milestones) {
			assertThat(all.get(milestone)).isNotEmpty()
				.extracting(p -> p.statusDate() + " " + p.forecast() + " " + p.status() + " " + p.recordedAt())
				.containsExactlyElementsOf(statuses.trend(milestone)
					.stream()
					.map(p -> p.statusDate() + " " + p.forecast() + " " + p.status() + " " + p.recordedAt())
					.toList());
		}
	}

}
