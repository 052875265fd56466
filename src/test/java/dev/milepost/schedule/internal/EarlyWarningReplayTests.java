package dev.milepost.schedule.internal;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.plan.ProjectPlan;
import dev.milepost.schedule.StatusMemory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The early-warning replay (src/replay/java) shows what the running application shows: a generated
 * project is put into the application through its API, its progress reported as the replay reports
 * it, and on a sample of days the milestone statuses, reasons, forecasts, chances and P80 dates the
 * schedule API answers for that status date are the ones the replay recorded that day, with what
 * each status remembered from the days before ({@code StatusMemory}) kept in the application as the
 * daily recompute keeps it.
 */
@MilepostTest
class EarlyWarningReplayTests {

	static final long SEED = 17;

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	ScheduleSettings settings;

	@Autowired
	JdbcClient jdbc;

	Teams.Team team;

	Api manager;

	final Map<UUID, String> ids = new HashMap<>();

	final Map<UUID, ProjectPlan.Task> pushed = new HashMap<>();

	@Test
	void theReplaysDailyStatusIsWhatTheScheduleApiAnswersForTheSamePlanAndProgress() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
		JsonNode effective = manager.get(team.path("")).json().get("effectiveCalendar");
		Set<DayOfWeek> workingDays = effective.get("workingDays")
			.valueStream()
			.map(d -> DayOfWeek.valueOf(d.asString()))
			.collect(Collectors.toSet());
		Set<LocalDate> holidays = effective.get("holidays")
			.valueStream()
			.map(h -> LocalDate.parse(h.get("date").asString()))
			.collect(Collectors.toSet());
		LocalDate start = LocalDate.parse(manager.get(team.path("")).json().get("start").asString());
		ReplayProject project = smallProjectWithFoundWork(start, workingDays, holidays);
		Replay replay = new Replay(project, settings, List.of());

		push(project, replay.plan(0));
		String baseline = check(manager.post(team.path("/baselines"), Map.of("name", Replay.BASELINE)), 201).json()
			.get("id")
			.asString();
		replay.baseline(baselineDates(baseline));

		int firstAchieved = project.gates.stream().mapToInt(g -> g.trueReach).min().orElseThrow();
		List<Integer> sample = List.of(1, 5, 9, 12, 16, 20, 24, 28, 33, 38);
		int compared = 0;
		for (int day = 0; day <= sample.get(sample.size() - 1); day++) {
			Map<UUID, StatusMemory> remembered = replay.remembered();
			List<MilestoneEvaluation> replayed = replay.step(day);
			// the API records an achievement today, not on the day it happened: compare before any
			if (!sample.contains(day) || day >= firstAchieved) {
				continue;
			}
			ProjectPlan plan = replay.plan(day);
			push(project, plan);
			// what the statuses remembered the day before, as the daily recompute would have kept it
			remembered.forEach((id, memory) -> jdbc.sql("""
					update milestone_status set remembered_as_of = :asOf, low_since = :low, at_risk_since = :since
					where milestone_id = :m""")
				.param("asOf", memory.asOf())
				.param("low", memory.lowSince())
				.param("since", memory.atRiskSince())
				.param("m", UUID.fromString(ids.get(id)))
				.update());
			LocalDate date = project.calendar.dateOf(day);
			JsonNode answered = check(manager.get(team.path("/milestone-status?statusDate=" + date)), 200).json();
			Map<String, JsonNode> byName = new LinkedHashMap<>();
			answered.get("milestones").valueStream().forEach(m -> byName.put(m.get("name").asString(), m));
			assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
					replayed.stream().map(MilestoneEvaluation::name).toList());
			for (MilestoneEvaluation shown : replayed) {
				JsonNode api = byName.get(shown.name());
				String on = shown.name() + " on " + date;
				assertThat(api.get("status").asString()).as(on).isEqualTo(shown.status().name());
				assertThat(api.get("reasons").valueStream().map(r -> r.get("code").asString()).toList()).as(on)
					.isEqualTo(shown.reasons().stream().map(dev.milepost.schedule.Reason::code).toList());
				assertThat(api.get("decidedBy").get("message").asString()).as(on)
					.isEqualTo(shown.decidedBy().message());
				assertThat(api.get("forecast").asString()).as(on).isEqualTo(shown.forecast().toString());
				assertThat(api.get("slackDays").asInt()).as(on).isEqualTo(shown.slackDays());
				assertThat(api.get("chanceOfMeetingTarget").isNull() ? null
						: api.get("chanceOfMeetingTarget").asDouble()).as(on)
					.isEqualTo(shown.risk() == null ? null : shown.risk().chanceOfMeetingTarget());
				assertThat(api.get("p80").isNull() ? null : api.get("p80").asString()).as(on)
					.isEqualTo(shown.risk() == null ? null : shown.risk().p80().toString());
			}
			compared++;
		}
		assertThat(compared).as("sample days compared").isGreaterThanOrEqualTo(3);
	}

	/** The first seeded project of the SMALL shape whose first phase finds work mid-way. */
	private static ReplayProject smallProjectWithFoundWork(LocalDate start, Set<DayOfWeek> workingDays,
			Set<LocalDate> holidays) {
		for (int number = 0;; number++) {
			ReplayProject project = ReplayProject.generate(SEED, number, start, workingDays, holidays);
			if (project.shape == ReplayProject.Shape.SMALL
					&& project.work.stream().anyMatch(w -> w.found() > 0 && w.found() < 30)) {
				return project;
			}
		}
	}

	/** Puts the plan's tasks, milestones, links and progress into the application, as a team would. */
	private void push(ReplayProject project, ProjectPlan plan) {
		for (ProjectPlan.Task task : plan.tasks()) {
			Map<String, Object> body = new HashMap<>();
			body.put("name", task.name());
			body.put("durationDays", task.durationDays());
			body.put("plannedStart", task.plannedStart().toString());
			body.put("estimate", Map.of("optimistic", task.optimistic(), "mostLikely", task.mostLikely(), "pessimistic",
					task.pessimistic()));
			body.put("percentComplete", task.percentComplete());
			body.put("actualStart", task.actualStart() == null ? null : task.actualStart().toString());
			body.put("actualFinish", task.actualFinish() == null ? null : task.actualFinish().toString());
			if (!ids.containsKey(task.id())) {
				ids.put(task.id(), check(manager.post(team.path("/tasks"), body), 201).json().get("id").asString());
			}
			else if (!task.equals(pushed.get(task.id()))) {
				String path = team.path("/tasks/" + ids.get(task.id()));
				check(manager.patch(path, body, manager.get(path).etag()), 200);
			}
			pushed.put(task.id(), task);
		}
		for (ProjectPlan.Milestone milestone : plan.milestones()) {
			if (!ids.containsKey(milestone.id())) {
				ids.put(milestone.id(), check(manager.post(team.path("/milestones"), Map.of("name", milestone.name(),
						"targetDate", milestone.targetDate().toString(), "owner", team.manager().username(), "criterion",
						Map.of("kind", milestone.criterionKind().name(), "text", milestone.criterionText()))), 201)
					.json()
					.get("id")
					.asString());
			}
		}
		Set<String> linked = new HashSet<>();
		for (ProjectPlan.Link link : plan.links()) {
			String key = link.predecessor() + ">" + link.successor();
			if (linked.add(key) && !ids.containsKey(UUID.nameUUIDFromBytes(key.getBytes()))) {
				check(manager.post(team.path("/dependencies"), Map.of("predecessor", ids.get(link.predecessor()),
						"successor", ids.get(link.successor()), "type", link.type().name(), "lagDays", link.lagDays())),
						201);
				ids.put(UUID.nameUUIDFromBytes(key.getBytes()), key);
			}
		}
	}

	/** The baseline the application took, by the replay's ids. */
	private Map<UUID, BaselineDates> baselineDates(String baseline) {
		Map<String, UUID> ours = new HashMap<>();
		ids.forEach((replayId, appId) -> ours.put(appId, replayId));
		Map<UUID, BaselineDates> dates = new HashMap<>();
		List<JsonNode> rows = new ArrayList<>();
		manager.get(team.path("/baselines/" + baseline + "/variance")).json().get("activities").valueStream()
			.forEach(rows::add);
		for (JsonNode row : rows) {
			UUID id = ours.get(row.get("id").asString());
			dates.put(id, new BaselineDates(id, row.get("name").asString(),
					LocalDate.parse(row.get("baselineStart").asString()),
					LocalDate.parse(row.get("baselineFinish").asString()), 0));
		}
		return dates;
	}

}
