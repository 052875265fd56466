package dev.milepost.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.Teams;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Names of things that do not exist (PRODUCT.md §4): in the path they are a 404, in the body a
 * 422 naming the field; and paging parameters out of range are a 400 naming the parameter.
 */
class BadInputIdsApiTests extends BadInputSuite {

	private static final String UNKNOWN_ID = UUID.randomUUID().toString();

	private static final String UNKNOWN_KEY = "NOSUCH";

	private static final String UNKNOWN_USERNAME = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

	@TestFactory
	Stream<DynamicTest> anUnknownIdInThePathIsA404() {
		Stream<Refusal> byId = Stream.of(plan.tasks(), plan.milestones(), plan.deliverables(), plan.goals(),
				plan.dependencies())
			.flatMap(endpoint -> Stream.of(
					notFound(endpoint, endpoint.collection() + "/" + UNKNOWN_ID, "a random id"),
					notFound(endpoint, endpoint.collection() + "/not-a-uuid", "a malformed id"),
					notFound(endpoint, endpoint.collection() + "/" + UNKNOWN_ID.substring(0, 35), "a cut-off id"),
					notFound(endpoint, endpoint.item() + "0", "an id with a digit too many")))
			.flatMap(cases -> cases);
		Stream<Refusal> otherKinds = Stream.of(
				notFound(plan.tasks(), plan.team().path("/tasks/" + plan.milestone()), "a milestone's id"),
				notFound(plan.milestones(), plan.team().path("/milestones/" + plan.task()), "a task's id"),
				notFound(plan.deliverables(), plan.team().path("/deliverables/" + plan.goal()), "a goal's id"),
				notFound(plan.goals(), plan.team().path("/goals/" + plan.deliverable()), "a deliverable's id"),
				notFound(plan.dependencies(), plan.team().path("/dependencies/" + plan.task()), "a task's id"))
			.flatMap(cases -> cases);
		Stream<Refusal> byName = Stream.of(
				notFound(plan.members(), plan.team().path("/members/" + UNKNOWN_USERNAME), "an unknown username"),
				notFound(plan.members(), plan.team().path("/members/" + plan.candidate().username()),
						"someone who is not a member"),
				notFound(plan.users(), "/api/v1/users/" + UNKNOWN_USERNAME, "an unknown username"),
				notFound(plan.projects(), "/api/v1/projects/" + UNKNOWN_KEY, "an unknown key"),
				notFound(plan.projects(), "/api/v1/projects/" + plan.team().key().toLowerCase(),
						"the key in lower case"),
				notFound(plan.projects(), "/api/v1/projects/" + otherKey(), "a project the caller is not in"),
				notFound(plan.projects(), "/api/v1/projects/" + "K".repeat(300), "a key of 300 characters"),
				notFound(plan.projects(), "/api/v1/projects/%E2%9C%93", "a key that is a tick mark"),
				notFound(plan.tasks(), plan.team().path("/tasks/%20"), "an id that is a space"),
				notFound(plan.users(), "/api/v1/users/%C3%A9ve", "a username with an accent"))
			.flatMap(cases -> cases);
		Stream<Refusal> inUnknownProject = Stream.of(plan.tasks(), plan.milestones(), plan.deliverables(),
				plan.goals(), plan.dependencies(), plan.members())
			.flatMap(endpoint -> Stream.of(UNKNOWN_KEY, otherKey()).flatMap(key -> {
				String collection = endpoint.collection().replace(plan.team().key(), key);
				String item = endpoint.item().replace(plan.team().key(), key);
				String where = key.equals(UNKNOWN_KEY) ? " in an unknown project"
						: " in a project the caller is not in";
				return Stream.of(
						new Refusal("POST " + endpoint.name() + where,
								() -> endpoint.api().post(collection, endpoint.validBody().get()), 404, null),
						endpoint.patchAt(item, where, Map.of(), 404, null));
			}));
		return Stream.of(byId, otherKinds, byName, inUnknownProject)
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> anUnknownIdInTheBodyIsA422NamingTheField() {
		String outsider = plan.team().outsider().username();
		String member = plan.team().member().username();
		Endpoint projects = plan.projects();
		return Stream.of(
				plan.dependencies().postAndPatch("predecessor", UNKNOWN_ID, "no such activity", 422),
				plan.dependencies().postAndPatch("successor", UNKNOWN_ID, "no such activity", 422),
				plan.dependencies().postAndPatch("predecessor", plan.deliverable(), "a deliverable is no activity",
						422),
				plan.dependencies().postAndPatch("successor", plan.goal(), "a goal is no activity", 422),
				plan.deliverables().postAndPatch("milestone", UNKNOWN_ID, "no such milestone", 422),
				plan.deliverables().postAndPatch("milestone", plan.task(), "a task is no milestone", 422),
				plan.deliverables().postAndPatch("acceptor", UNKNOWN_USERNAME, "no such person", 422),
				plan.deliverables().postAndPatch("acceptor", outsider, "not a member", 422),
				plan.tasks().postAndPatch("assignees", List.of(UNKNOWN_USERNAME), "no such person", 422,
						"assignees[0]"),
				plan.tasks().postAndPatch("assignees", List.of(member, outsider), "not a member", 422, "assignees[1]"),
				plan.tasks().postAndPatch("assignees", List.of(member, member), "listed twice", 422, "assignees[1]"),
				plan.milestones().postAndPatch("owner", UNKNOWN_USERNAME, "no such person", 422),
				plan.milestones().postAndPatch("owner", outsider, "not a member", 422),
				plan.milestones().postAndPatch("criterion", Map.of("kind", "APPROVAL_BY_PERSON", "text",
						"The approver approves", "approver", UNKNOWN_USERNAME), "no such approver", 422,
						"criterion.approver"),
				Stream.of(plan.members().post(Endpoint.describe("username", UNKNOWN_USERNAME, "no such person"),
						plan.members().bodyWith("username", UNKNOWN_USERNAME), 422, "username"),
						plan.members().post(Endpoint.describe("username", member, "already a member"),
								plan.members().bodyWith("username", member), 409, "username"),
						projects.post(Endpoint.describe("key", plan.team().key(), "a key that is taken"),
								projects.bodyWith("key", plan.team().key()), 409, "key"),
						projects.post(Endpoint.describe("manager", UNKNOWN_USERNAME, "no such person"),
								projects.bodyWith("manager", UNKNOWN_USERNAME), 422, "manager"),
						plan.users().post(Endpoint.describe("username", member, "a username that is taken"),
								plan.users().bodyWith("username", member), 409, "username")),
				projects.postAndPatch("sponsor", UNKNOWN_USERNAME, "no such person", 422),
				Stream.of(projects.patch(Endpoint.describe("manager", outsider, "not a member"),
						projects.patchWith("manager", outsider), 422, "manager")))
			.flatMap(cases -> cases)
			.map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> pagingOutOfRangeIsA400NamingTheParameter() {
		Map<String, String> badPaging = new java.util.LinkedHashMap<>();
		badPaging.put("size=0", "size");
		badPaging.put("size=-5", "size");
		badPaging.put("size=100000", "size");
		badPaging.put("size=abc", "size");
		badPaging.put("size=1.5", "size");
		badPaging.put("page=-1", "page");
		badPaging.put("page=abc", "page");
		badPaging.put("page=99999999999", "page");
		Stream<Refusal> paging = plan.all()
			.stream()
			.flatMap(endpoint -> badPaging.entrySet()
				.stream()
				.map(bad -> get(endpoint.api(), endpoint.collection() + "?" + bad.getKey(), 400, bad.getValue())));
		Stream<Refusal> filters = Stream.of(
				get(plan.manager(), plan.team().path("/tasks?state=FINISHED"), 400, "state"),
				get(plan.manager(), plan.team().path("/dependencies?activity=not-a-uuid"), 400, "activity"),
				get(plan.manager(), plan.team().path("/dependencies?type=XX"), 400, "type"),
				get(plan.manager(), plan.team().path("/deliverables?accepted=maybe"), 400, "accepted"),
				get(plan.manager(), plan.team().path("/members?role=OWNER"), 400, "role"),
				get(plan.manager(), "/api/v1/projects?status=DONE", 400, "status"));
		return Stream.concat(paging, filters).map(refusal -> refusal.test(jdbc));
	}

	/** Spring Security's firewall refuses these before any controller runs. */
	@TestFactory
	Stream<DynamicTest> anAddressTheFirewallRefusesIsA400Problem() {
		return Stream.of(
				get(plan.manager(), plan.team().path("/tasks;jsessionid=1"), 400, null),
				get(plan.manager(), "/api/v1/projects/" + plan.team().key() + "%3B/tasks", 400, null),
				get(plan.manager(), "/api/v1/projects/" + plan.team().key() + "%25/tasks", 400, null),
				new Refusal("PATCH …/tasks/{id};x=1", () -> plan.manager()
					.patch(plan.team().path("/tasks/" + plan.task()) + ";x=1", Map.of("name", "x"), Endpoint.SOME_ETAG),
						400, null))
			.map(refusal -> refusal.test(jdbc));
	}

	private static Stream<Refusal> notFound(Endpoint endpoint, String path, String what) {
		return Stream.of(
				new Refusal("GET " + endpoint.name() + " by " + what, () -> endpoint.api().get(path), 404, null),
				endpoint.patchAt(path, "by " + what, Map.of(), 404, null));
	}

	private static Refusal get(Api api, String path, int status, String field) {
		return new Refusal("GET " + path.replaceFirst("^/api/v1/projects/[A-Z0-9]+/", "…/"), () -> api.get(path),
				status, field);
	}

	/** The project Teams makes for the team's outsider; the team's manager is not in it. */
	private String otherKey() {
		String key = plan.team().key();
		return key.length() < 10 ? key + "X" : key.substring(0, 9) + "X";
	}

}
