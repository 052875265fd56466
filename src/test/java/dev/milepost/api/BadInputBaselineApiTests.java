package dev.milepost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The control for the bad-input suite: the bodies it spoils are accepted as they are, so each
 * refusal is for the one thing a case spoilt; and an accepted request does show up in the
 * {@link DatabaseSnapshot}, so "unchanged" means something.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputBaselineApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	Plan plan;

	@BeforeAll
	void makeAPlan() {
		plan = Plan.of(teams, people, port);
	}

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
