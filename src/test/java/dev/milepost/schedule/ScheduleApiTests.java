package dev.milepost.schedule;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.common.Paging;
import dev.milepost.EventRecorder;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import dev.milepost.schedule.engine.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The schedule of a small project over HTTP: design (5 days) → build (10 days) → "Ready for UAT";
 * docs (3 days) also feeds it, with float. The project starts on a Monday two weeks from today.
 */
@MilepostTest
class ScheduleApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	EventRecorder events;

	Teams.Team team;

	Api manager;

	LocalDate monday;

	String design;

	String build;

	String docs;

	String ready;

	WorkingCalendar calendar;

	@BeforeEach
	void setUp() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
		// the workspace calendar may hold holidays (other tests load the demo): count with it
		JsonNode effective = manager.get(team.path("")).json().get("effectiveCalendar");
		monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		calendar = new WorkingCalendar(monday,
				effective.get("workingDays").valueStream().map(d -> DayOfWeek.valueOf(d.asString()))
					.collect(java.util.stream.Collectors.toSet()),
				effective.get("holidays").valueStream().map(h -> LocalDate.parse(h.get("date").asString())).toList());
		design = create("/tasks", task("Design", 5));
		build = create("/tasks", task("Build", 10));
		docs = create("/tasks", task("Write runbook", 3));
		// build finishes after 15 working days: target that day
		ready = create("/milestones", Map.of("name", "Ready for UAT", "targetDate", day(15).toString(), "owner",
				team.manager().username(), "criterion", Teams.ownerConfirmation()));
		link(design, build);
		link(build, ready);
		link(docs, ready);
	}

	@Test
	void theScheduleGivesDatesFloatsAndTheCriticalPath() {
		JsonNode schedule = manager.get(team.path("/schedule")).json();
		JsonNode buildRow = row(schedule, build);
		assertThat(buildRow.get("earlyStart").asString()).isEqualTo(calendar.dateOf(calendar.dayIndex(monday) + 5).toString());
		assertThat(buildRow.get("earlyFinish").asString()).isEqualTo(day(15).toString());
		assertThat(buildRow.get("totalFloat").asInt()).isZero();
		assertThat(buildRow.get("critical").asBoolean()).isTrue();
		JsonNode docsRow = row(schedule, docs);
		assertThat(docsRow.get("totalFloat").asInt()).isEqualTo(12);
		assertThat(docsRow.get("freeFloat").asInt()).isEqualTo(12);
		assertThat(docsRow.get("critical").asBoolean()).isFalse();
		assertThat(schedule.get("projectFinish").asString()).isEqualTo(day(15).toString());
		assertThat(schedule.get("criticalPath").valueStream().map(JsonNode::asString)).containsExactly(design, build,
				ready);
		// nothing was due before the project start, nothing is earned: earned schedule 0
		assertThat(schedule.get("earnedSchedule").get("earnedValue").asDouble()).isZero();
	}

	@Test
	void theActivitiesArePagedWithTheTotalAndABadPageIsRefusedNamingIt() {
		JsonNode first = manager.get(team.path("/schedule?size=3")).json();
		JsonNode second = manager.get(team.path("/schedule?size=3&page=1")).json();

		assertThat(first.get("activities").valueStream().map(a -> a.get("id").asString())).containsExactly(design,
				build, docs);
		assertThat(second.get("activities").valueStream().map(a -> a.get("id").asString())).containsExactly(ready);
		assertThat(second.get("totalActivities").asInt()).isEqualTo(4);
		assertThat(second.get("totalPages").asInt()).isEqualTo(2);
		assertThat(second.get("page").asInt()).isEqualTo(1);
		// the whole schedule's figures are on every page
		assertThat(second.get("criticalPath")).isEqualTo(first.get("criticalPath"));
		assertThat(manager.get(team.path("/schedule")).json().get("size").asInt()).isEqualTo(Paging.MAX_SIZE);
		for (String bad : new String[] { "page=-1", "size=0", "size=" + (Paging.MAX_SIZE + 1) }) {
			Api.Response refused = manager.get(team.path("/schedule?" + bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
		}
	}

	@Test
	void aMilestoneForecastAfterItsTargetIsWatchedFirstAndAtRiskAtOnceWhenFarLateAndTheReasonNamesTheWorkAndTheDays() {
		String path = team.path("/milestones/" + ready);
		check(manager.patch(path, Map.of("targetDate", day(13).toString()), manager.get(path).etag()), 200);
		// two working days late: watched, at risk only if it lasts (docs/scheduling.md)
		JsonNode watched = milestoneStatus();
		assertThat(watched.get("status").asString()).isEqualTo("ON_TRACK");
		JsonNode seen = watched.get("reasons").get(1);
		assertThat(seen.get("code").asString()).isEqualTo("WATCHED");
		assertThat(seen.get("days").asInt()).isEqualTo(2);
		assertThat(seen.get("message").asString()).contains("2 working days after the target", "'Design' → 'Build'",
				"Seen since " + LocalDate.now(ZoneOffset.UTC));

		// ten more days of design: twelve working days late is no slide between two reports, at risk at once
		String designPath = team.path("/tasks/" + design);
		check(manager.patch(designPath, Map.of("durationDays", 15), manager.get(designPath).etag()), 200);
		JsonNode status = milestoneStatus();
		assertThat(status.get("status").asString()).isEqualTo("AT_RISK");
		JsonNode reason = status.get("reasons").get(0);
		assertThat(reason.get("code").asString()).isEqualTo("FORECAST_AFTER_TARGET");
		assertThat(reason.get("days").asInt()).isEqualTo(12);
		assertThat(reason.get("message").asString()).contains("'Design' → 'Build'");
		assertThat(status.get("drivingPath").valueStream().map(step -> step.get("name").asString()))
			.containsExactly("Design", "Build", "Ready for UAT");
		// the stored status followed the change, and the change was announced
		assertThat(events.all(MilestoneStatusChanged.class))
			.anySatisfy(event -> {
				assertThat(event.milestoneId().toString()).isEqualTo(ready);
				assertThat(event.to()).isEqualTo(MilestoneStatus.AT_RISK);
			});
		// every change kept its point: the last one is the at-risk status at the new forecast
		JsonNode points = manager.get(path + "/trend").json().get("points");
		JsonNode last = points.get(points.size() - 1);
		assertThat(last.get("forecast").asString()).isEqualTo(day(25).toString());
		assertThat(last.get("status").asString()).isEqualTo("AT_RISK");
		assertThat(points.get(points.size() - 2).get("status").asString()).isNotEqualTo("AT_RISK");
	}

	@Test
	void aWhatIfSlipReportsWhatMovesAndSavesNothing() {
		JsonNode before = manager.get(team.path("/schedule")).json();
		Api.Response impact = manager.post(team.path("/impact"),
				Map.of("changes", List.of(Map.of("kind", "SLIP", "activity", design, "days", 3))));
		assertThat(impact.status()).as(impact.body()).isEqualTo(200);
		JsonNode result = impact.json();
		assertThat(result.get("finishMovesBy").asInt()).isEqualTo(3);
		assertThat(result.get("milestones").get(0).get("name").asString()).isEqualTo("Ready for UAT");
		assertThat(result.get("milestones").get(0).get("workingDays").asInt()).isEqualTo(3);
		assertThat(result.get("saved").asBoolean()).isFalse();
		assertThat(manager.get(team.path("/schedule")).json()).isEqualTo(before);

		Api.Response docsOnly = manager.post(team.path("/impact"),
				Map.of("changes", List.of(Map.of("kind", "DURATION", "activity", docs, "days", 8))));
		assertThat(docsOnly.json().get("milestones")).isEmpty();
		Api.Response cycle = manager.post(team.path("/impact"), Map.of("changes",
				List.of(Map.of("kind", "LINK", "predecessor", ready, "successor", design))));
		assertThat(cycle.status()).isEqualTo(422);
	}

	@Test
	void aBaselineKeepsTheDatesAndVarianceAndShiftedDependenciesAreMeasuredAgainstIt() {
		String baseline = create("/baselines", Map.of("name", "Approved plan"));
		String path = team.path("/tasks/" + design);
		check(manager.patch(path, Map.of("durationDays", 8), manager.get(path).etag()), 200);
		JsonNode variance = manager.get(team.path("/baselines/" + baseline + "/variance")).json();
		JsonNode buildVariance = variance.get("activities")
			.valueStream()
			.filter(row -> row.get("id").asString().equals(build))
			.findFirst()
			.orElseThrow();
		assertThat(buildVariance.get("finishVarianceDays").asInt()).isEqualTo(3);
		JsonNode status = milestoneStatus();
		// three days late since today: watched, with the dependency the baseline says shifted
		assertThat(status.get("status").asString()).isEqualTo("ON_TRACK");
		assertThat(status.get("reasons").valueStream().map(r -> r.get("code").asString()))
			.contains("WATCHED", "SHIFTED_DEPENDENCY");
		assertThat(manager.post(team.path("/baselines"), Map.of("name", "Approved plan")).status()).isEqualTo(409);
	}

	/** The date on which work of {@code days} working days, starting at the project start, finishes. */
	private LocalDate day(int days) {
		return calendar.finishDate(calendar.dayIndex(monday) + days);
	}

	@Test
	void aSimulationGivesPercentilesAndTheChanceOfMeetingTheTargetReproducibly() {
		Map<String, Object> request = Map.of("iterations", 2000, "seed", 42);
		Api.Response first = manager.post(team.path("/simulation"), request);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode milestone = first.json().get("milestones").get(0);
		LocalDate p50 = LocalDate.parse(milestone.get("forecast").get("p50").asString());
		LocalDate p95 = LocalDate.parse(milestone.get("forecast").get("p95").asString());
		assertThat(p95).isAfterOrEqualTo(p50);
		JsonNode histogram = milestone.get("forecast").get("histogram");
		assertThat(histogram.valueStream().mapToInt(bin -> bin.get("count").asInt()).sum()).isEqualTo(2000);
		assertThat(histogram.get(histogram.size() - 1).get("cumulative").asDouble()).isEqualTo(1.0);
		// the default spread leans late (−10 % / +25 %): meeting a target set at the plan's date is unlikely
		assertThat(milestone.get("probabilityOfMeetingTarget").asDouble()).isBetween(0.0, 0.6);
		JsonNode tasks = first.json().get("tasks");
		assertThat(tasks.valueStream().filter(t -> t.get("name").asString().equals("Build")).findFirst().orElseThrow()
			.get("criticalityIndex").asDouble()).isGreaterThan(0.9);
		assertThat(manager.post(team.path("/simulation"), request).json()).isEqualTo(first.json());
		Api.Response noSpread = manager.post(team.path("/simulation"),
				Map.of("iterations", 200, "spreadUnder", 0, "spreadOver", 0));
		JsonNode exact = noSpread.json().get("milestones").get(0);
		assertThat(exact.get("forecast").get("p95").asString()).isEqualTo(day(15).toString());
		assertThat(exact.get("probabilityOfMeetingTarget").asDouble()).isEqualTo(1.0);
		assertThat(manager.post(team.path("/simulation"), Map.of("iterations", 5)).status()).isEqualTo(422);
	}

	private JsonNode milestoneStatus() {
		return manager.get(team.path("/milestone-status"))
			.json()
			.get("milestones")
			.valueStream()
			.filter(m -> m.get("id").asString().equals(ready))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode row(JsonNode schedule, String id) {
		return schedule.get("activities")
			.valueStream()
			.filter(a -> a.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
	}

	private Map<String, Object> task(String name, int days) {
		Map<String, Object> task = new HashMap<>();
		task.put("name", name);
		task.put("durationDays", days);
		task.put("plannedStart", monday.toString());
		return task;
	}

	private String create(String collection, Object body) {
		return check(manager.post(team.path(collection), body), 201).json().get("id").asString();
	}

	private void link(String from, String to) {
		check(manager.post(team.path("/dependencies"),
				Map.of("predecessor", from, "successor", to, "type", "FS", "lagDays", 0)), 201);
	}

}
