package dev.milepost.plan;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many requests at once on the tests' pool of two connections: task lists (whose tasks carry
 * their assignees), baselines, schedules and changes all answer, since no request holds a
 * connection while it asks for another (the reproduction: 30 parallel task lists against
 * a pool of ten deadlocked it, every request waiting for a second connection).
 */
@MilepostTest
class ConcurrentRequestsTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Test
	void thirtyRequestsAtOnceAllAnswerOnAPoolOfTwo() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		Api manager = team.as(team.manager());
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tasks.add(check(manager.post(team.path("/tasks"), Teams.task("Task " + i, team.member())), 201).json()
				.get("id")
				.asString());
		}
		check(manager.post(team.path("/baselines"), Map.of("name", "Plan of record")), 201);
		List<Callable<Api.Response>> requests = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String task = team.path("/tasks/" + tasks.get(i % tasks.size()));
			requests.add(switch (i % 5) {
				case 0 -> () -> manager.get(team.path("/tasks"));
				case 1 -> () -> manager.get(team.path("/baselines"));
				case 2 -> () -> manager.get(team.path("/schedule"));
				case 3 -> () -> manager.get(task);
				default -> () -> manager.patch(task, Map.of("percentComplete", 10), manager.get(task).etag());
			});
		}
		ExecutorService clients = Executors.newFixedThreadPool(30);
		try {
			List<Future<Api.Response>> answers = clients.invokeAll(requests);
			for (Future<Api.Response> answer : answers) {
				// a PATCH may lose the race for its ETag to another one: 412, also an answer
				assertThat(answer.get().status()).as(answer.get().body()).isIn(200, 412);
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

}
