package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.milepost.Api;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The control for the bad-input suite: the bodies it spoils are accepted as they are, so each
 * refusal is for the one thing a case spoilt; and an accepted request does show up in the
 * {@link DatabaseSnapshot}, so "unchanged" means something.
 */
class BadInputBaselineApiTests extends BadInputSuite {

	@TestFactory
	Stream<DynamicTest> theValidBodyOfEveryResourceIsAcceptedAndChangesTheDatabase() {
		return plan.all().stream().map(endpoint -> DynamicTest.dynamicTest("POST " + endpoint.name(), () -> {
			DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
			Api.Response created = endpoint.api().post(endpoint.collection(), endpoint.validBody().get());
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			assertThat(DatabaseSnapshot.take(jdbc).differencesFrom(before)).isNotEmpty();
		}));
	}

}
