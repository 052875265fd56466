package dev.milepost.web;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.RecomputeFaults;
import dev.milepost.Teams;
import dev.milepost.schedule.StatusRecomputation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;

/**
 * Pages and the status recompute: an open page hears of a change once, after its statuses are
 * recomputed (not at the commit and again after the recompute), and while a recompute fails the
 * overview and the milestone page say the statuses are stale, and since when.
 */
@MilepostTest
class StatusRecomputePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	StatusRecomputation recomputation;

	@Autowired
	RecomputeFaults faults;

	@Test
	void anOpenPageHearsOfAChangeOnceAfterItsStatusesAreRecomputed() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		Teams.Linked plan = Teams.taskFeedingMilestone(team);
		BlockingQueue<String> page = PageSession.signIn(port, team.stakeholder()).stream("/projects/" + team.key() + "/events");
		assertThat(until(page, ":connected")).isNotNull();
		Api manager = team.as(team.manager());
		// a baseline is announced at its commit, by the one thread that sends every signal: what the
		// page hears after the first marker and before the second is what the change between made
		check(manager.post(team.path("/baselines"), Map.of("name", "Before")), 201);
		assertThat(until(page, "data:baseline")).as("the first marker").isNotNull();

		// late enough to change the milestone's status: the old way, a page heard of the task and then of the status
		check(manager.patch(plan.task(), Map.of("durationDays", 200), manager.get(plan.task()).etag()), 200);
		check(manager.post(team.path("/baselines"), Map.of("name", "After")), 201);

		List<String> lines = until(page, "data:baseline");
		assertThat(lines).as("what the page heard before the marker").isNotNull();
		assertThat(lines.stream().filter(line -> line.equals("event:changed")).count())
			.as("one signal for the change and its statuses, then the second marker's: " + lines)
			.isEqualTo(2);
		assertThat(lines).contains("data:task", "data:milestone-status");
	}

	@Test
	void whileARecomputeFailsTheOverviewAndTheMilestonePageSayTheStatusesAreStale() {
		Teams.Team team = teams.team(Api.at(port));
		Teams.Linked plan = Teams.taskFeedingMilestone(team);
		PageSession stakeholder = PageSession.signIn(port, team.stakeholder());
		assertThat(stakeholder.get("/projects/" + team.key()).body()).doesNotContain("id=\"statuses-stale\"");
		SmartLifecycle worker = (SmartLifecycle) recomputation;
		worker.stop();
		faults.fail(team.key());
		try {
			Api manager = team.as(team.manager()).withoutStatusRecompute();
			check(manager.patch(plan.task(), Map.of("durationDays", 30), manager.get(plan.task()).etag()), 200);
			recomputation.runDue();

			for (String path : List.of("", "/milestones/" + plan.milestone())) {
				assertThat(stakeholder.get("/projects/" + team.key() + path).body()).as(path)
					.contains("id=\"statuses-stale\"", "being retried",
							recomputation.staleness(team.key()).orElseThrow().since().toString().substring(0, 10));
			}
		}
		finally {
			faults.heal(team.key());
			worker.start();
		}
	}

	/** The lines before the wanted one once it arrives (a minute's bound against a hang), or null. */
	private static List<String> until(BlockingQueue<String> lines, String wanted) throws InterruptedException {
		List<String> seen = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
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
