package dev.milepost.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MergePatchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MergePatch patches = new MergePatch(JSON,
			Validation.buildDefaultValidatorFactory().getValidator());

	record Criterion(@NotBlank String text, String approver, List<String> roles) {
	}

	record Milestone(String name, @Valid Criterion criterion) {
	}

	/** The examples of RFC 7396, appendix A: target, patch, result. */
	@ParameterizedTest(name = "{0} patched with {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			{"a":"b"}                | {"a":"c"}                      | {"a":"c"}
			{"a":"b"}                | {"b":"c"}                      | {"a":"b","b":"c"}
			{"a":"b"}                | {"a":null}                     | {}
			{"a":"b","b":"c"}        | {"a":null}                     | {"b":"c"}
			{"a":["b"]}              | {"a":"c"}                      | {"a":"c"}
			{"a":"c"}                | {"a":["b"]}                    | {"a":["b"]}
			{"a":{"b":"c"}}          | {"a":{"b":"d","c":null}}       | {"a":{"b":"d"}}
			{"a":[{"b":"c"}]}        | {"a":[1]}                      | {"a":[1]}
			["a","b"]                | ["c","d"]                      | ["c","d"]
			{"a":"b"}                | ["c"]                          | ["c"]
			{"a":"foo"}              | null                           | null
			{"a":"foo"}              | "bar"                          | "bar"
			{"e":null}               | {"a":1}                        | {"e":null,"a":1}
			[1,2]                    | {"a":"b","c":null}             | {"a":"b"}
			{}                       | {"a":{"bb":{"ccc":null}}}      | {"a":{"bb":{}}}
			""")
	void mergesAsRfc7396Says(String target, String patch, String result) {
		assertThat(MergePatch.merge(JSON.readTree(target), JSON.readTree(patch))).isEqualTo(JSON.readTree(result));
	}

	@Test
	void aNestedObjectKeepsTheFieldsThePatchDoesNotName() {
		Milestone current = new Milestone("Go-live", new Criterion("The sponsor signs off", "ana", List.of("SPONSOR")));
		Milestone patched = patches.apply(current, JSON.readTree("{\"criterion\": {\"approver\": \"ben\"}}"),
				Milestone.class);
		assertThat(patched).isEqualTo(
				new Milestone("Go-live", new Criterion("The sponsor signs off", "ben", List.of("SPONSOR"))));
	}

	@Test
	void nullRemovesANestedFieldAndTheResultIsValidatedAsAWhole() {
		Milestone current = new Milestone("Go-live", new Criterion("The sponsor signs off", "ana", List.of()));
		assertThat(patches.apply(current, JSON.readTree("{\"criterion\": {\"approver\": null}}"), Milestone.class)
			.criterion()).isEqualTo(new Criterion("The sponsor signs off", null, List.of()));
		assertThatThrownBy(() -> patches.apply(current, JSON.readTree("{\"criterion\": {\"text\": null}}"),
				Milestone.class))
			.isInstanceOfSatisfying(RuleViolationException.class,
					e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("criterion.text"));
	}

	@Test
	void aPatchThatIsNotAnObjectIsRefused() {
		Milestone current = new Milestone("Go-live", null);
		assertThatThrownBy(() -> patches.apply(current, JSON.readTree("[1]"), Milestone.class))
			.isInstanceOf(BadRequestException.class);
	}

}
