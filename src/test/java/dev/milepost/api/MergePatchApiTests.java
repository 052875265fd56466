package dev.milepost.api;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PATCH is a JSON merge patch as RFC 7396 defines it (and the README promises): a nested object in
 * the patch changes only the members it names, and null removes a member, at any depth.
 */
class MergePatchApiTests extends BadInputSuite {

	@Test
	void aPatchOfOneCriterionFieldKeepsTheOthers() {
		Api manager = plan.manager();
		Teams.Team team = plan.team();
		String path = milestoneApprovedBy("Cut-over approved", "The sponsor signs the cut-over plan");

		JsonNode patched = check(manager.patch(path, Map.of("criterion", Map.of("text",
				"The sponsor signs the cut-over plan and the rollback plan")), etag(path)), 200).json();

		assertThat(patched.at("/criterion/kind").asString()).isEqualTo("APPROVAL_BY_PERSON");
		assertThat(patched.at("/criterion/approver").asString()).isEqualTo(team.approver().username());
		assertThat(patched.at("/criterion/text").asString())
			.isEqualTo("The sponsor signs the cut-over plan and the rollback plan");
		assertThat(patched.get("name").asString()).isEqualTo("Cut-over approved");
	}

	@Test
	void nullRemovesANestedMember() {
		Api manager = plan.manager();
		String path = milestoneApprovedBy("Go-live signed", "The sponsor signs the go-live");
		java.util.Map<String, Object> criterion = new java.util.LinkedHashMap<>();
		criterion.put("kind", "OWNER_CONFIRMATION");
		criterion.put("approver", null);

		JsonNode patched = check(manager.patch(path, Map.of("criterion", criterion), etag(path)), 200).json();

		assertThat(patched.at("/criterion/kind").asString()).isEqualTo("OWNER_CONFIRMATION");
		assertThat(patched.at("/criterion/text").asString()).isEqualTo("The sponsor signs the go-live");
		assertThat(patched.at("/criterion/approver").isMissingNode() || patched.at("/criterion/approver").isNull())
			.as(patched.toString())
			.isTrue();
	}

	@Test
	void aPatchOfTheCalendarsHolidaysKeepsItsWorkingDays() {
		Api manager = plan.manager();
		String path = plan.team().path("");
		check(manager.patch(path, Map.of("calendar", Map.of("workingDays",
				List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"))), etag(path)), 200);

		JsonNode patched = check(manager.patch(path, Map.of("calendar", Map.of("holidays",
				List.of(Map.of("date", "2026-05-14", "name", "Ascension")))), etag(path)), 200).json();

		assertThat(patched.at("/calendar/workingDays").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY");
		assertThat(patched.at("/calendar/holidays/0/date").asString()).isEqualTo("2026-05-14");
	}

	@Test
	void aPatchOfOneEstimateFieldKeepsTheOthers() {
		Api manager = plan.manager();
		Teams.Team team = plan.team();
		Map<String, Object> task = new java.util.LinkedHashMap<>(Teams.task("Migrate ledgers"));
		task.put("estimate", Map.of("optimistic", 3, "mostLikely", 5, "pessimistic", 9));
		String path = team.path("/tasks/" + check(manager.post(team.path("/tasks"), task), 201).json().get("id")
			.asString());

		JsonNode patched = check(manager.patch(path, Map.of("estimate", Map.of("pessimistic", 12)), etag(path)), 200)
			.json();

		assertThat(patched.at("/estimate/optimistic").asInt()).isEqualTo(3);
		assertThat(patched.at("/estimate/mostLikely").asInt()).isEqualTo(5);
		assertThat(patched.at("/estimate/pessimistic").asInt()).isEqualTo(12);
	}

	/** A new milestone achieved by the team's approver's approval; its address. */
	private String milestoneApprovedBy(String name, String criterion) {
		Teams.Team team = plan.team();
		return team.path("/milestones/" + check(plan.manager().post(team.path("/milestones"), Map.of("name", name,
				"targetDate", "2026-06-30", "owner", team.manager().username(), "criterion", Map.of("kind",
						"APPROVAL_BY_PERSON", "text", criterion, "approver", team.approver().username()))), 201)
			.json().get("id").asString());
	}

	private String etag(String path) {
		return check(plan.manager().get(path), 200).etag();
	}

}
