package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.milepost.Api;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One bad request and the refusal it must get: a 4xx problem+json with a status, title and
 * detail, the offending field named in {@code errors} where a field is at fault, and the
 * database exactly as it was before.
 *
 * @param name what the case sends, as the test report shows it
 * @param request sends the request (reading a current ETag first, for an update)
 * @param status the status the refusal must have
 * @param field the field {@code errors} must name, or null when no single field is at fault
 */
record Refusal(String name, Supplier<Api.Response> request, int status, String field) {

	DynamicTest test(JdbcClient jdbc) {
		return DynamicTest.dynamicTest(name + " → " + status + (field == null ? "" : " naming " + field),
				() -> check(jdbc));
	}

	void check(JdbcClient jdbc) {
		DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
		Api.Response response = request.get();
		List<String> changed = DatabaseSnapshot.take(jdbc).differencesFrom(before);
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(response.status()).as("%s: status of %s", name, response).isEqualTo(status);
		softly.assertThat(response.status()).as("%s: a refusal is a 4xx, never a 5xx", name).isBetween(400, 499);
		softly.assertThat(changed).as("%s: tables changed by a refused request", name).isEmpty();
		softly.assertThat(problemErrors(response)).as("%s: problem+json of %s", name, response).isEmpty();
		if (field != null) {
			softly.assertThat(fieldsNamed(response)).as("%s: fields named by %s", name, response).contains(field);
		}
		softly.assertAll();
	}

	/** What is wrong with the response as a problem document; empty when it is a good one. */
	static List<String> problemErrors(Api.Response response) {
		List<String> errors = new ArrayList<>();
		if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
			errors.add("Content-Type is " + response.contentType());
			return errors;
		}
		JsonNode problem;
		try {
			problem = response.json();
		}
		catch (RuntimeException e) {
			errors.add("the body is not JSON");
			return errors;
		}
		if (!problem.path("status").isInt() || problem.path("status").asInt() != response.status()) {
			errors.add("status member " + problem.get("status") + " is not the response's " + response.status());
		}
		for (String member : List.of("title", "detail")) {
			if (!problem.path(member).isString() || problem.path(member).asString().isBlank()) {
				errors.add(member + " is missing or blank");
			}
		}
		if (problem.has("errors")) {
			for (JsonNode error : problem.get("errors")) {
				if (!error.path("field").isString() || !error.path("message").isString()) {
					errors.add("an entry of errors lacks a field or a message: " + error);
				}
			}
		}
		return errors;
	}

	static List<String> fieldsNamed(Api.Response response) {
		List<String> fields = new ArrayList<>();
		try {
			response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
		}
		catch (RuntimeException e) {
			// not JSON: problemErrors says so
		}
		return fields;
	}

	/** Asserts the response is a good refusal, for requests checked outside a {@link Refusal}. */
	static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(problemErrors(response)).as(response.toString()).isEmpty();
	}

}
