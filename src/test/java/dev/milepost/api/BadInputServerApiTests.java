package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.milepost.Api;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Requests the servlet container refuses before any controller runs (an address with an encoded
 * NUL, slash, backslash or bytes that are not UTF-8, a query too long to read, the TRACE method)
 * and {@code /error} asked for directly: problem+json like every other refusal on the API, an
 * error page on pages, never Tomcat's own report or Spring Boot's error JSON.
 */
class BadInputServerApiTests extends BadInputSuite {

	private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml");

	/** Path segments Tomcat refuses to decode, by what is wrong with them. */
	private static final Map<String, String> UNREADABLE = Map.of(
			"an encoded NUL", "%00",
			"an encoded slash", "x%2F",
			"an encoded backslash", "x%5C",
			"an encoded way up", "..%2F..%2Fusers",
			"an overlong UTF-8 dot", "%c0%ae%c0%ae",
			"bytes that are not UTF-8", "%ff%fe");

	@TestFactory
	Stream<DynamicTest> anAddressTheServerCannotReadIsA400Problem() {
		Stream<Refusal> paths = UNREADABLE.entrySet().stream().map(bad -> new Refusal(
				"GET /api/v1/projects/" + bad.getValue() + "/tasks (" + bad.getKey() + ")",
				() -> plan.manager().get("/api/v1/projects/" + bad.getValue() + "/tasks"), 400, null));
		Stream<Refusal> longQuery = Stream.of(new Refusal("GET …/tasks with a 20 kB query",
				() -> plan.manager().get(plan.team().path("/tasks?q=" + "x".repeat(20_000))), 400, null));
		return Stream.concat(paths, longQuery).map(refusal -> refusal.test(jdbc));
	}

	@TestFactory
	Stream<DynamicTest> anAddressTheServerCannotReadIsAnErrorPageOnPages() {
		return UNREADABLE.values().stream().map(bad -> "/projects/" + bad + "/tasks").map(path -> DynamicTest
			.dynamicTest("GET " + path, () -> {
				Api.Response response = plan.manager().send("GET", path, null, BROWSER);
				assertThat(response.status()).as(response.toString()).isEqualTo(400);
				assertNotTheContainersOwn(response);
				assertThat(response.contentType()).startsWith("text/html");
				assertThat(response.body()).contains("Back to the portfolio");
			}));
	}

	/** A request line too long to read has no address and no headers yet, so no page to tell it from the API. */
	@Test
	void aQueryTooLongToReadIsA400FromUsOnPagesToo() {
		Api.Response response = plan.manager()
			.send("GET", "/projects/" + plan.team().key() + "/tasks?q=" + "x".repeat(20_000), null, BROWSER);
		assertThat(response.status()).isEqualTo(400);
		assertNotTheContainersOwn(response);
	}

	@Test
	void traceIsA405ProblemOnTheApiAndAnErrorPageOnPages() {
		for (String path : List.of("/api/v1/projects", plan.team().path("/tasks"))) {
			Api.Response response = plan.manager().send("TRACE", path, null, Map.of());
			Refusal.assertProblem(response, 405);
			assertNotTheContainersOwn(response);
		}
		Api.Response page = plan.manager().send("TRACE", "/projects", null, BROWSER);
		assertThat(page.status()).isEqualTo(405);
		assertNotTheContainersOwn(page);
		assertThat(page.contentType()).startsWith("text/html");
	}

	@Test
	void errorAskedForDirectlyIsAnAddressWhereNothingExists() {
		for (Api api : List.of(plan.manager().anonymous(), plan.manager())) {
			Api.Response json = api.get("/error");
			Refusal.assertProblem(json, 404);
			assertThat(json.json().get("detail").asString()).isEqualTo("Nothing exists at this address.");
			Api.Response page = api.send("GET", "/error", null, BROWSER);
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.contentType()).startsWith("text/html");
			assertNotTheContainersOwn(page);
		}
	}

	private static void assertNotTheContainersOwn(Api.Response response) {
		assertThat(response.body()).as(response.toString())
			.doesNotContain("Apache Tomcat", "HTTP Status", "\"timestamp\"", "Whitelabel", "\"status\":999");
	}

}
