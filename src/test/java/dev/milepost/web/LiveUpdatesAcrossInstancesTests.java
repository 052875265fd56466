package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.milepost.Api;
import dev.milepost.Instances;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two instances on one database: a page open on one instance hears of a change made through the
 * other, and a page on the instance that made the change hears of it once, not twice. The first
 * instance is the tests' shared application; the second joins its database for this test.
 */
@MilepostTest
class LiveUpdatesAcrossInstancesTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Environment environment;

	@Test
	void aPageOnOneInstanceHearsOfAChangeMadeThroughTheOther() throws Exception {
		try (ConfigurableApplicationContext two = Instances.start(Instances.Database.of(environment), false)) {
			Teams.Team team = teams.team(Api.at(port));
			String events = "/projects/" + team.key() + "/events";
			BlockingQueue<String> onOther = PageSession.signIn(Instances.port(two), team.stakeholder()).stream(events);
			BlockingQueue<String> onSame = PageSession.signIn(port, team.member()).stream(events);
			assertThat(next(onOther, ":connected", 30)).as("the page on instance two is connected").isTrue();
			assertThat(next(onSame, ":connected", 30)).as("the page on instance one is connected").isTrue();

			Teams.check(team.as(team.manager()).post(team.path("/tasks"), Teams.task("Cut over the ledger")), 201);

			assertThat(next(onOther, "data:task", 30)).as("instance two's page hears of the new task").isTrue();
			assertThat(next(onSame, "data:task", 30)).as("instance one's page hears of it").isTrue();
			// a change of another kind through instance two is a marker: instance one relays changes in the
			// order they were written, on the thread that also sends its own, so had it relayed its own task
			// back, that would reach the page before the marker does; no waiting for something not to happen
			Api throughTwo = Api.at(Instances.port(two)).withToken(team.manager().token());
			Teams.check(throughTwo.post(team.path("/milestones"),
					Teams.milestone("Ledger live", team.manager(), Teams.ownerConfirmation())), 201);
			assertThat(until(onSame, "data:milestone", 30)).as("and only once: its own change is not relayed back to it")
				.isNotNull()
				.doesNotContain("data:task");
		}
	}

	/** Whether the line arrives within the seconds given (a bound for liveness only), skipping others. */
	private static boolean next(BlockingQueue<String> lines, String wanted, int seconds) throws InterruptedException {
		return until(lines, wanted, seconds) != null;
	}

	/** The lines before the wanted one, once it arrives; null if it does not arrive within the seconds given. */
	private static List<String> until(BlockingQueue<String> lines, String wanted, int seconds)
			throws InterruptedException {
		List<String> seen = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (wanted.equals(line)) {
				return seen;
			}
			if (line != null) {
				seen.add(line);
			}
		}
		return null;
	}

}
