package dev.milepost.api;

import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every bad-input suite stands on: the running application, a project with a person in
 * every role and one of each resource to aim bad requests at, and the database to snapshot.
 */
@MilepostTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputSuite {

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

}
