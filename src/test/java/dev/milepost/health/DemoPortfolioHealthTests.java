package dev.milepost.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.ActivityKind;
import dev.milepost.plan.LinkType;
import dev.milepost.plan.ProjectPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The thresholds fit a well-planned project: the demo portfolio's plans, read from its file (the
 * demo is loaded into the database by another test, and its keys are unique), are checked as they
 * stand on their first day.
 */
class DemoPortfolioHealthTests {

	static final Set<String> SPACING = Set.of(MilestoneGaps.CODE, MilestoneCheckpoints.CODE, MilestoneCount.NONE,
			MilestoneCount.TOO_FEW, MilestoneCount.TOO_MANY);

	static JsonNode portfolio;

	final PlanHealth health = new PlanHealth();

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = DemoPortfolioHealthTests.class.getResourceAsStream("/demo/portfolio.json")) {
			portfolio = JsonMapper.builder().build().readTree(in);
		}
	}

	@Test
	void theErpMigrationWithMilestonesEveryFourToSixWeeksIsWellSpaced() {
		ProjectPlan erp = plan("ERP");

		assertThat(health.check(erp, erp.start())).filteredOn(f -> SPACING.contains(f.code())).isEmpty();
	}

	@Test
	void noDemoProjectHasASpacingProblem() {
		for (JsonNode project : portfolio.get("projects")) {
			ProjectPlan plan = plan(project.get("key").asString());
			assertThat(health.check(plan, plan.start())).as(plan.key())
				.filteredOn(f -> SPACING.contains(f.code()) && f.severity() == Severity.PROBLEM)
				.isEmpty();
		}
	}

	@Test
	void theErpMigrationIsHealthyThroughout() {
		ProjectPlan erp = plan("ERP");

		assertThat(health.check(erp, erp.start())).isEmpty();
	}

	/** The project as {@code PlanQueries} would snapshot it, with made-up ids for the file's refs. */
	static ProjectPlan plan(String key) {
		JsonNode project = null;
		for (JsonNode candidate : portfolio.get("projects")) {
			if (candidate.get("key").asString().equals(key)) {
				project = candidate;
			}
		}
		assertThat(project).as("demo project %s", key).isNotNull();
		Map<String, UUID> ids = new HashMap<>();
		Map<String, ActivityKind> kinds = new HashMap<>();
		List<ProjectPlan.Goal> goals = new ArrayList<>();
		for (JsonNode goal : project.get("goals")) {
			goals.add(new ProjectPlan.Goal(UUID.randomUUID(), goal.get("outcome").asString(), text(goal, "measure")));
		}
		List<ProjectPlan.Task> tasks = new ArrayList<>();
		for (JsonNode task : project.get("tasks")) {
			UUID id = id(ids, kinds, task, ActivityKind.TASK);
			List<String> assignees = new ArrayList<>();
			task.get("assignees").forEach(a -> assignees.add(a.asString()));
			tasks.add(new ProjectPlan.Task(id, task.get("name").asString(), task.get("durationDays").asInt(),
					task.get("percentComplete").asInt(), date(task, "plannedStart"), date(task, "actualStart"),
					date(task, "actualFinish"), null, null, null, assignees));
		}
		List<ProjectPlan.Milestone> milestones = new ArrayList<>();
		for (JsonNode milestone : project.get("milestones")) {
			UUID id = id(ids, kinds, milestone, ActivityKind.MILESTONE);
			JsonNode criterion = milestone.get("criterion");
			JsonNode achieved = milestone.get("achieved");
			boolean done = achieved != null && !achieved.isNull();
			List<String> tags = new ArrayList<>();
			milestone.get("tags").forEach(t -> tags.add(t.asString()));
			milestones.add(new ProjectPlan.Milestone(id, milestone.get("name").asString(), date(milestone, "targetDate"),
					milestone.get("owner").asString(), dev.milepost.plan.CriterionKind.valueOf(criterion.get("kind").asString()),
					criterion.get("text").asString(),
					text(criterion, "approver"), text(criterion, "role"), tags,
					done ? date(achieved, "on").atStartOfDay().toInstant(ZoneOffset.UTC) : null,
					done ? achieved.get("by").asString() : null));
		}
		List<ProjectPlan.Deliverable> deliverables = new ArrayList<>();
		for (JsonNode deliverable : project.get("deliverables")) {
			JsonNode accepted = deliverable.get("accepted");
			deliverables.add(new ProjectPlan.Deliverable(id(ids, kinds, deliverable, null),
					deliverable.get("name").asString(), deliverable.get("acceptor").asString(),
					text(deliverable, "milestone") == null ? null : ids.get(text(deliverable, "milestone")),
					accepted != null && !accepted.isNull()));
		}
		List<ProjectPlan.Link> links = new ArrayList<>();
		for (JsonNode link : project.get("dependencies")) {
			String from = link.get("from").asString();
			String to = link.get("to").asString();
			links.add(new ProjectPlan.Link(UUID.randomUUID(), ids.get(from), kinds.get(from), ids.get(to), kinds.get(to),
					LinkType.valueOf(link.get("type").asString()),
					link.get("lagDays") == null || link.get("lagDays").isNull() ? 0 : link.get("lagDays").asInt()));
		}
		Set<LocalDate> holidays = new HashSet<>();
		portfolio.get("workspaceCalendar").get("holidays").forEach(h -> holidays.add(date(h, "date")));
		return new ProjectPlan(UUID.randomUUID(), key, project.get("name").asString(), text(project, "sponsor"),
				text(project, "manager"), date(project, "start"), date(project, "targetFinish"),
				project.get("status").asString(), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), holidays, goals,
				tasks, milestones, deliverables, links);
	}

	private static UUID id(Map<String, UUID> ids, Map<String, ActivityKind> kinds, JsonNode node, ActivityKind kind) {
		UUID id = UUID.randomUUID();
		String ref = node.get("ref").asString();
		ids.put(ref, id);
		if (kind != null) {
			kinds.put(ref, kind);
		}
		return id;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static LocalDate date(JsonNode node, String field) {
		String value = text(node, field);
		return value == null ? null : LocalDate.parse(value);
	}

}
