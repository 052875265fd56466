package dev.milepost.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the demo portfolio loaded on first start against the rules the product enforces and against
 * what the demo has to show (a long migration with well-spaced milestones, a project already behind,
 * a small rollout on its own calendar). Plain JSON reading, no Spring context.
 */
class DemoPortfolioDataTests {

	private static final String RESOURCE = "/demo/portfolio.json";

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

	private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	private static final Set<String> ROLES = Set.of("MANAGER", "MEMBER", "APPROVER", "STAKEHOLDER");

	private static final Set<String> STATUSES = Set.of("PLANNED", "ACTIVE", "ON_HOLD", "COMPLETED", "CANCELLED");

	private static final Set<String> CRITERION_KINDS = Set.of("APPROVAL_BY_PERSON", "APPROVAL_BY_ROLE",
			"DELIVERABLE_ACCEPTED", "ALL_FEEDING_TASKS_DONE", "OWNER_CONFIRMATION");

	private static final Set<String> DEPENDENCY_TYPES = Set.of("FS", "SS", "FF", "SF");

	private static final Set<String> TOP_KEYS = Set.of("anchor", "workspaceCalendar", "people", "projects");

	private static final Set<String> CALENDAR_KEYS = Set.of("workingDays", "holidays");

	private static final Set<String> HOLIDAY_KEYS = Set.of("date", "name");

	private static final Set<String> PERSON_KEYS = Set.of("username", "displayName", "email", "title");

	private static final Set<String> PROJECT_KEYS = Set.of("key", "name", "description", "sponsor", "manager",
			"start", "targetFinish", "status", "calendar", "members", "goals", "tasks", "milestones", "deliverables",
			"dependencies");

	private static final Set<String> MEMBER_KEYS = Set.of("username", "role");

	private static final Set<String> GOAL_KEYS = Set.of("outcome", "measure");

	private static final Set<String> TASK_KEYS = Set.of("ref", "name", "description", "durationDays", "effortHours",
			"assignees", "plannedStart", "percentComplete", "actualStart", "actualFinish", "estimate");

	private static final Set<String> ESTIMATE_KEYS = Set.of("optimistic", "mostLikely", "pessimistic");

	private static final Set<String> MILESTONE_KEYS = Set.of("ref", "name", "description", "targetDate", "owner",
			"tags", "criterion", "achieved", "approvalAsked");

	private static final Set<String> APPROVAL_ASKED_KEYS = Set.of("by", "due");

	private static final Set<String> ACHIEVED_KEYS = Set.of("by", "on", "evidence");

	private static final Set<String> DELIVERABLE_KEYS = Set.of("ref", "name", "description", "acceptor",
			"milestone", "accepted");

	private static final Set<String> ACCEPTED_KEYS = Set.of("by", "on");

	private static final Set<String> DEPENDENCY_KEYS = Set.of("from", "to", "type", "lagDays");

	private static JsonNode root;

	private static LocalDate anchor;

	@BeforeAll
	static void readPortfolio() throws IOException {
		try (InputStream in = DemoPortfolioDataTests.class.getResourceAsStream(RESOURCE)) {
			assertThat(in).as("%s on the classpath", RESOURCE).isNotNull();
			root = JsonMapper.builder().build().readTree(in);
		}
		anchor = LocalDate.parse(root.get("anchor").asString());
	}

	// ---------------------------------------------------------------------------------------------
	// shape

	@Test
	void anchorIsTheMondayTheDataWasWrittenFor() {
		assertThat(anchor).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(anchor.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
	}

	@Test
	void onlyTheDocumentedKeysAreUsed() {
		List<String> problems = new ArrayList<>();
		keys(problems, "document", root, TOP_KEYS);
		calendarKeys(problems, "workspace calendar", root.get("workspaceCalendar"));
		for (JsonNode person : list(root, "people")) {
			keys(problems, "person " + person.path("username").asString(), person, PERSON_KEYS);
		}
		for (JsonNode project : projects()) {
			String p = project.path("key").asString();
			keys(problems, p, project, PROJECT_KEYS);
			if (!project.get("calendar").isNull()) {
				calendarKeys(problems, p + " calendar", project.get("calendar"));
			}
			list(project, "members").forEach(m -> keys(problems, p + " member", m, MEMBER_KEYS));
			list(project, "goals").forEach(g -> keys(problems, p + " goal", g, GOAL_KEYS));
			for (JsonNode task : list(project, "tasks")) {
				String where = p + " " + task.path("ref").asString();
				keys(problems, where, task, TASK_KEYS);
				if (task.has("estimate") && !task.get("estimate").isNull()) {
					keys(problems, where + " estimate", task.get("estimate"), ESTIMATE_KEYS);
				}
			}
			for (JsonNode milestone : list(project, "milestones")) {
				String where = p + " " + milestone.path("ref").asString();
				keys(problems, where, milestone, MILESTONE_KEYS);
				JsonNode criterion = milestone.path("criterion");
				Set<String> expected = new HashSet<>(Set.of("kind", "text"));
				switch (criterion.path("kind").asString()) {
					case "APPROVAL_BY_PERSON" -> expected.add("approver");
					case "APPROVAL_BY_ROLE" -> expected.add("role");
					default -> {
					}
				}
				keys(problems, where + " criterion", criterion, expected);
				if (milestone.has("achieved") && !milestone.get("achieved").isNull()) {
					keys(problems, where + " achieved", milestone.get("achieved"), ACHIEVED_KEYS);
				}
			}
			for (JsonNode deliverable : list(project, "deliverables")) {
				String where = p + " " + deliverable.path("ref").asString();
				keys(problems, where, deliverable, DELIVERABLE_KEYS);
				if (deliverable.has("accepted") && !deliverable.get("accepted").isNull()) {
					keys(problems, where + " accepted", deliverable.get("accepted"), ACCEPTED_KEYS);
				}
			}
			list(project, "dependencies").forEach(d -> keys(problems, p + " dependency", d, DEPENDENCY_KEYS));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void workspaceCalendarIsAMondayToFridayWeekWithUkBankHolidaysForEveryYearTheDemoMayBeMovedTo() {
		JsonNode calendar = root.get("workspaceCalendar");
		assertThat(strings(calendar.get("workingDays"))).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY",
				"THURSDAY", "FRIDAY");
		List<LocalDate> holidays = list(calendar, "holidays").stream().map(h -> date(h, "date")).toList();
		assertThat(holidays).doesNotHaveDuplicates().isSorted();
		assertThat(holidays).allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
		assertThat(list(calendar, "holidays")).allSatisfy(h -> assertThat(h.get("name").asString()).isNotBlank());
		// holidays keep their real dates when the plans move to the present, so every year is listed
		for (int year = 2025; year <= 2029; year++) {
			int y = year;
			assertThat(holidays.stream().filter(d -> d.getYear() == y)).as("%s", year).hasSizeGreaterThanOrEqualTo(8);
		}
		assertThat(holidays).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
				LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
				LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 31));
	}

	@Test
	void peopleHaveUniqueLowerCaseUsernamesNamesEmailsAndTitles() {
		List<JsonNode> people = list(root, "people");
		assertThat(people).hasSizeBetween(12, 18);
		List<String> usernames = people.stream().map(p -> p.get("username").asString()).toList();
		assertThat(usernames).doesNotHaveDuplicates()
			.allSatisfy(u -> assertThat(u).matches(USERNAME).hasSizeBetween(2, 64).isNotEqualTo("admin"));
		assertThat(people).allSatisfy(p -> {
			assertThat(p.get("displayName").asString()).isNotBlank();
			assertThat(p.get("email").asString()).isEqualTo(p.get("username").asString() + "@example.com");
			assertThat(p.get("title").asString()).isNotBlank();
		});
	}

	@Test
	void projectKeysAreWellFormedUniqueAndProjectsHaveAKnownStatusAndSensibleDates() {
		List<String> keys = projects().stream().map(p -> p.get("key").asString()).toList();
		assertThat(keys).doesNotHaveDuplicates().allSatisfy(k -> assertThat(k).matches(PROJECT_KEY));
		assertThat(keys).contains("ERP", "CRM", "MFA");
		assertThat(projects()).allSatisfy(p -> {
			assertThat(p.get("name").asString()).isNotBlank();
			assertThat(p.get("description").asString()).isNotBlank();
			assertThat(STATUSES).contains(p.get("status").asString());
			assertThat(date(p, "start")).isBefore(date(p, "targetFinish"));
			assertThat(calendar(p).isWorkingDay(date(p, "start"))).as("%s starts on a working day", key(p)).isTrue();
		});
	}

	@Test
	void everyProjectHasGoalsWithAnOutcomeAndAMeasure() {
		assertThat(projects()).allSatisfy(p -> assertThat(list(p, "goals")).isNotEmpty()
			.allSatisfy(g -> {
				assertThat(g.get("outcome").asString()).isNotBlank();
				assertThat(g.get("measure").asString()).isNotBlank();
			}));
	}

	@Test
	void refsAreUniqueWithinAProjectAndNamedByKind() {
		for (JsonNode project : projects()) {
			List<String> refs = new ArrayList<>();
			list(project, "tasks").forEach(t -> refs.add(t.get("ref").asString()));
			list(project, "milestones").forEach(m -> refs.add(m.get("ref").asString()));
			list(project, "deliverables").forEach(d -> refs.add(d.get("ref").asString()));
			assertThat(refs).as(key(project)).doesNotHaveDuplicates();
			assertThat(list(project, "tasks")).allSatisfy(t -> assertThat(t.get("ref").asString()).matches("T\\d{2,}"));
			assertThat(list(project, "milestones"))
				.allSatisfy(m -> assertThat(m.get("ref").asString()).matches("M\\d{2,}"));
			assertThat(list(project, "deliverables"))
				.allSatisfy(d -> assertThat(d.get("ref").asString()).matches("D\\d{2,}"));
		}
	}

	// ---------------------------------------------------------------------------------------------
	// people and roles

	@Test
	void everyProjectHasEveryRole() {
		for (JsonNode project : projects()) {
			List<String> usernames = list(project, "members").stream().map(m -> m.get("username").asString())
				.toList();
			assertThat(usernames).as("%s members", key(project)).doesNotHaveDuplicates();
			assertThat(members(project).values()).as("%s roles", key(project)).allMatch(ROLES::contains)
				.containsAll(ROLES);
		}
	}

	@Test
	void theManagerAndTheSponsorAreListedMembers() {
		for (JsonNode project : projects()) {
			Map<String, String> members = members(project);
			assertThat(members.get(project.get("manager").asString())).as("%s manager's role", key(project))
				.isEqualTo("MANAGER");
			assertThat(members).as("%s members", key(project)).containsKey(project.get("sponsor").asString());
		}
	}

	@Test
	void everyReferencedUsernameIsAPersonAndAMemberOfThatProject() {
		Set<String> people = list(root, "people").stream().map(p -> p.get("username").asString())
			.collect(Collectors.toSet());
		List<String> problems = new ArrayList<>();
		for (JsonNode project : projects()) {
			Map<String, String> members = members(project);
			Map<String, String> referenced = new LinkedHashMap<>();
			referenced.put("sponsor", project.get("sponsor").asString());
			referenced.put("manager", project.get("manager").asString());
			members.keySet().forEach(u -> referenced.put("member " + u, u));
			for (JsonNode task : list(project, "tasks")) {
				strings(task.get("assignees")).forEach(u -> referenced.put(ref(task) + " assignee " + u, u));
			}
			for (JsonNode milestone : list(project, "milestones")) {
				referenced.put(ref(milestone) + " owner", milestone.get("owner").asString());
				JsonNode criterion = milestone.get("criterion");
				if (criterion.has("approver")) {
					referenced.put(ref(milestone) + " approver", criterion.get("approver").asString());
				}
				if (achieved(milestone)) {
					referenced.put(ref(milestone) + " achieved by", milestone.get("achieved").get("by").asString());
				}
			}
			for (JsonNode deliverable : list(project, "deliverables")) {
				referenced.put(ref(deliverable) + " acceptor", deliverable.get("acceptor").asString());
				if (!deliverable.get("accepted").isNull()) {
					referenced.put(ref(deliverable) + " accepted by",
							deliverable.get("accepted").get("by").asString());
				}
			}
			referenced.forEach((what, username) -> {
				if (!people.contains(username)) {
					problems.add(key(project) + " " + what + ": '" + username + "' is not a person");
				}
				else if (!members.containsKey(username)) {
					problems.add(key(project) + " " + what + ": '" + username + "' is not a member");
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void tasksHaveAtLeastOneAssigneeWhoDoesTheWork() {
		for (JsonNode project : projects()) {
			Map<String, String> members = members(project);
			assertThat(list(project, "tasks")).allSatisfy(t -> assertThat(strings(t.get("assignees")))
				.as("%s %s assignees", key(project), ref(t))
				.isNotEmpty()
				.doesNotHaveDuplicates()
				.allSatisfy(u -> assertThat(members.get(u)).isIn("MANAGER", "MEMBER")));
		}
	}

	// ---------------------------------------------------------------------------------------------
	// milestones

	@Test
	void everyMilestoneHasAnOwnerWhoIsAProjectMember() {
		for (JsonNode project : projects()) {
			Map<String, String> members = members(project);
			assertThat(list(project, "milestones")).allSatisfy(m -> {
				assertThat(m.get("owner").isString()).as("%s %s owner", key(project), ref(m)).isTrue();
				assertThat(members).as("%s %s owner", key(project), ref(m)).containsKey(m.get("owner").asString());
			});
		}
	}

	@Test
	void milestonesHaveNoDurationEffortOrAssignees() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "milestones")).allSatisfy(m -> assertThat(m.propertyNames())
				.as("%s %s", key(project), ref(m))
				.doesNotContain("durationDays", "effortHours", "assignees", "percentComplete", "estimate",
						"plannedStart", "actualStart", "actualFinish", "duration", "effort"));
		}
	}

	@Test
	void milestonesHaveATargetDateANameADescriptionAndLowerCaseTags() {
		for (JsonNode project : projects()) {
			Calendar calendar = calendar(project);
			assertThat(list(project, "milestones")).allSatisfy(m -> {
				assertThat(m.get("name").asString()).isNotBlank();
				assertThat(m.get("description").asString()).isNotBlank();
				assertThat(calendar.isWorkingDay(date(m, "targetDate")))
					.as("%s %s target is a working day", key(project), ref(m)).isTrue();
				assertThat(date(m, "targetDate")).isBetween(date(project, "start"), date(project, "targetFinish"));
				assertThat(strings(m.get("tags"))).isNotEmpty().allSatisfy(t -> assertThat(t).matches(TAG));
			});
		}
	}

	@Test
	void completionCriteriaAreBinaryAndWellFormed() {
		for (JsonNode project : projects()) {
			Map<String, String> members = members(project);
			assertThat(list(project, "milestones")).allSatisfy(m -> {
				JsonNode criterion = m.get("criterion");
				String kind = criterion.get("kind").asString();
				assertThat(CRITERION_KINDS).as("%s %s criterion kind", key(project), ref(m)).contains(kind);
				assertThat(criterion.get("text").asString()).isNotBlank();
				if (kind.equals("APPROVAL_BY_PERSON")) {
					assertThat(members).containsKey(criterion.get("approver").asString());
				}
				if (kind.equals("APPROVAL_BY_ROLE")) {
					assertThat(criterion.get("role").asString()).isIn("APPROVER", "MANAGER");
				}
				if (kind.equals("DELIVERABLE_ACCEPTED")) {
					assertThat(deliverablesOf(project, ref(m)))
						.as("%s %s is confirmed by accepting a deliverable", key(project), ref(m)).isNotEmpty();
				}
			});
		}
	}

	@Test
	void approvalsStillPendingWereAskedByTheManagerForOpenApprovalMilestonesDueAfterTheAnchor() {
		List<String> problems = new ArrayList<>();
		int asked = 0;
		for (JsonNode project : projects()) {
			for (JsonNode milestone : list(project, "milestones")) {
				JsonNode approval = milestone.get("approvalAsked");
				if (approval == null || approval.isNull()) {
					continue;
				}
				asked++;
				String where = key(project) + " " + ref(milestone);
				keys(problems, where + " approvalAsked", approval, APPROVAL_ASKED_KEYS);
				String kind = milestone.get("criterion").get("kind").asString();
				if (!kind.startsWith("APPROVAL_BY_") || achieved(milestone)) {
					problems.add(where + " is not an open approval milestone");
				}
				if (!approval.get("by").asString().equals(project.get("manager").asString())) {
					problems.add(where + " was not asked by the manager");
				}
				if (date(approval, "due").isBefore(anchor)) {
					problems.add(where + " is overdue already at the anchor");
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(asked).as("approvals waiting for the demo approvers").isGreaterThanOrEqualTo(2);
	}

	@Test
	void everyAchievementRecordsWhoWhenAndEvidence() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "milestones")).filteredOn(DemoPortfolioDataTests::achieved).allSatisfy(m -> {
				JsonNode achieved = m.get("achieved");
				assertThat(achieved.get("by").asString()).isNotBlank();
				assertThat(date(achieved, "on")).isAfterOrEqualTo(date(project, "start"));
				assertThat(achieved.get("evidence").asString()).as("%s %s evidence", key(project), ref(m))
					.isNotBlank();
			});
		}
	}

	@Test
	void achievedApprovalByPersonMilestonesWereAchievedByTheApprover() {
		for (JsonNode project : projects()) {
			assertThat(milestonesOfKind(project, "APPROVAL_BY_PERSON")).filteredOn(DemoPortfolioDataTests::achieved)
				.allSatisfy(m -> assertThat(m.get("achieved").get("by").asString()).as("%s %s", key(project), ref(m))
					.isEqualTo(m.get("criterion").get("approver").asString()));
		}
	}

	@Test
	void achievedApprovalByRoleMilestonesWereAchievedBySomeoneHoldingThatRole() {
		for (JsonNode project : projects()) {
			Map<String, String> members = members(project);
			assertThat(milestonesOfKind(project, "APPROVAL_BY_ROLE")).filteredOn(DemoPortfolioDataTests::achieved)
				.allSatisfy(m -> assertThat(members.get(m.get("achieved").get("by").asString()))
					.as("%s %s", key(project), ref(m))
					.isEqualTo(m.get("criterion").get("role").asString()));
		}
	}

	@Test
	void achievedDeliverableAcceptedMilestonesHaveAllTheirDeliverablesAcceptedInTime() {
		for (JsonNode project : projects()) {
			for (JsonNode m : milestonesOfKind(project, "DELIVERABLE_ACCEPTED")) {
				if (!achieved(m)) {
					continue;
				}
				LocalDate on = date(m.get("achieved"), "on");
				assertThat(deliverablesOf(project, ref(m))).as("%s %s deliverables", key(project), ref(m))
					.isNotEmpty()
					.allSatisfy(d -> {
						assertThat(d.get("accepted").isNull()).as("%s accepted", ref(d)).isFalse();
						assertThat(date(d.get("accepted"), "on")).isBeforeOrEqualTo(on);
					});
			}
		}
	}

	@Test
	void achievedAllFeedingTasksDoneMilestonesHaveEveryFeedingTaskFinished() {
		for (JsonNode project : projects()) {
			Map<String, JsonNode> tasks = byRef(list(project, "tasks"));
			for (JsonNode m : milestonesOfKind(project, "ALL_FEEDING_TASKS_DONE")) {
				if (!achieved(m)) {
					continue;
				}
				LocalDate on = date(m.get("achieved"), "on");
				List<JsonNode> feeding = feedingTasks(project, ref(m)).stream().map(tasks::get).toList();
				assertThat(feeding).as("%s %s feeding tasks", key(project), ref(m)).isNotEmpty().allSatisfy(t -> {
					assertThat(t.get("percentComplete").asInt()).isEqualTo(100);
					assertThat(date(t, "actualFinish")).as("%s finished", ref(t)).isNotNull().isBeforeOrEqualTo(on);
				});
			}
		}
	}

	@Test
	void ownerConfirmedMilestonesWereConfirmedByTheOwnerWithEvidence() {
		for (JsonNode project : projects()) {
			assertThat(milestonesOfKind(project, "OWNER_CONFIRMATION")).filteredOn(DemoPortfolioDataTests::achieved)
				.allSatisfy(m -> {
					assertThat(m.get("achieved").get("by").asString()).isEqualTo(m.get("owner").asString());
					assertThat(m.get("achieved").get("evidence").asString()).isNotBlank();
				});
		}
	}

	@Test
	void everyMilestoneIsFedByAtLeastOneTask() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "milestones")).allSatisfy(m -> assertThat(feedingTasks(project, ref(m)))
				.as("%s %s is fed by a task", key(project), ref(m)).isNotEmpty());
		}
	}

	@Test
	void milestonesAreNotAchievedBeforeTheirFeedingWorkFinished() {
		for (JsonNode project : projects()) {
			Map<String, JsonNode> tasks = byRef(list(project, "tasks"));
			for (JsonNode m : list(project, "milestones")) {
				if (!achieved(m)) {
					continue;
				}
				LocalDate on = date(m.get("achieved"), "on");
				for (JsonNode dependency : list(project, "dependencies")) {
					JsonNode task = tasks.get(dependency.get("from").asString());
					if (task != null && dependency.get("to").asString().equals(ref(m))
							&& dependency.get("type").asString().equals("FS")) {
						assertThat(date(task, "actualFinish")).as("%s %s feeds achieved %s", key(project), ref(task),
								ref(m))
							.isNotNull()
							.isBeforeOrEqualTo(on);
					}
				}
			}
		}
	}

	// ---------------------------------------------------------------------------------------------
	// deliverables

	@Test
	void deliverablesAreAcceptedOnlyByTheirAcceptorAndPointAtExistingMilestones() {
		for (JsonNode project : projects()) {
			Set<String> milestones = byRef(list(project, "milestones")).keySet();
			assertThat(list(project, "deliverables")).allSatisfy(d -> {
				assertThat(d.get("name").asString()).isNotBlank();
				assertThat(d.get("description").asString()).isNotBlank();
				if (!d.get("milestone").isNull()) {
					assertThat(milestones).contains(d.get("milestone").asString());
				}
				if (!d.get("accepted").isNull()) {
					assertThat(d.get("accepted").get("by").asString()).as("%s %s", key(project), ref(d))
						.isEqualTo(d.get("acceptor").asString());
				}
			});
		}
	}

	// ---------------------------------------------------------------------------------------------
	// tasks

	@Test
	void durationsAreWholeWorkingDaysOfAtLeastOneAndEffortIsNotNegative() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "tasks")).allSatisfy(t -> {
				assertThat(t.get("name").asString()).isNotBlank();
				assertThat(t.get("description").asString()).isNotBlank();
				assertThat(t.get("durationDays").isIntegralNumber()).as("%s %s duration", key(project), ref(t))
					.isTrue();
				assertThat(t.get("durationDays").asInt()).isGreaterThanOrEqualTo(1);
				assertThat(t.get("effortHours").isNumber()).isTrue();
				assertThat(t.get("effortHours").asDouble()).isGreaterThanOrEqualTo(0);
				assertThat(t.get("percentComplete").isIntegralNumber()).isTrue();
				assertThat(t.get("percentComplete").asInt()).isBetween(0, 100);
			});
		}
	}

	@Test
	void estimatesAreOrderedFromOptimisticToPessimistic() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "tasks")).filteredOn(t -> !t.get("estimate").isNull()).allSatisfy(t -> {
				JsonNode e = t.get("estimate");
				assertThat(e.get("optimistic").asDouble()).as("%s %s", key(project), ref(t)).isPositive()
					.isLessThanOrEqualTo(e.get("mostLikely").asDouble());
				assertThat(e.get("mostLikely").asDouble()).isLessThanOrEqualTo(e.get("pessimistic").asDouble());
			});
		}
	}

	@Test
	void finishedTasksHaveConsistentActuals() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "tasks")).filteredOn(t -> !t.get("actualFinish").isNull()).allSatisfy(t -> {
				assertThat(date(t, "actualStart")).as("%s %s actual start", key(project), ref(t)).isNotNull()
					.isBeforeOrEqualTo(date(t, "actualFinish"));
				assertThat(t.get("percentComplete").asInt()).isEqualTo(100);
			});
		}
	}

	@Test
	void tasksInProgressAreBetweenOneAndNinetyNinePercent() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "tasks"))
				.filteredOn(t -> !t.get("actualStart").isNull() && t.get("actualFinish").isNull())
				.allSatisfy(t -> assertThat(t.get("percentComplete").asInt()).as("%s %s", key(project), ref(t))
					.isBetween(1, 99));
		}
	}

	@Test
	void tasksNotStartedHaveNoProgress() {
		for (JsonNode project : projects()) {
			assertThat(list(project, "tasks")).filteredOn(t -> t.get("actualStart").isNull()).allSatisfy(t -> {
				assertThat(t.get("actualFinish").isNull()).isTrue();
				assertThat(t.get("percentComplete").asInt()).as("%s %s", key(project), ref(t)).isZero();
			});
		}
	}

	@Test
	void actualDatesAreNotAfterTheAnchor() {
		List<String> problems = new ArrayList<>();
		for (JsonNode project : projects()) {
			for (JsonNode t : list(project, "tasks")) {
				for (String field : List.of("actualStart", "actualFinish")) {
					LocalDate d = date(t, field);
					if (d != null && d.isAfter(anchor)) {
						problems.add(key(project) + " " + ref(t) + " " + field + " " + d);
					}
				}
			}
			for (JsonNode m : list(project, "milestones")) {
				if (achieved(m) && date(m.get("achieved"), "on").isAfter(anchor)) {
					problems.add(key(project) + " " + ref(m) + " achieved " + date(m.get("achieved"), "on"));
				}
			}
			for (JsonNode d : list(project, "deliverables")) {
				if (!d.get("accepted").isNull() && date(d.get("accepted"), "on").isAfter(anchor)) {
					problems.add(key(project) + " " + ref(d) + " accepted " + date(d.get("accepted"), "on"));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void plannedAndActualDatesFallOnWorkingDaysOfTheProjectCalendar() {
		List<String> problems = new ArrayList<>();
		for (JsonNode project : projects()) {
			Calendar calendar = calendar(project);
			for (JsonNode t : list(project, "tasks")) {
				for (String field : List.of("plannedStart", "actualStart", "actualFinish")) {
					LocalDate d = date(t, field);
					if (d != null && !calendar.isWorkingDay(d)) {
						problems.add(key(project) + " " + ref(t) + " " + field + " " + d + " is not a working day");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void tasksArePlannedWithinTheirProject() {
		for (JsonNode project : projects()) {
			Calendar calendar = calendar(project);
			assertThat(list(project, "tasks")).allSatisfy(t -> {
				assertThat(date(t, "plannedStart")).as("%s %s start", key(project), ref(t))
					.isAfterOrEqualTo(date(project, "start"));
				assertThat(calendar.plannedFinish(t)).as("%s %s finish", key(project), ref(t))
					.isBeforeOrEqualTo(date(project, "targetFinish"));
			});
		}
	}

	// ---------------------------------------------------------------------------------------------
	// dependencies

	@Test
	void dependenciesLinkTasksAndMilestonesOfTheSameProject() {
		for (JsonNode project : projects()) {
			Set<String> refs = new HashSet<>(byRef(list(project, "tasks")).keySet());
			refs.addAll(byRef(list(project, "milestones")).keySet());
			assertThat(list(project, "dependencies")).allSatisfy(d -> {
				String what = key(project) + " " + d.get("from").asString() + "->" + d.get("to").asString();
				assertThat(refs).as(what).contains(d.get("from").asString(), d.get("to").asString());
				assertThat(d.get("from").asString()).as(what).isNotEqualTo(d.get("to").asString());
				assertThat(DEPENDENCY_TYPES).as(what).contains(d.get("type").asString());
				assertThat(d.get("lagDays").isIntegralNumber()).as(what + " lag").isTrue();
			});
		}
	}

	@Test
	void noDuplicateDependencies() {
		for (JsonNode project : projects()) {
			List<String> pairs = list(project, "dependencies").stream()
				.map(d -> d.get("from").asString() + "->" + d.get("to").asString()).toList();
			assertThat(pairs).as(key(project)).doesNotHaveDuplicates();
		}
	}

	@Test
	void dependencyGraphsHaveNoCycles() {
		for (JsonNode project : projects()) {
			Map<String, List<String>> successors = new HashMap<>();
			for (JsonNode d : list(project, "dependencies")) {
				successors.computeIfAbsent(d.get("from").asString(), k -> new ArrayList<>()).add(d.get("to").asString());
			}
			Map<String, Integer> state = new HashMap<>();
			for (String node : successors.keySet()) {
				List<String> cycle = findCycle(node, successors, state, new ArrayList<>());
				assertThat(cycle).as("%s cycle", key(project)).isNull();
			}
		}
	}

	@Test
	void plannedDatesRespectEveryDependency() {
		List<String> problems = new ArrayList<>();
		for (JsonNode project : projects()) {
			Calendar calendar = calendar(project);
			Map<String, JsonNode> tasks = byRef(list(project, "tasks"));
			Map<String, JsonNode> milestones = byRef(list(project, "milestones"));
			for (JsonNode d : list(project, "dependencies")) {
				int[] from = calendar.span(tasks, milestones, d.get("from").asString());
				int[] to = calendar.span(tasks, milestones, d.get("to").asString());
				int lag = d.get("lagDays").asInt();
				boolean holds = switch (d.get("type").asString()) {
					case "FS" -> to[0] >= from[1] + lag;
					case "SS" -> to[0] >= from[0] + lag;
					case "FF" -> to[1] >= from[1] + lag;
					case "SF" -> to[1] >= from[0] + lag;
					default -> false;
				};
				if (!holds) {
					problems.add(key(project) + " " + d.get("from").asString() + " -" + d.get("type").asString()
							+ "(" + lag + ")-> " + d.get("to").asString() + " is violated by the planned dates");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------
	// ERP: the twelve-month migration

	@Test
	void erpIsATwelveMonthMigrationWithAboutSixtyTasksAndTenMilestones() {
		JsonNode erp = project("ERP");
		assertThat(erp.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(ChronoUnit.MONTHS.between(date(erp, "start"), date(erp, "targetFinish").plusDays(7))).isEqualTo(12);
		assertThat(list(erp, "tasks")).hasSizeBetween(55, 65);
		assertThat(list(erp, "milestones")).hasSize(10);
		List<String> tags = list(erp, "milestones").stream().flatMap(m -> strings(m.get("tags")).stream()).toList();
		assertThat(tags).contains("development", "go-live");
	}

	@Test
	void erpMilestonesAreFourToSixWeeksApart() {
		JsonNode erp = project("ERP");
		List<LocalDate> targets = list(erp, "milestones").stream().map(m -> date(m, "targetDate")).sorted().toList();
		assertThat(ChronoUnit.DAYS.between(date(erp, "start"), targets.get(0))).isBetween(21L, 42L);
		for (int i = 1; i < targets.size(); i++) {
			assertThat(ChronoUnit.DAYS.between(targets.get(i - 1), targets.get(i)))
				.as("days between %s and %s", targets.get(i - 1), targets.get(i)).isBetween(28L, 42L);
		}
		assertThat(targets.get(targets.size() - 1)).isEqualTo(date(erp, "targetFinish"));
	}

	@Test
	void erpSecurityAuditIsApprovedByTheCiso() {
		JsonNode erp = project("ERP");
		Map<String, String> titles = list(root, "people").stream()
			.collect(Collectors.toMap(p -> p.get("username").asString(), p -> p.get("title").asString()));
		assertThat(milestonesOfKind(erp, "APPROVAL_BY_PERSON"))
			.anySatisfy(m -> {
				assertThat(m.get("name").asString()).containsIgnoringCase("security audit");
				assertThat(titles.get(m.get("criterion").get("approver").asString())).contains("CISO");
				assertThat(deliverablesOf(erp, ref(m))).isNotEmpty();
			});
	}

	@Test
	void erpUatIsApprovedByTheBusinessSponsor() {
		JsonNode erp = project("ERP");
		assertThat(milestonesOfKind(erp, "APPROVAL_BY_PERSON")).anySatisfy(m -> {
			assertThat(m.get("name").asString()).contains("UAT");
			assertThat(m.get("criterion").get("approver").asString()).isEqualTo(erp.get("sponsor").asString());
		});
	}

	@Test
	void erpUsesEveryKindOfCompletionCriterion() {
		Set<String> kinds = list(project("ERP"), "milestones").stream()
			.map(m -> m.get("criterion").get("kind").asString()).collect(Collectors.toSet());
		assertThat(kinds).containsAll(CRITERION_KINDS);
	}

	@Test
	void erpHasThreePointEstimatesOnMostTasksAndAMixOfDependencyTypes() {
		JsonNode erp = project("ERP");
		List<JsonNode> tasks = list(erp, "tasks");
		long estimated = tasks.stream().filter(t -> !t.get("estimate").isNull()).count();
		assertThat(estimated).isGreaterThanOrEqualTo(tasks.size() * 8L / 10);
		Map<String, Long> types = list(erp, "dependencies").stream()
			.collect(Collectors.groupingBy(d -> d.get("type").asString(), Collectors.counting()));
		assertThat(types.get("FS")).isGreaterThan(types.values().stream().mapToLong(Long::longValue).sum() / 2);
		assertThat(types).containsKeys("SS", "FF");
		assertThat(list(erp, "dependencies")).anySatisfy(d -> assertThat(d.get("lagDays").asInt()).isNegative())
			.anySatisfy(d -> assertThat(d.get("lagDays").asInt()).isPositive());
	}

	@Test
	void erpWorkBeforeTheAnchorIsMostlyDoneAndSomeOfItFinishedLate() {
		JsonNode erp = project("ERP");
		Calendar calendar = calendar(erp);
		List<JsonNode> due = list(erp, "tasks").stream().filter(t -> calendar.plannedFinish(t).isBefore(anchor))
			.toList();
		long done = due.stream().filter(t -> !t.get("actualFinish").isNull()).count();
		assertThat(done).isGreaterThanOrEqualTo(due.size() * 9L / 10);
		assertThat(due).filteredOn(t -> !t.get("actualFinish").isNull())
			.anySatisfy(t -> assertThat(date(t, "actualFinish")).isAfter(calendar.plannedFinish(t)));
		assertThat(list(erp, "tasks")).anySatisfy(t -> {
			assertThat(t.get("actualStart").isNull()).isFalse();
			assertThat(t.get("actualFinish").isNull()).isTrue();
		});
	}

	@Test
	void erpDeliverablesConfirmMilestones() {
		JsonNode erp = project("ERP");
		assertThat(list(erp, "deliverables")).filteredOn(d -> !d.get("milestone").isNull()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(list(erp, "deliverables")).filteredOn(d -> !d.get("accepted").isNull()).isNotEmpty();
	}

	@Test
	void milestonesDueBeforeTheAnchorAreAchievedInErpAndMfa() {
		for (String key : List.of("ERP", "MFA")) {
			assertThat(list(project(key), "milestones")).filteredOn(m -> date(m, "targetDate").isBefore(anchor))
				.isNotEmpty()
				.allSatisfy(m -> assertThat(achieved(m)).as("%s %s achieved", key, ref(m)).isTrue());
			assertThat(list(project(key), "milestones")).filteredOn(m -> !date(m, "targetDate").isBefore(anchor))
				.allSatisfy(m -> assertThat(achieved(m)).as("%s %s is still ahead", key, ref(m)).isFalse());
		}
	}

	// ---------------------------------------------------------------------------------------------
	// CRM: already behind

	@Test
	void crmIsAboutSixMonthsWithTwentyToTwentyFiveTasksAndFiveOrSixMilestones() {
		JsonNode crm = project("CRM");
		assertThat(crm.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(date(crm, "start")).isEqualTo(LocalDate.of(2026, 8, 3));
		assertThat(ChronoUnit.MONTHS.between(date(crm, "start"), date(crm, "targetFinish").plusDays(7)))
			.isBetween(5L, 7L);
		assertThat(list(crm, "tasks")).hasSizeBetween(20, 25);
		assertThat(list(crm, "milestones")).hasSizeBetween(5, 6);
	}

	@Test
	void crmIsAlreadyBehindAtTheAnchor() {
		JsonNode crm = project("CRM");
		Calendar calendar = calendar(crm);
		List<JsonNode> overdue = list(crm, "tasks").stream()
			.filter(t -> calendar.plannedFinish(t).isBefore(anchor) && t.get("actualFinish").isNull()).toList();
		assertThat(overdue).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(t -> {
				assertThat(t.get("actualStart").isNull()).as("%s started", ref(t)).isFalse();
				assertThat(t.get("percentComplete").asInt()).as("%s progress", ref(t)).isBetween(40, 70);
			});
	}

	@Test
	void crmHasMissedAMilestone() {
		assertThat(list(project("CRM"), "milestones"))
			.filteredOn(m -> date(m, "targetDate").isBefore(anchor) && !achieved(m)).isNotEmpty();
	}

	@Test
	void crmHasAMilestoneInOneToThreeWeeksThatItsFeedingWorkCannotMeet() {
		JsonNode crm = project("CRM");
		Calendar calendar = calendar(crm);
		Map<String, Integer> forecast = forecast(crm);
		assertThat(list(crm, "milestones")).filteredOn(m -> {
			long days = ChronoUnit.DAYS.between(anchor, date(m, "targetDate"));
			return days >= 7 && days <= 21 && !achieved(m);
		}).anySatisfy(m -> assertThat(forecast.get(ref(m))).as("%s forecast position", ref(m))
			.isGreaterThan(calendar.position(date(m, "targetDate")) + 1));
	}

	@Test
	void crmAchievedItsEarlyMilestonesLate() {
		assertThat(list(project("CRM"), "milestones")).filteredOn(DemoPortfolioDataTests::achieved)
			.isNotEmpty()
			.anySatisfy(m -> assertThat(date(m.get("achieved"), "on")).isAfter(date(m, "targetDate")));
	}

	// ---------------------------------------------------------------------------------------------
	// MFA: a small rollout on its own calendar

	@Test
	void mfaIsASmallEightWeekRolloutWithThreeMilestones() {
		JsonNode mfa = project("MFA");
		assertThat(date(mfa, "start")).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(list(mfa, "tasks")).hasSizeBetween(8, 12);
		assertThat(list(mfa, "milestones")).hasSize(3);
		Calendar calendar = calendar(mfa);
		assertThat(calendar.workingDaysBetween(date(mfa, "start"), date(mfa, "targetFinish"))).isBetween(38, 48);
	}

	@Test
	void mfaRunsOnItsOwnCalendarWithACompanyShutdown() {
		JsonNode mfa = project("MFA");
		JsonNode calendar = mfa.get("calendar");
		assertThat(calendar.isNull()).isFalse();
		assertThat(calendar.get("workingDays").isNull()).as("inherits the working week").isTrue();
		Set<LocalDate> workspace = list(root.get("workspaceCalendar"), "holidays").stream().map(h -> date(h, "date"))
			.collect(Collectors.toSet());
		List<LocalDate> shutdown = list(calendar, "holidays").stream().map(h -> date(h, "date")).toList();
		// one shutdown a year over Christmas, for whichever year the moved rollout spans
		assertThat(shutdown).contains(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31))
			.doesNotHaveDuplicates()
			.allSatisfy(d -> assertThat(workspace).doesNotContain(d))
			.allSatisfy(d -> assertThat(d.getMonthValue()).isEqualTo(12))
			.allSatisfy(d -> assertThat(d.getDayOfMonth()).isGreaterThanOrEqualTo(24));
		assertThat(shutdown).filteredOn(d -> !d.isBefore(date(mfa, "start")) && !d.isAfter(date(mfa, "targetFinish")))
			.isNotEmpty();
		assertThat(calendar(mfa).isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
		assertThat(calendar(project("ERP")).isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
	}

	@Test
	void mfaIsOnTrack() {
		JsonNode mfa = project("MFA");
		Calendar calendar = calendar(mfa);
		assertThat(list(mfa, "tasks"))
			.filteredOn(t -> calendar.plannedFinish(t).isBefore(anchor) && t.get("actualFinish").isNull())
			.isEmpty();
		assertRemainingMilestonesAreForecastOnTrack(mfa);
	}

	@Test
	void erpIsForecastToMeetItsRemainingMilestones() {
		assertRemainingMilestonesAreForecastOnTrack(project("ERP"));
	}

	private static void assertRemainingMilestonesAreForecastOnTrack(JsonNode project) {
		Calendar calendar = calendar(project);
		Map<String, Integer> forecast = forecast(project);
		assertThat(list(project, "milestones")).filteredOn(m -> !achieved(m))
			.isNotEmpty()
			.allSatisfy(m -> assertThat(forecast.get(ref(m))).as("%s %s forecast position", key(project), ref(m))
				.isLessThanOrEqualTo(calendar.position(date(m, "targetDate")) + 1));
	}

	// ---------------------------------------------------------------------------------------------
	// helpers

	private static List<JsonNode> projects() {
		return list(root, "projects");
	}

	private static JsonNode project(String key) {
		return projects().stream().filter(p -> key(p).equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError("no project " + key));
	}

	private static String key(JsonNode project) {
		return project.get("key").asString();
	}

	private static String ref(JsonNode node) {
		return node.get("ref").asString();
	}

	private static List<JsonNode> list(JsonNode parent, String field) {
		JsonNode array = parent.get(field);
		assertThat(array).as("'%s' present", field).isNotNull();
		assertThat(array.isArray()).as("'%s' is an array", field).isTrue();
		List<JsonNode> out = new ArrayList<>();
		array.forEach(out::add);
		return out;
	}

	private static List<String> strings(JsonNode array) {
		assertThat(array.isArray()).isTrue();
		List<String> out = new ArrayList<>();
		array.forEach(n -> {
			assertThat(n.isString()).as("%s is a string", n).isTrue();
			out.add(n.asString());
		});
		return out;
	}

	private static LocalDate date(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : LocalDate.parse(value.asString());
	}

	private static Map<String, JsonNode> byRef(List<JsonNode> nodes) {
		Map<String, JsonNode> out = new LinkedHashMap<>();
		nodes.forEach(n -> out.put(ref(n), n));
		return out;
	}

	private static Map<String, String> members(JsonNode project) {
		Map<String, String> out = new LinkedHashMap<>();
		list(project, "members").forEach(m -> out.put(m.get("username").asString(), m.get("role").asString()));
		return out;
	}

	private static boolean achieved(JsonNode milestone) {
		return milestone.has("achieved") && !milestone.get("achieved").isNull();
	}

	private static List<JsonNode> milestonesOfKind(JsonNode project, String kind) {
		return list(project, "milestones").stream()
			.filter(m -> m.get("criterion").get("kind").asString().equals(kind)).toList();
	}

	private static List<JsonNode> deliverablesOf(JsonNode project, String milestoneRef) {
		return list(project, "deliverables").stream()
			.filter(d -> !d.get("milestone").isNull() && d.get("milestone").asString().equals(milestoneRef)).toList();
	}

	/** Refs of the tasks that link directly into a milestone. */
	private static List<String> feedingTasks(JsonNode project, String milestoneRef) {
		Set<String> tasks = byRef(list(project, "tasks")).keySet();
		return list(project, "dependencies").stream().filter(d -> d.get("to").asString().equals(milestoneRef))
			.map(d -> d.get("from").asString()).filter(tasks::contains).toList();
	}

	private static void keys(List<String> problems, String where, JsonNode node, Set<String> expected) {
		if (node == null || !node.isObject()) {
			problems.add(where + " is not an object");
			return;
		}
		Set<String> actual = new LinkedHashSet<>(node.propertyNames());
		Set<String> missing = new LinkedHashSet<>(expected);
		missing.removeAll(actual);
		actual.removeAll(expected);
		if (!missing.isEmpty()) {
			problems.add(where + " misses " + missing);
		}
		if (!actual.isEmpty()) {
			problems.add(where + " has unknown keys " + actual);
		}
	}

	private static void calendarKeys(List<String> problems, String where, JsonNode calendar) {
		keys(problems, where, calendar, CALENDAR_KEYS);
		if (calendar != null && calendar.has("holidays")) {
			calendar.get("holidays").forEach(h -> keys(problems, where + " holiday", h, HOLIDAY_KEYS));
		}
	}

	private static List<String> findCycle(String node, Map<String, List<String>> successors,
			Map<String, Integer> state, List<String> path) {
		Integer seen = state.get(node);
		if (seen != null && seen == 2) {
			return null;
		}
		path.add(node);
		if (seen != null && seen == 1) {
			return path;
		}
		state.put(node, 1);
		for (String next : successors.getOrDefault(node, List.of())) {
			List<String> cycle = findCycle(next, successors, state, path);
			if (cycle != null) {
				return cycle;
			}
		}
		state.put(node, 2);
		path.remove(path.size() - 1);
		return null;
	}

	/**
	 * A simple progress-aware forecast from the anchor: finished work and achieved milestones stay where
	 * they are, work in progress needs its remaining share of the duration from the anchor, work not
	 * started begins at the anchor or when its predecessors allow. Returns the finish position of every
	 * task and the position of every milestone (see {@link Calendar}).
	 */
	private static Map<String, Integer> forecast(JsonNode project) {
		Calendar calendar = calendar(project);
		int now = calendar.position(anchor);
		Map<String, JsonNode> tasks = byRef(list(project, "tasks"));
		Map<String, JsonNode> milestones = byRef(list(project, "milestones"));
		Map<String, List<JsonNode>> incoming = new HashMap<>();
		Map<String, Integer> unresolved = new HashMap<>();
		Map<String, List<String>> successors = new HashMap<>();
		for (String ref : tasks.keySet()) {
			unresolved.put(ref, 0);
		}
		for (String ref : milestones.keySet()) {
			unresolved.put(ref, 0);
		}
		for (JsonNode d : list(project, "dependencies")) {
			String from = d.get("from").asString();
			String to = d.get("to").asString();
			incoming.computeIfAbsent(to, k -> new ArrayList<>()).add(d);
			successors.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
			unresolved.merge(to, 1, Integer::sum);
		}
		List<String> ready = new ArrayList<>(unresolved.entrySet().stream().filter(e -> e.getValue() == 0)
			.map(Map.Entry::getKey).sorted().toList());
		Map<String, Integer> starts = new HashMap<>();
		Map<String, Integer> finishes = new HashMap<>();
		while (!ready.isEmpty()) {
			String ref = ready.remove(0);
			int earliestStart = now;
			int earliestFinish = now;
			for (JsonNode d : incoming.getOrDefault(ref, List.of())) {
				String from = d.get("from").asString();
				int lag = d.get("lagDays").asInt();
				switch (d.get("type").asString()) {
					case "FS" -> earliestStart = Math.max(earliestStart, finishes.get(from) + lag);
					case "SS" -> earliestStart = Math.max(earliestStart, starts.get(from) + lag);
					case "FF" -> earliestFinish = Math.max(earliestFinish, finishes.get(from) + lag);
					case "SF" -> earliestFinish = Math.max(earliestFinish, starts.get(from) + lag);
					default -> throw new AssertionError(d);
				}
			}
			JsonNode task = tasks.get(ref);
			if (task == null) {
				JsonNode milestone = milestones.get(ref);
				int at = achieved(milestone) ? calendar.position(date(milestone.get("achieved"), "on")) + 1
						: Math.max(earliestStart, earliestFinish);
				starts.put(ref, at);
				finishes.put(ref, at);
			}
			else if (!task.get("actualFinish").isNull()) {
				starts.put(ref, calendar.position(date(task, "actualStart")));
				finishes.put(ref, calendar.position(date(task, "actualFinish")) + 1);
			}
			else if (!task.get("actualStart").isNull()) {
				int duration = task.get("durationDays").asInt();
				int remaining = (int) Math.ceil(duration * (100 - task.get("percentComplete").asInt()) / 100.0);
				starts.put(ref, calendar.position(date(task, "actualStart")));
				finishes.put(ref, Math.max(now + Math.max(1, remaining), earliestFinish));
			}
			else {
				int duration = task.get("durationDays").asInt();
				int start = Math.max(earliestStart, earliestFinish - duration);
				starts.put(ref, start);
				finishes.put(ref, start + duration);
			}
			for (String next : successors.getOrDefault(ref, List.of())) {
				if (unresolved.merge(next, -1, Integer::sum) == 0) {
					ready.add(next);
				}
			}
		}
		assertThat(finishes).as("%s forecast covers every task and milestone", key(project))
			.hasSize(unresolved.size());
		return finishes;
	}

	private static Calendar calendar(JsonNode project) {
		JsonNode workspace = root.get("workspaceCalendar");
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		strings(workspace.get("workingDays")).forEach(d -> days.add(DayOfWeek.valueOf(d)));
		Set<LocalDate> holidays = new HashSet<>();
		list(workspace, "holidays").forEach(h -> holidays.add(date(h, "date")));
		JsonNode own = project.get("calendar");
		if (own != null && !own.isNull()) {
			if (!own.get("workingDays").isNull()) {
				days.clear();
				strings(own.get("workingDays")).forEach(d -> days.add(DayOfWeek.valueOf(d)));
			}
			list(own, "holidays").forEach(h -> holidays.add(date(h, "date")));
		}
		return new Calendar(days, holidays);
	}

	/**
	 * A working calendar. Positions count working days: a task starting on working day {@code s} with
	 * duration {@code d} occupies days {@code s .. s+d-1} and finishes at position {@code s+d}; a
	 * milestone dated on day {@code m} sits at the end of that day, position {@code m+1}.
	 */
	private record Calendar(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {

		private static final LocalDate ORIGIN = LocalDate.of(2025, 1, 1);

		boolean isWorkingDay(LocalDate date) {
			return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
		}

		/** Number of working days from the origin up to, not including, {@code date}. */
		int position(LocalDate date) {
			int n = 0;
			for (LocalDate d = ORIGIN; d.isBefore(date); d = d.plusDays(1)) {
				if (isWorkingDay(d)) {
					n++;
				}
			}
			return n;
		}

		/** The last working day of a stretch of {@code days} working days starting on {@code start}. */
		LocalDate finishOf(LocalDate start, int days) {
			LocalDate d = start;
			while (!isWorkingDay(d)) {
				d = d.plusDays(1);
			}
			for (int left = days - 1; left > 0; left--) {
				d = d.plusDays(1);
				while (!isWorkingDay(d)) {
					d = d.plusDays(1);
				}
			}
			return d;
		}

		LocalDate plannedFinish(JsonNode task) {
			return finishOf(date(task, "plannedStart"), task.get("durationDays").asInt());
		}

		int workingDaysBetween(LocalDate from, LocalDate toInclusive) {
			return position(toInclusive.plusDays(1)) - position(from);
		}

		/** Start and finish positions of a task or milestone as planned. */
		int[] span(Map<String, JsonNode> tasks, Map<String, JsonNode> milestones, String ref) {
			JsonNode task = tasks.get(ref);
			if (task != null) {
				int start = position(date(task, "plannedStart"));
				return new int[] { start, start + task.get("durationDays").asInt() };
			}
			int at = position(date(milestones.get(ref), "targetDate")) + 1;
			return new int[] { at, at };
		}

	}

}
