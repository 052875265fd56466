package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint, as the running application maps it, called by every kind of person:
 * anonymous, the project's stakeholder, member, approver and manager, a workspace administrator
 * and a member of another project. A new endpoint without an entry here fails the build.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	enum Actor {

		ANONYMOUS, STAKEHOLDER, MEMBER, APPROVER, MANAGER, ADMIN, OUTSIDER

	}

	/** A concrete call made ready for one actor: the path and body to send, after any setup. */
	record Call(String method, String path, Object body, String ifMatch, Map<String, String> headers) {

		Call(String method, String path, Object body, String ifMatch) {
			this(method, path, body, ifMatch, Map.of());
		}

	}

	record Endpoint(String method, String pattern, Function<Actor, Call> prepare, Map<Actor, Integer> expected) {
	}

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Teams.Team team;

	Api api;

	final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

	@BeforeAll
	void setUp() {
		api = Api.at(port);
		team = teams.team(api);
		describeEndpoints();
	}

	@Test
	void everyMappedApiEndpointHasAnEntryAndEveryEntryIsMapped() {
		Set<String> mapped = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
				}
			}
		});
		assertThat(mapped).as("endpoints without an access entry").isSubsetOf(endpoints.keySet());
		assertThat(endpoints.keySet()).as("access entries for endpoints that no longer exist").isSubsetOf(mapped);
	}

	@TestFactory
	Stream<DynamicTest> everyoneGetsWhatTheirRoleAllows() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Endpoint endpoint : endpoints.values()) {
			for (Actor actor : Actor.values()) {
				int expected = endpoint.expected().get(actor);
				tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.pattern() + " as " + actor
						+ " → " + expected, () -> {
							Call call = endpoint.prepare().apply(actor);
							Map<String, String> headers = new LinkedHashMap<>(call.headers());
							if (call.ifMatch() != null) {
								headers.put("If-Match", call.ifMatch());
							}
							Api.Response response = as(actor).send(call.method(), call.path(), call.body(), headers);
							assertThat(response.status()).as(response.body()).isEqualTo(expected);
							if (expected >= 400) {
								assertThat(response.contentType()).startsWith("application/problem+json");
							}
						}));
			}
		}
		return tests.stream();
	}

	private Api as(Actor actor) {
		return switch (actor) {
			case ANONYMOUS -> api.anonymous();
			case STAKEHOLDER -> team.as(team.stakeholder());
			case MEMBER -> team.as(team.member());
			case APPROVER -> team.as(team.approver());
			case MANAGER -> team.as(team.manager());
			case ADMIN -> team.as(team.admin());
			case OUTSIDER -> team.as(team.outsider());
		};
	}

	private People.Person person(Actor actor) {
		return switch (actor) {
			case STAKEHOLDER -> team.stakeholder();
			case MEMBER -> team.member();
			case APPROVER -> team.approver();
			case MANAGER -> team.manager();
			case ADMIN -> team.admin();
			case OUTSIDER, ANONYMOUS -> team.outsider();
		};
	}

	// ---- expectations -------------------------------------------------------------------------

	/** anonymous, stakeholder, member, approver, manager, admin, outsider */
	private static Map<Actor, Integer> expect(int anonymous, int stakeholder, int member, int approver, int manager,
			int admin, int outsider) {
		Map<Actor, Integer> map = new EnumMap<>(Actor.class);
		map.put(Actor.ANONYMOUS, anonymous);
		map.put(Actor.STAKEHOLDER, stakeholder);
		map.put(Actor.MEMBER, member);
		map.put(Actor.APPROVER, approver);
		map.put(Actor.MANAGER, manager);
		map.put(Actor.ADMIN, admin);
		map.put(Actor.OUTSIDER, outsider);
		return map;
	}

	private static final Map<Actor, Integer> READ_PROJECT = expect(401, 200, 200, 200, 200, 200, 404);

	private static Map<Actor, Integer> plan(int status) {
		return expect(401, 403, 403, 403, status, status, 404);
	}

	private static Map<Actor, Integer> signedIn(int status) {
		return expect(401, status, status, status, status, status, status);
	}

	private static Map<Actor, Integer> adminOnly(int status) {
		return expect(401, 403, 403, 403, 403, status, 403);
	}

	private void endpoint(String method, String pattern, Function<Actor, Call> prepare, Map<Actor, Integer> expected) {
		endpoints.put(method + " " + pattern, new Endpoint(method, pattern, prepare, expected));
	}

	private Function<Actor, Call> fixed(String method, String path, Object body) {
		return actor -> new Call(method, path, body, null);
	}

	// ---- fixtures made fresh for each call, as the manager ---------------------------------------

	private Api manager() {
		return team.as(team.manager());
	}

	private String create(String collection, Object body) {
		return Teams.check(manager().post(team.path(collection), body), 201).json().get("id").asString();
	}

	private String etag(String path) {
		return Teams.check(manager().get(path), 200).etag();
	}

	private String task() {
		return create("/tasks", Teams.task("Task " + System.nanoTime(), team.member()));
	}

	private String milestone(Map<String, Object> criterion) {
		return create("/milestones", Teams.milestone("Milestone " + System.nanoTime(), team.manager(), criterion));
	}

	private String deliverable() {
		return create("/deliverables",
				Map.of("name", "Deliverable " + System.nanoTime(), "acceptor", team.approver().username()));
	}

	private String goal() {
		return create("/goals", Map.of("outcome", "Outcome " + System.nanoTime()));
	}

	private String dependency() {
		return create("/dependencies", Map.of("predecessor", task(), "successor", task(), "type", "FS", "lagDays", 0));
	}

	private String extraMember() {
		People.Person extra = people.person("Extra");
		Teams.check(manager().post(team.path("/members"), Map.of("username", extra.username(), "role", "MEMBER")), 201);
		return extra.username();
	}

	private Function<Actor, Call> patchOf(Function<Actor, String> path, Object body) {
		return actor -> {
			String target = path.apply(actor);
			return new Call("PATCH", target, body, etag(target));
		};
	}

	private void describeEndpoints() {
		String base = "/api/v1/projects/{key}";
		// people and the caller's own account
		endpoint("GET", "/api/v1/users", fixed("GET", "/api/v1/users", null), signedIn(200));
		endpoint("POST", "/api/v1/users", actor -> new Call("POST", "/api/v1/users", Map.of("username",
				"new-" + System.nanoTime(), "displayName", "New Person", "password", "a-long-password"), null),
				adminOnly(201));
		endpoint("GET", "/api/v1/users/{username}",
				actor -> new Call("GET", "/api/v1/users/" + team.manager().username(), null, null),
				expect(401, 200, 200, 200, 200, 200, 404));
		endpoint("PATCH", "/api/v1/users/{username}", actor -> {
			String path = "/api/v1/users/" + people.person("Patched").username();
			return new Call("PATCH", path, Map.of("displayName", "Renamed"),
					team.as(team.admin()).get(path).etag());
		}, adminOnly(200));
		endpoint("DELETE", "/api/v1/users/{username}",
				actor -> new Call("DELETE", "/api/v1/users/" + people.person("Leaver").username(), null, null),
				adminOnly(204));
		endpoint("GET", "/api/v1/me", fixed("GET", "/api/v1/me", null), signedIn(200));
		endpoint("POST", "/api/v1/me/password", fixed("POST", "/api/v1/me/password",
				Map.of("currentPassword", People.PASSWORD, "newPassword", People.PASSWORD)), signedIn(204));
		endpoint("GET", "/api/v1/me/tokens", fixed("GET", "/api/v1/me/tokens", null), signedIn(200));
		endpoint("POST", "/api/v1/me/tokens", fixed("POST", "/api/v1/me/tokens", Map.of("name", "cli")),
				signedIn(201));
		endpoint("DELETE", "/api/v1/me/tokens/{id}", actor -> {
			String id = actor == Actor.ANONYMOUS ? java.util.UUID.randomUUID().toString()
					: as(actor).post("/api/v1/me/tokens", Map.of("name", "short-lived")).json().get("id").asString();
			return new Call("DELETE", "/api/v1/me/tokens/" + id, null, null);
		}, signedIn(204));
		// workspace calendar
		endpoint("GET", "/api/v1/workspace/calendar", fixed("GET", "/api/v1/workspace/calendar", null),
				signedIn(200));
		endpoint("PATCH", "/api/v1/workspace/calendar", actor -> new Call("PATCH", "/api/v1/workspace/calendar",
				Map.of("workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
				team.as(team.admin()).get("/api/v1/workspace/calendar").etag()), adminOnly(200));
		// projects
		endpoint("GET", "/api/v1/projects", fixed("GET", "/api/v1/projects", null), signedIn(200));
		endpoint("POST", "/api/v1/projects", actor -> {
			String key = "P" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
			String self = person(actor).username();
			return new Call("POST", "/api/v1/projects", Map.of("key", key, "name", "New " + key, "sponsor", self,
					"manager", self, "start", "2026-01-05", "targetFinish", "2026-06-30"), null);
		}, signedIn(201));
		endpoint("GET", base, actor -> new Call("GET", team.path(""), null, null), READ_PROJECT);
		endpoint("PATCH", base, actor -> new Call("PATCH", team.path(""), Map.of("description", "Updated"),
				etag(team.path(""))), plan(200));
		endpoint("DELETE", base, actor -> {
			String key = actor == Actor.ADMIN ? disposableProject() : team.key();
			return new Call("DELETE", "/api/v1/projects/" + key, null, null);
		}, expect(401, 403, 403, 403, 403, 204, 404));
		// members
		endpoint("GET", base + "/members", fixed("GET", team.path("/members"), null), READ_PROJECT);
		endpoint("POST", base + "/members", actor -> new Call("POST", team.path("/members"),
				Map.of("username", people.person("Joiner").username(), "role", "STAKEHOLDER"), null), plan(201));
		endpoint("GET", base + "/members/{username}",
				fixed("GET", team.path("/members/" + team.member().username()), null), READ_PROJECT);
		endpoint("PATCH", base + "/members/{username}",
				patchOf(actor -> team.path("/members/" + extraMember()), Map.of("role", "APPROVER")), plan(200));
		endpoint("DELETE", base + "/members/{username}",
				actor -> new Call("DELETE", team.path("/members/" + extraMember()), null, null), plan(204));
		// goals
		endpoint("GET", base + "/goals", fixed("GET", team.path("/goals"), null), READ_PROJECT);
		endpoint("POST", base + "/goals", fixed("POST", team.path("/goals"),
				Map.of("outcome", "Close the books in 3 days", "measure", "days to close")), plan(201));
		endpoint("GET", base + "/goals/{id}", actor -> new Call("GET", team.path("/goals/" + goal()), null, null),
				READ_PROJECT);
		endpoint("PATCH", base + "/goals/{id}",
				patchOf(actor -> team.path("/goals/" + goal()), Map.of("measure", "median days")), plan(200));
		endpoint("DELETE", base + "/goals/{id}",
				actor -> new Call("DELETE", team.path("/goals/" + goal()), null, null), plan(204));
		// tasks: members may report progress on the tasks they are assigned to
		endpoint("GET", base + "/tasks", fixed("GET", team.path("/tasks"), null), READ_PROJECT);
		endpoint("POST", base + "/tasks", fixed("POST", team.path("/tasks"), Teams.task("Build interfaces")),
				plan(201));
		endpoint("GET", base + "/tasks/{id}", actor -> new Call("GET", team.path("/tasks/" + task()), null, null),
				READ_PROJECT);
		endpoint("PATCH", base + "/tasks/{id}",
				patchOf(actor -> team.path("/tasks/" + task()), Map.of("percentComplete", 40)),
				expect(401, 403, 200, 403, 200, 200, 404));
		endpoint("DELETE", base + "/tasks/{id}",
				actor -> new Call("DELETE", team.path("/tasks/" + task()), null, null), plan(204));
		// milestones
		Map<String, Object> approverRole = Map.of("kind", "APPROVAL_BY_ROLE", "text", "An approver signs off",
				"role", "APPROVER");
		endpoint("GET", base + "/milestones", fixed("GET", team.path("/milestones"), null), READ_PROJECT);
		endpoint("POST", base + "/milestones", fixed("POST", team.path("/milestones"),
				Teams.milestone("UAT approved", team.manager(), approverRole)), plan(201));
		endpoint("GET", base + "/milestones/{id}",
				actor -> new Call("GET", team.path("/milestones/" + milestone(approverRole)), null, null),
				READ_PROJECT);
		endpoint("PATCH", base + "/milestones/{id}",
				patchOf(actor -> team.path("/milestones/" + milestone(approverRole)), Map.of("description", "Moved")),
				plan(200));
		endpoint("DELETE", base + "/milestones/{id}",
				actor -> new Call("DELETE", team.path("/milestones/" + milestone(approverRole)), null, null),
				plan(204));
		// the criterion decides who achieves: here, whoever holds the approver role; others may
		// call but are refused for want of evidence (422), stakeholders may not call at all
		endpoint("POST", base + "/milestones/{id}/achievement",
				actor -> new Call("POST", team.path("/milestones/" + milestone(approverRole) + "/achievement"),
						Map.of("evidence", "Signed off"), null),
				expect(401, 403, 422, 200, 422, 422, 404));
		// whether the caller may achieve it, and why not: anyone who reads the project may ask
		endpoint("GET", base + "/milestones/{id}/achievement",
				actor -> new Call("GET", team.path("/milestones/" + milestone(approverRole) + "/achievement"), null, null),
				READ_PROJECT);
		// deliverables: only the named acceptor accepts or rejects
		endpoint("GET", base + "/deliverables", fixed("GET", team.path("/deliverables"), null), READ_PROJECT);
		endpoint("POST", base + "/deliverables", fixed("POST", team.path("/deliverables"),
				Map.of("name", "Runbook", "acceptor", team.approver().username())), plan(201));
		endpoint("GET", base + "/deliverables/{id}",
				actor -> new Call("GET", team.path("/deliverables/" + deliverable()), null, null), READ_PROJECT);
		endpoint("PATCH", base + "/deliverables/{id}",
				patchOf(actor -> team.path("/deliverables/" + deliverable()), Map.of("description", "v2")),
				plan(200));
		endpoint("DELETE", base + "/deliverables/{id}",
				actor -> new Call("DELETE", team.path("/deliverables/" + deliverable()), null, null), plan(204));
		endpoint("POST", base + "/deliverables/{id}/acceptance",
				actor -> new Call("POST", team.path("/deliverables/" + deliverable() + "/acceptance"),
						Map.of("note", "Looks right"), null),
				expect(401, 403, 403, 200, 403, 403, 404));
		endpoint("POST", base + "/deliverables/{id}/rejection",
				actor -> new Call("POST", team.path("/deliverables/" + deliverable() + "/rejection"),
						Map.of("reason", "The runbook misses the rollback"), null),
				expect(401, 403, 403, 200, 403, 403, 404));
		// dependencies
		endpoint("GET", base + "/dependencies", fixed("GET", team.path("/dependencies"), null), READ_PROJECT);
		endpoint("POST", base + "/dependencies", actor -> new Call("POST", team.path("/dependencies"),
				Map.of("predecessor", task(), "successor", task(), "type", "SS", "lagDays", 2), null), plan(201));
		endpoint("GET", base + "/dependencies/{id}",
				actor -> new Call("GET", team.path("/dependencies/" + dependency()), null, null), READ_PROJECT);
		endpoint("PATCH", base + "/dependencies/{id}",
				patchOf(actor -> team.path("/dependencies/" + dependency()), Map.of("lagDays", -1)), plan(200));
		endpoint("DELETE", base + "/dependencies/{id}",
				actor -> new Call("DELETE", team.path("/dependencies/" + dependency()), null, null), plan(204));
		// bulk changes: a create of a task and a link to it, the rights of the single endpoints
		endpoint("POST", base + "/plan/changes", actor -> new Call("POST", team.path("/plan/changes"),
				Map.of("operations", List.of(
						Map.of("op", "create", "type", "task", "ref", "t", "value",
								Map.of("name", "Bulk task", "durationDays", 2)),
						Map.of("op", "create", "type", "dependency", "value", Map.of("predecessor", task(),
								"successor", Map.of("ref", "t"), "type", "FS", "lagDays", 0)))),
				null), plan(200));
		// a copy as a new project's template: the original's managers only
		endpoint("POST", base + "/copy", actor -> new Call("POST", team.path("/copy"), Map.of("key",
				"C" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(), "name", "Copy",
				"start", "2026-02-02"), null), plan(201));
		endpoint("GET", base + "/health", fixed("GET", team.path("/health"), null), READ_PROJECT);
		describeAuditEndpoints(base);
		describeScheduleEndpoints(base);
		describeNotificationEndpoints(base);
		describeApprovalEndpoints(base);
		describeProcessEndpoints(base);
		describeAutomationRunEndpoints(base);
		describeBlueprintEndpoints(base);
	}

	private void describeNotificationEndpoints(String base) {
		endpoint("GET", "/api/v1/me/notifications", fixed("GET", "/api/v1/me/notifications?unread=true", null),
				signedIn(200));
		endpoint("GET", "/api/v1/me/notifications/unread-count",
				fixed("GET", "/api/v1/me/notifications/unread-count", null), signedIn(200));
		endpoint("POST", "/api/v1/me/notifications/{id}/read", actor -> new Call("POST",
				"/api/v1/me/notifications/" + notificationFor(person(actor)) + "/read", null, null), signedIn(204));
		endpoint("POST", "/api/v1/me/notifications/read-all", fixed("POST", "/api/v1/me/notifications/read-all", null),
				signedIn(200));
		endpoint("GET", "/api/v1/me/notification-preferences",
				fixed("GET", "/api/v1/me/notification-preferences", null), signedIn(200));
		endpoint("PUT", "/api/v1/me/notification-preferences", fixed("PUT", "/api/v1/me/notification-preferences",
				Map.of("channels", Map.of("TASK_REMINDER", List.of("IN_APP")), "emailDigest", "OFF")), signedIn(200));
		Map<String, Object> hook = Map.of("url", "http://127.0.0.1:9/milepost", "events", List.of("TASK_REMINDER"));
		endpoint("GET", base + "/webhooks", fixed("GET", team.path("/webhooks"), null), plan(200));
		endpoint("POST", base + "/webhooks", fixed("POST", team.path("/webhooks"), hook), plan(201));
		endpoint("GET", base + "/webhooks/{id}",
				actor -> new Call("GET", team.path("/webhooks/" + create("/webhooks", hook)), null, null), plan(200));
		endpoint("DELETE", base + "/webhooks/{id}",
				actor -> new Call("DELETE", team.path("/webhooks/" + create("/webhooks", hook)), null, null), plan(204));
		endpoint("POST", base + "/webhooks/{id}/enable", actor -> new Call("POST",
				team.path("/webhooks/" + create("/webhooks", hook) + "/enable"), null, null), plan(200));
		endpoint("GET", base + "/webhooks/{id}/deliveries", actor -> new Call("GET",
				team.path("/webhooks/" + create("/webhooks", hook) + "/deliveries"), null, null), plan(200));
		endpoint("GET", "/api/v1/webhooks", fixed("GET", "/api/v1/webhooks", null), adminOnly(200));
		endpoint("POST", "/api/v1/webhooks", fixed("POST", "/api/v1/webhooks", hook), adminOnly(201));
		endpoint("GET", "/api/v1/webhooks/{id}",
				actor -> new Call("GET", "/api/v1/webhooks/" + workspaceWebhook(hook), null, null), adminOnly(200));
		endpoint("DELETE", "/api/v1/webhooks/{id}",
				actor -> new Call("DELETE", "/api/v1/webhooks/" + workspaceWebhook(hook), null, null), adminOnly(204));
		endpoint("POST", "/api/v1/webhooks/{id}/enable", actor -> new Call("POST",
				"/api/v1/webhooks/" + workspaceWebhook(hook) + "/enable", null, null), adminOnly(200));
		endpoint("GET", "/api/v1/webhooks/{id}/deliveries", actor -> new Call("GET",
				"/api/v1/webhooks/" + workspaceWebhook(hook) + "/deliveries", null, null), adminOnly(200));
		endpoint("GET", base + "/incidents", fixed("GET", team.path("/incidents"), null), plan(200));
		endpoint("POST", base + "/incidents/{id}/retry", actor -> new Call("POST",
				team.path("/incidents/" + incident(projectId()) + "/retry"), null, null), plan(200));
		endpoint("GET", "/api/v1/incidents", fixed("GET", "/api/v1/incidents", null), adminOnly(200));
		endpoint("POST", "/api/v1/incidents/{id}/retry",
				actor -> new Call("POST", "/api/v1/incidents/" + incident(null) + "/retry", null, null), adminOnly(200));
	}

	private String workspaceWebhook(Map<String, Object> hook) {
		return Teams.check(team.as(team.admin()).post("/api/v1/webhooks", hook), 201).json().get("id").asString();
	}

	private java.util.UUID projectId() {
		return jdbc.sql("select id from project where project_key = :k").param("k", team.key())
			.query(java.util.UUID.class)
			.single();
	}

	/** A notification in the person's inbox, as a delivery would have put it there. */
	private java.util.UUID notificationFor(People.Person person) {
		java.util.UUID id = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into notification (id, user_id, delivery_id, event_id, kind, title, body, created_at)
				values (:id, :user, :delivery, :event, 'TASK_REMINDER', 'A reminder', 'Due soon', current_timestamp)""")
			.param("id", id)
			.param("user", person.id())
			.param("delivery", java.util.UUID.randomUUID())
			.param("event", java.util.UUID.randomUUID())
			.update();
		return id;
	}

	/** A delivery of the project (or, with null, the workspace) whose retries ran out. */
	private java.util.UUID incident(java.util.UUID projectId) {
		java.util.UUID event = java.util.UUID.randomUUID();
		java.util.UUID delivery = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into notification_event (id, event_key, kind, project_id, project_key, title, body, data, occurred_at)
				values (:id, :key, 'MILESTONE_ACHIEVED', :p, :k, 'Achieved', 'Achieved', '{}', current_timestamp)""")
			.param("id", event)
			.param("key", "access-matrix:" + event)
			.param("p", projectId)
			.param("k", projectId == null ? null : team.key())
			.update();
		jdbc.sql("""
				insert into notification_delivery (id, idempotency_key, event_id, channel, recipient_id, project_id, status,
				    attempts, next_attempt_at, retry_from, created_at, last_error)
				values (:id, :key, :event, 'IN_APP', :user, :p, 'FAILED', 9, current_timestamp, current_timestamp,
				    current_timestamp, 'gave up')""")
			.param("id", delivery)
			.param("key", "access-matrix:" + delivery)
			.param("event", event)
			.param("user", team.manager().id())
			.param("p", projectId)
			.update();
		return delivery;
	}

	/** Managers open requests; only the approver a request names decides or delegates it. */
	private void describeApprovalEndpoints(String base) {
		endpoint("GET", base + "/approvals", fixed("GET", team.path("/approvals"), null), READ_PROJECT);
		endpoint("POST", base + "/approvals", actor -> new Call("POST", team.path("/approvals"), approvalBody(), null),
				plan(201));
		endpoint("GET", base + "/approvals/{id}",
				actor -> new Call("GET", team.path("/approvals/" + approval()), null, null), READ_PROJECT);
		endpoint("PATCH", base + "/approvals/{id}",
				patchOf(actor -> team.path("/approvals/" + approval()), Map.of("description", "More context")),
				plan(200));
		endpoint("POST", base + "/approvals/{id}/decisions",
				actor -> new Call("POST", team.path("/approvals/" + approval() + "/decisions"),
						Map.of("decision", "APPROVE", "comment", "Fine by me"), null),
				expect(401, 403, 403, 200, 403, 403, 404));
		endpoint("POST", base + "/approvals/{id}/delegation",
				actor -> new Call("POST", team.path("/approvals/" + approval() + "/delegation"),
						Map.of("to", team.member().username()), null),
				expect(401, 403, 403, 200, 403, 403, 404));
		endpoint("GET", "/api/v1/approvals", fixed("GET", "/api/v1/approvals?mine=true", null), signedIn(200));
		// a missed milestone (target passed) is re-planned through the sponsor, the team's approver
		endpoint("POST", base + "/milestones/{id}/replan", actor -> new Call("POST",
				team.path("/milestones/" + missedMilestone() + "/replan"), Map.of("targetDate",
						LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(), "reason", "The vendor delivers late"),
				null), plan(201));
	}

	/**
	 * Everyone in the project reads the run log, why and incidents of its rules; managers dry-run
	 * and replay drafts.
	 */
	private void describeAutomationRunEndpoints(String base) {
		endpoint("GET", base + "/automation/runs", fixed("GET", team.path("/automation/runs"), null), READ_PROJECT);
		endpoint("GET", base + "/automation/runs/{id}",
				actor -> new Call("GET", team.path("/automation/runs/" + automationRun("task", null)), null, null),
				READ_PROJECT);
		endpoint("GET", base + "/automation/why", actor -> {
			String task = java.util.UUID.randomUUID().toString();
			automationRun("task", task);
			return new Call("GET", team.path("/automation/why?type=task&id=" + task), null, null);
		}, READ_PROJECT);
		endpoint("GET", base + "/automation/incidents", fixed("GET", team.path("/automation/incidents"), null),
				READ_PROJECT);
		String draft = """
				blueprint: Draft
				rules:
				  - name: Tell the manager
				    when:
				      trigger: task.created
				    then:
				      - action: notify
				        to: [manager]
				        message: "{{task.name}} was created"
				""";
		endpoint("POST", base + "/blueprints/dry-run", fixed("POST", team.path("/blueprints/dry-run"),
				Map.of("yaml", draft)), plan(200));
		endpoint("POST", base + "/blueprints/replay", fixed("POST", team.path("/blueprints/replay"),
				Map.of("yaml", draft, "from", java.time.Instant.now().minusSeconds(86_400).toString(), "to",
						java.time.Instant.now().toString())),
				plan(200));
	}

	/** A run in the log of the team's project (written directly: no blueprint needed), with an effect if asked. */
	private String automationRun(String effectType, String effectId) {
		java.util.UUID run = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into automation_run (id, dedupe_key, project_id, project_key, blueprint_id, blueprint_name,
				  version_id, version_number, rule_index, rule_name, trigger_name, event_data, status, depth, started_at)
				values (:id, :key, :p, :pk, :b, 'Test', :v, 1, 0, 'Rule', 'task.created', '{}', 'SUCCEEDED', 0,
				  current_timestamp)""")
			.param("id", run)
			.param("key", "test:" + run)
			.param("p", projectId())
			.param("pk", team.key())
			.param("b", java.util.UUID.randomUUID())
			.param("v", java.util.UUID.randomUUID())
			.update();
		if (effectId != null) {
			jdbc.sql("insert into automation_action (run_id, action_index, action, status, entity_type, entity_id) "
					+ "values (:r, 0, 'create-task', 'SUCCEEDED', :t, :e)")
				.param("r", run)
				.param("t", effectType)
				.param("e", effectId)
				.update();
			jdbc.sql("insert into automation_effect (entity_type, entity_id, run_id, action_index) values (:t, :e, :r, 0)")
				.param("r", run)
				.param("t", effectType)
				.param("e", effectId)
				.update();
		}
		return run.toString();
	}

	/** Everyone in the project reads processes and templates; managers start and define them. */
	private void describeProcessEndpoints(String base) {
		endpoint("GET", "/api/v1/process-templates", fixed("GET", "/api/v1/process-templates", null), signedIn(200));
		endpoint("GET", base + "/process-templates", fixed("GET", team.path("/process-templates"), null),
				READ_PROJECT);
		endpoint("POST", base + "/process-templates", fixed("POST", team.path("/process-templates"), Map.of("name",
				"Review", "steps", List.of(Map.of("key", "review", "name", "Review", "kind", "TASK", "durationDays", 1,
						"owner", "MEMBER", "startOffset", 0)),
				"milestone", Map.of("name", "Reviewed", "owner", "MANAGER", "criterion", "ALL_FEEDING_TASKS_DONE"))),
				plan(201));
		endpoint("GET", base + "/processes", fixed("GET", team.path("/processes"), null), READ_PROJECT);
		endpoint("POST", base + "/processes", actor -> new Call("POST", team.path("/processes"), processBody(), null),
				plan(201));
		endpoint("GET", base + "/processes/{id}",
				actor -> new Call("GET", team.path("/processes/" + create("/processes", processBody())), null, null),
				READ_PROJECT);

		// the blueprint assistant drafts for the project's managers and administrators only
		endpoint("POST", base + "/blueprints/assistant", fixed("POST", team.path("/blueprints/assistant"),
				Map.of("text", "when a task is overdue notify the manager")), plan(200));
	}

	private static final String BLUEPRINT = """
			blueprint: Access
			rules:
			  - name: Warn
			    when: {trigger: milestone.at-risk}
			    then:
			      - {action: notify, to: [manager], message: at risk}
			""";

	/** A fresh blueprint, project or workspace, made by its writer; optionally active or paused, or with two versions. */
	private String blueprint(boolean workspace, boolean activate, boolean pause, boolean twoVersions) {
		Api writer = workspace ? team.as(team.admin()) : manager();
		String base = workspace ? "/api/v1/blueprints" : team.path("/blueprints");
		String id = Teams.check(writer.post(base, Map.of("yaml", BLUEPRINT, "activate", activate)), 201).json().get("id")
			.asString();
		if (pause) {
			Teams.check(writer.post(base + "/" + id + "/pause", null), 200);
		}
		if (twoVersions) {
			String etag = Teams.check(writer.get(base + "/" + id), 200).etag();
			Teams.check(writer.send("PUT", base + "/" + id, Map.of("yaml", BLUEPRINT.replace("Warn", "Warn them")),
					Map.of("If-Match", etag)), 200);
		}
		return base + "/" + id;
	}

	/** Project blueprints: the project's people read, its managers write; workspace ones: all read, admins write. */
	private void describeBlueprintEndpoints(String base) {
		for (boolean workspace : List.of(false, true)) {
			String pattern = workspace ? "/api/v1/blueprints" : base + "/blueprints";
			String collection = workspace ? "/api/v1/blueprints" : team.path("/blueprints");
			Map<Actor, Integer> read = workspace ? signedIn(200) : READ_PROJECT;
			Map<Actor, Integer> created = workspace ? adminOnly(201) : plan(201);
			Map<Actor, Integer> ok = workspace ? adminOnly(200) : plan(200);
			Map<Actor, Integer> gone = workspace ? adminOnly(204) : plan(204);
			endpoint("GET", pattern, fixed("GET", collection, null), read);
			endpoint("POST", pattern, fixed("POST", collection, Map.of("yaml", BLUEPRINT)), created);
			endpoint("POST", pattern + "/validate", fixed("POST", collection + "/validate", Map.of("yaml", BLUEPRINT)),
					read);
			endpoint("GET", pattern + "/{id}", actor -> new Call("GET", blueprint(workspace, false, false, false), null,
					null), read);
			endpoint("PUT", pattern + "/{id}", actor -> {
				String path = blueprint(workspace, false, false, false);
				String etag = Teams.check((workspace ? team.as(team.admin()) : manager()).get(path), 200).etag();
				return new Call("PUT", path, Map.of("yaml", BLUEPRINT, "note", "again"), etag);
			}, ok);
			endpoint("DELETE", pattern + "/{id}", actor -> new Call("DELETE", blueprint(workspace, false, false, false),
					null, null), gone);
			endpoint("GET", pattern + "/{id}/versions", actor -> new Call("GET",
					blueprint(workspace, false, false, false) + "/versions", null, null), read);
			endpoint("GET", pattern + "/{id}/versions/{number}", actor -> new Call("GET",
					blueprint(workspace, false, false, false) + "/versions/1", null, null), read);
			endpoint("GET", pattern + "/{id}/diff", actor -> new Call("GET",
					blueprint(workspace, false, false, true) + "/diff?from=1&to=2", null, null), read);
			endpoint("POST", pattern + "/{id}/activate", actor -> new Call("POST",
					blueprint(workspace, false, false, false) + "/activate", Map.of("version", 1), null), ok);
			endpoint("POST", pattern + "/{id}/pause", actor -> new Call("POST",
					blueprint(workspace, true, false, false) + "/pause", null, null), ok);
			endpoint("POST", pattern + "/{id}/resume", actor -> new Call("POST",
					blueprint(workspace, true, true, false) + "/resume", null, null), ok);
			endpoint("POST", pattern + "/{id}/rollback", actor -> new Call("POST",
					blueprint(workspace, true, false, true) + "/rollback", Map.of("version", 1), null), ok);
		}
		endpoint("POST", base + "/blueprints/applied/{id}", actor -> new Call("POST",
				team.path("/blueprints/applied/" + lastSegment(blueprint(true, true, false, false))), null, null),
				plan(201));
		endpoint("DELETE", base + "/blueprints/applied/{id}", actor -> {
			String id = lastSegment(blueprint(true, true, false, false));
			Teams.check(manager().post(team.path("/blueprints/applied/" + id), null), 201);
			return new Call("DELETE", team.path("/blueprints/applied/" + id), null, null);
		}, plan(204));
		endpoint("GET", base + "/automation", fixed("GET", team.path("/automation"), null), READ_PROJECT);
		endpoint("PUT", base + "/automation", fixed("PUT", team.path("/automation"), Map.of("paused", false)),
				plan(200));
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private Map<String, Object> processBody() {
		return Map.of("template", "qa-cycle", "start", LocalDate.now(ZoneOffset.UTC).toString());
	}

	private Map<String, Object> approvalBody() {
		return Map.of("title", "Go-live approved?", "approvers", List.of(Map.of("username", team.approver().username())),
				"dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
	}

	private String approval() {
		return create("/approvals", approvalBody());
	}

	private String missedMilestone() {
		return create("/milestones", Map.of("name", "Missed " + System.nanoTime(), "targetDate",
				LocalDate.now(ZoneOffset.UTC).minusDays(10).toString(), "owner", team.manager().username(), "criterion",
				Teams.ownerConfirmation()));
	}

	private static final String BOUNDARY = "----milepost-access-matrix";

	/** A multipart upload of a two-task Microsoft Project XML file. */
	private static Call upload() {
		String xml = "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\"><Name>Matrix</Name>"
				+ "<StartDate>2026-01-05T08:00:00</StartDate><Tasks>"
				+ "<Task><UID>1</UID><ID>1</ID><Name>A</Name><Duration>PT16H0M0S</Duration><OutlineLevel>1</OutlineLevel></Task>"
				+ "<Task><UID>2</UID><ID>2</ID><Name>B</Name><Duration>PT8H0M0S</Duration><OutlineLevel>1</OutlineLevel>"
				+ "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
				+ "</Tasks></Project>";
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.xml\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + xml + "\r\n--" + BOUNDARY + "--\r\n";
		return new Call("POST", "/api/v1/imports", body, null,
				Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
	}

	/** An import the manager uploaded, fresh for each call. */
	private String managersImport() {
		Call call = upload();
		return Teams.check(manager().send(call.method(), call.path(), call.body(), call.headers()), 201).json()
			.get("id")
			.asString();
	}

	private void describeScheduleEndpoints(String base) {
		endpoint("GET", base + "/schedule", fixed("GET", team.path("/schedule"), null), READ_PROJECT);
		endpoint("GET", base + "/milestone-status", fixed("GET", team.path("/milestone-status"), null),
				READ_PROJECT);
		endpoint("GET", base + "/early-warning", fixed("GET", team.path("/early-warning"), null), READ_PROJECT);
		// the plan as a file (interchange): anyone who reads the project
		endpoint("GET", base + "/export", fixed("GET", team.path("/export?format=csv"), null), READ_PROJECT);
		// a plan from a file (interchange): anyone signed in uploads; only the uploader reads and confirms
		endpoint("POST", "/api/v1/imports", actor -> upload(), signedIn(201));
		endpoint("GET", "/api/v1/imports/{id}", actor -> new Call("GET", "/api/v1/imports/" + managersImport(), null,
				null), expect(401, 404, 404, 404, 200, 404, 404));
		endpoint("POST", "/api/v1/imports/{id}/confirm", actor -> new Call("POST",
				"/api/v1/imports/" + managersImport() + "/confirm",
				Map.of("key", "I" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase()), null),
				expect(401, 404, 404, 404, 201, 404, 404));
		endpoint("POST", base + "/impact", actor -> new Call("POST", team.path("/impact"),
				Map.of("changes", List.of(Map.of("kind", "SLIP", "activity", task(), "days", 3))), null),
				expect(401, 200, 200, 200, 200, 200, 404));
		endpoint("POST", base + "/simulation",
				fixed("POST", team.path("/simulation"), Map.of("iterations", 200, "seed", 7)),
				expect(401, 200, 200, 200, 200, 200, 404));
		// each person's own calendar feed: anyone in the project may have one; DELETE revokes the caller's
		endpoint("GET", base + "/calendar-feed", fixed("GET", team.path("/calendar-feed"), null), READ_PROJECT);
		endpoint("POST", base + "/calendar-feed", fixed("POST", team.path("/calendar-feed"), null),
				expect(401, 201, 201, 201, 201, 201, 404));
		endpoint("DELETE", base + "/calendar-feed", actor -> {
			if (actor != Actor.ANONYMOUS && actor != Actor.OUTSIDER) {
				Teams.check(as(actor).post(team.path("/calendar-feed"), null), 201);
			}
			return new Call("DELETE", team.path("/calendar-feed"), null, null);
		}, expect(401, 204, 204, 204, 204, 204, 404));
		endpoint("GET", base + "/baselines", fixed("GET", team.path("/baselines"), null), READ_PROJECT);
		endpoint("POST", base + "/baselines", actor -> new Call("POST", team.path("/baselines"),
				Map.of("name", "Baseline " + System.nanoTime()), null), plan(201));
		endpoint("GET", base + "/baselines/{id}",
				actor -> new Call("GET", team.path("/baselines/" + baseline()), null, null), READ_PROJECT);
		endpoint("DELETE", base + "/baselines/{id}",
				actor -> new Call("DELETE", team.path("/baselines/" + baseline()), null, null), plan(204));
		endpoint("GET", base + "/baselines/{id}/variance",
				actor -> new Call("GET", team.path("/baselines/" + baseline() + "/variance"), null, null),
				READ_PROJECT);
		Map<String, Object> ownerConfirms = Teams.ownerConfirmation();
		endpoint("GET", base + "/milestones/{id}/trend",
				actor -> new Call("GET", team.path("/milestones/" + milestone(ownerConfirms) + "/trend"), null, null),
				READ_PROJECT);
	}

	private String baseline() {
		return create("/baselines", Map.of("name", "Baseline " + System.nanoTime()));
	}

	private void describeAuditEndpoints(String base) {
		endpoint("GET", base + "/audit", fixed("GET", team.path("/audit"), null), READ_PROJECT);
		endpoint("GET", "/api/v1/audit", fixed("GET", "/api/v1/audit", null), adminOnly(200));
		endpoint("POST", "/api/v1/audit/verification",
				actor -> new Call("POST", "/api/v1/audit/verification?scope=" + team.key(), null, null),
				adminOnly(200));
	}

	private String disposableProject() {
		String key = "D" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		Teams.check(team.as(team.admin()).post("/api/v1/projects", Map.of("key", key, "name", "Disposable",
				"sponsor", team.manager().username(), "manager", team.manager().username(), "start", "2026-01-05",
				"targetFinish", "2026-03-31")), 201);
		return key;
	}

}
